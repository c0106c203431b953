import { describe, expect, it } from 'vitest';
import { firstSentence, samplesFrom } from '../../../renderer/lib/samples';

describe('samples', () => {
  it('summarizes a Markdown description by its first sentence as plain text', () => {
    expect(firstSentence('Decisions are *data*, so `how` matters.  Second one.')).toBe('Decisions are data, so how matters.');
    expect(firstSentence('no full stop')).toBe('no full stop');
  });

  it('sorts glob-imported samples by file name', () => {
    const s = samplesFrom({ '../b.json': { default: { name: 'B', domain: 'commerce', description: 'Bee.' } }, '../a.json': { default: { name: 'A' } } });
    expect(s.map((x) => [x.file, x.name, x.summary, x.domain])).toEqual([['a.json', 'A', '', '?'], ['b.json', 'B', 'Bee.', 'commerce']]);
  });
});
