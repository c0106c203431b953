import { describe, expect, it } from 'vitest';
import { goToSeq, SeqRangeCache, seqRangeOf, type LogRows } from '../../../../renderer/lib/eventlog/goToSeq';

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

describe('seqRangeOf and SeqRangeCache', () => {
  /** A log of these seqs, read a row window at a time; `asked` counts the windows read. */
  const logOf = (seqs: readonly number[]) => {
    const log = { asked: 0, rows: (async (first, count) => {
      log.asked++;
      return { total: seqs.length, events: seqs.slice(first, first + count).map((seq) => ({ seq })) };
    }) as LogRows };
    return log;
  };

  it('reads the first and last seq of a log from its first and last row', async () => {
    expect(await seqRangeOf(logOf([3, 4, 9]).rows)).toEqual({ first: 3, last: 9 });
    expect(await seqRangeOf(logOf([7]).rows)).toEqual({ first: 7, last: 7 });
    expect(await seqRangeOf(logOf([]).rows)).toBeUndefined();
  });

  it('asks once per log, again for another log or a new revision of a growing one', async () => {
    const cache = new SeqRangeCache();
    const a = logOf([1, 2, 3]);
    const sourceA = { db: 'workspace', logId: 1 };
    const ask = () => seqRangeOf(a.rows);
    expect(await cache.get(sourceA, undefined, ask)).toEqual({ first: 1, last: 3 });
    await cache.get(sourceA, undefined, ask);
    await Promise.all([cache.get(sourceA, undefined, ask), cache.get(sourceA, undefined, ask)]);
    expect(a.asked).toBe(2); // one question: its first row and its last

    const b = logOf([10, 20]);
    expect(await cache.get({ db: 'workspace', logId: 2 }, undefined, () => seqRangeOf(b.rows))).toEqual({ first: 10, last: 20 });
    expect(b.asked).toBe(2);

    const growing = { db: 'scratch', logId: 1 };
    expect(await cache.get(growing, 2, ask)).toEqual({ first: 1, last: 3 });
    await cache.get(growing, 3, ask);
    expect(a.asked).toBe(6);
  });

  it('asks again after a question failed', async () => {
    const cache = new SeqRangeCache();
    const source = { db: 'workspace', logId: 1 };
    await expect(cache.get(source, undefined, () => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
    expect(await cache.get(source, undefined, () => Promise.resolve({ first: 1, last: 1 }))).toEqual({ first: 1, last: 1 });
  });
});
