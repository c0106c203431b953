/** "Where it broke" as one model for the exported page, Compare and the graph's node details: the flash sale's 8 workers oversell, and made-up decisions. */
import { describe, expect, it } from 'vitest';
import { decisionReading, MAX_FIELDS, whereItBroke } from '../../../../renderer/lib/compare/whereItBroke';
import type { BrokenDecision } from '../../../../renderer/lib/reader/brokenDecision';
import { flashSaleRunData } from './flashSale';

const took: BrokenDecision = {
  invariant: 'no-negative',
  message: 'n is -1',
  atMs: 5,
  stream: 's:1',
  eventSeq: 2,
  command: { id: 'c1', type: 'Take' },
  decision: { worker: 0, startedAt: 0, endedAt: 5, stale: false },
  read: { aggregate: { n: 1, name: 'a' } },
  events: [{ seq: 1, type: 'Took', stream: 's:1', data: {} }, { seq: 2, type: 'Took', stream: 's:1', data: { n: 1 } }],
  before: { n: 0, name: 'a' },
  after: { n: -1, name: 'a' },
};

describe('what the decision read', () => {
  it('of the 8 workers oversell: it read 4, just before #203 the stock was 0, after it -1, and it decided on a state that was no longer there', async () => {
    const broke = (await flashSaleRunData()).find((r) => r.report.name === '8 workers')!.broke!;
    expect(decisionReading(broke)).toEqual({
      stream: 'stock:tee@main',
      eventSeq: 203,
      moments: ['it read', 'just before #203', 'after #203'],
      rows: [{ field: 'stock', cells: ['4', '0', '-1'] }],
      more: 0,
      stale: 'Between its read and #203, other decisions changed stock:tee@main: it decided on a state that was no longer there.',
    });
  });

  it('says nothing stale when the engine found the read current, even though its own earlier event changed the stream', () => {
    const reading = decisionReading(took);
    expect(reading.rows).toEqual([{ field: 'n', cells: ['1', '0', '-1'] }]);
    expect(reading).not.toHaveProperty('stale');
  });

  it('without what it read (a stored result without its scenario): the stream just before and after only', () => {
    const { read: _read, ...unread } = took;
    expect(decisionReading(unread)).toMatchObject({ moments: ['just before #2', 'after #2'], rows: [{ field: 'n', cells: ['0', '-1'] }] });
  });

  it(`shows at most ${MAX_FIELDS} changed fields and counts the rest; a new stream reads as absent`, () => {
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, i]));
    const reading = decisionReading({ ...took, read: { aggregate: undefined }, before: undefined, after: wide });
    expect(reading.rows).toHaveLength(MAX_FIELDS);
    expect(reading.more).toBe(5);
    expect(reading.rows[0]).toEqual({ field: 'f0', cells: ['—', '—', '0'] });
  });
});

describe("a run's Where it broke", () => {
  it('names the run, the invariant and when, the command and its decision, marks the event that broke it, and says how the stream ended', () => {
    const w = whereItBroke('one', { ...took, command: { id: 'c1', type: 'Take', data: { n: 1 } }, atEnd: 'n is -3' });
    expect(w).toMatchObject({
      heading: '“one”: no-negative at t=5 ms',
      command: { id: 'c1', type: 'Take', data: '{"n":1}' },
      decided: 'decided by worker 0 from 0 to 5 ms',
      end: 'Still broken at the end: n is -3.',
    });
    expect(w.events.map((e) => [e.seq, e.broke])).toEqual([[1, false], [2, true]]);
    expect(whereItBroke('one', took)).toMatchObject({ command: { id: 'c1', type: 'Take' }, end: 's:1 was allowed again by the end.' });
    expect(whereItBroke('one', took).command).not.toHaveProperty('data');
  });
});
