import { describe, expect, it } from 'vitest';
import { messageRuns } from '../../../../renderer/lib/text/messageText';
import { counted } from '../../../../src/engine/report/counted';

describe('messages with code spans', () => {
  it('splits `backtick` spans from the text around them', () => {
    expect(messageRuns("time reaches a domain only as the command's `at`")).toEqual([
      { code: false, text: "time reaches a domain only as the command's " },
      { code: true, text: 'at' },
    ]);
    expect(messageRuns('run it with `purestream run` or `purestream compare`.')).toEqual([
      { code: false, text: 'run it with ' },
      { code: true, text: 'purestream run' },
      { code: false, text: ' or ' },
      { code: true, text: 'purestream compare' },
      { code: false, text: '.' },
    ]);
  });

  it('keeps markup and unpaired backticks as text', () => {
    expect(messageRuns('<img src=x onerror=alert(1)> `<b>`')).toEqual([
      { code: false, text: '<img src=x onerror=alert(1)> ' },
      { code: true, text: '<b>' },
    ]);
    expect(messageRuns('one ` alone')).toEqual([{ code: false, text: 'one ` alone' }]);
    expect(messageRuns('empty `` here')).toEqual([{ code: false, text: 'empty `` here' }]);
    expect(messageRuns('a `span\nacross` lines')).toEqual([{ code: false, text: 'a `span\nacross` lines' }]);
    expect(messageRuns('')).toEqual([]);
  });
});

describe('counts in words', () => {
  it('uses the singular for exactly one, thousands separators, and irregular plurals', () => {
    expect(counted(1, 'record')).toBe('1 record');
    expect(counted(0, 'record')).toBe('0 records');
    expect(counted(411, 'record')).toBe('411 records');
    expect(counted(100_000, 'event')).toBe('100,000 events');
    expect(counted(2, 'delivery', 'deliveries')).toBe('2 deliveries');
  });
});
