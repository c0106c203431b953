import { describe, expect, it } from 'vitest';
import { goToSeq } from '../../../../renderer/lib/eventlog/goToSeq';

describe('goToSeq', () => {
  const range = { first: 1, last: 209 };

  it('goes to a seq the log holds, ends included', () => {
    expect(goToSeq('17', range)).toEqual({ seq: 17 });
    expect(goToSeq(' 1 ', range)).toEqual({ seq: 1 });
    expect(goToSeq('209', range)).toEqual({ seq: 209 });
  });

  it('names a seq past either end with the range instead of moving to the nearest end', () => {
    expect(goToSeq('99999', range)).toEqual({ problem: 'no event with seq 99999 (the log has seq 1–209)' });
    expect(goToSeq('0', range)).toEqual({ problem: 'no event with seq 0 (the log has seq 1–209)' });
    expect(goToSeq('-1', range)).toEqual({ problem: 'no event with seq -1 (the log has seq 1–209)' });
    expect(goToSeq('7', { first: 3, last: 3 })).toEqual({ problem: 'no event with seq 7 (the log has seq 3)' });
  });

  it('words it for an imported log’s records', () => {
    expect(goToSeq('501', { first: 1, last: 500 }, true)).toEqual({ problem: 'no record 501 (the log has records 1–500)' });
    expect(goToSeq('5', undefined, true)).toEqual({ problem: 'the log has no records' });
  });

  it('asks for a whole number for anything else, an empty box included', () => {
    for (const text of ['', '  ', 'abc', '1.5', '1e400', '9007199254740993']) expect(goToSeq(text, range)).toEqual({ problem: 'enter a whole number' });
    expect(goToSeq('3', undefined)).toEqual({ problem: 'the log has no events' });
  });
});
