import { describe, expect, it } from 'vitest';
import { readingNotApplied } from '../../../../renderer/lib/inspector/readingChange';

const named = (d: string) => (d === 'commerce' ? 'Commerce' : d);

describe('readingNotApplied', () => {
  it('names the domain, profile, framing or mapping asked for', () => {
    expect(readingNotApplied({ domain: null }, { domain: 'commerce' }, named)).toBe('Not read with Commerce');
    expect(readingNotApplied({ domain: 'library.ts' }, { domain: null }, named)).toBe('Not read without a domain');
    expect(readingNotApplied({ domain: null }, { domain: null, profile: 'marten' }, named)).toBe('Not read with the marten profile');
    expect(readingNotApplied({ domain: null, framing: 'auto' }, { domain: null, framing: 'lines' }, named)).toBe('Not read with the lines framing');
    expect(readingNotApplied({ domain: null }, { domain: null, map: { types: {} } }, named)).toBe('The mapping was not applied');
  });
});
