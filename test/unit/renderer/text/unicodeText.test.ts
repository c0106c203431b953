import { describe, expect, it } from 'vitest';
import { eventShows, foldCase } from '../../../../renderer/lib/eventlog/textMatch';
import { summarize } from '../../../../renderer/lib/eventlog/summarize';
import { truncate } from '../../../../renderer/lib/text/truncate';

const shows = (data: unknown, needle: string) => eventShows('e-1', 'NoteAdded', 'note:1', JSON.stringify(data), foldCase(needle));

describe('the event log text filter', () => {
  it('folds case in every script, not only ASCII', () => {
    expect(shows({ text: 'Großer Ärger im Büro, sagt Zoë' }, 'ärger')).toBe(true);
    expect(shows({ text: 'Großer Ärger im Büro, sagt Zoë' }, 'BÜRO')).toBe(true);
    expect(shows({ text: 'Großer Ärger im Büro, sagt Zoë' }, 'ZOË')).toBe(true);
    expect(shows({ text: 'Großer Ärger' }, 'GROSSER')).toBe(true);
    expect(shows({ text: 'ΟΔΥΣΣΕΥΣ' }, 'οδυσσευς')).toBe(true);
    expect(shows({ text: 'Zoë' }, 'zoe\u0308')).toBe(true); // decomposed ë
    expect(shows({ text: 'Zoë' }, 'zoy')).toBe(false);
  });

  it('matches the text as shown, not its JSON escapes', () => {
    expect(shows({ text: 'she said "hi"' }, 'said "hi"')).toBe(true);
    expect(shows({ path: 'C:\\temp' }, 'C:\\temp')).toBe(true);
    expect(shows({ qty: 2, sku: 'tee' }, 'qty=2')).toBe(true);
    expect(shows({ nested: { deep: ['Straße'] } }, 'STRASSE')).toBe(true);
    expect(shows({ text: 'x' }, 'notead')).toBe(true); // the type
  });
});

describe('truncation', () => {
  it('never cuts a character or a grapheme cluster in half', () => {
    const text = `${'a'.repeat(10)}👩‍👩‍👧‍👦 and 🇫🇷 and é`;
    for (let max = 2; max <= text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      // no lone surrogate, no broken family or flag
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(text.startsWith(cut.replace(/…$/, ''))).toBe(true);
      const kept = cut.replace(/…$/, '');
      expect(kept === 'a'.repeat(10) || kept.length <= 10 || kept.includes('👩‍👩‍👧‍👦')).toBe(true);
    }
    expect(summarize({ note: `${'x'.repeat(117)}😀😀` })).toBe(`note=${'x'.repeat(114)}…`);
  });
});
