/**
 * "Step together" by time: a run lined up with another at the same moment of virtual time (the
 * teacher's case: step 244 of "8 workers" at t = 250 ms beside "one queue" at t = 250 ms, not at
 * its own step 244, t = 1520 ms).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { stepAtSameTime, stepAtTime } from '../../../../renderer/lib/history/stepAtTime';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';

describe('stepAtTime', () => {
  const history = [{ t: 0 }, { t: 0 }, { t: 10 }, { t: 12 }, { t: 12 }, { t: 30 }];
  it('is the last step at or before the moment, ties included', () => {
    expect(stepAtTime(history, 0)).toBe(1);
    expect(stepAtTime(history, 11)).toBe(2);
    expect(stepAtTime(history, 12)).toBe(4);
    expect(stepAtTime(history, 1e9)).toBe(5);
  });
  it('is -1 before the first enactment, and for an empty history', () => {
    expect(stepAtTime(history, -1)).toBe(-1);
    expect(stepAtTime([{ t: 5 }], 4)).toBe(-1);
    expect(stepAtTime([], 100)).toBe(-1);
  });
});

describe('stepAtSameTime', () => {
  const mine = [{ t: 0 }, { t: 0 }, { t: 10 }, { t: 12 }, { t: 12 }, { t: 12 }, { t: 30 }];
  it('lines the k-th step at a shared time up with the k-th at that time beside, held to the last there', () => {
    const theirs = [{ t: 0 }, { t: 12 }, { t: 12 }, { t: 20 }];
    expect([0, 1].map((s) => stepAtSameTime(mine, s, theirs))).toEqual([0, 0]);
    expect([3, 4, 5].map((s) => stepAtSameTime(mine, s, theirs))).toEqual([1, 2, 2]);
  });
  it('without a step at that time beside, is the last step before it (-1: none)', () => {
    const theirs = [{ t: 5 }, { t: 11 }, { t: 40 }];
    expect(stepAtSameTime(mine, 0, theirs)).toBe(-1);
    expect(stepAtSameTime(mine, 2, theirs)).toBe(0);
    expect(stepAtSameTime(mine, 4, theirs)).toBe(1);
    expect(stepAtSameTime(mine, 6, theirs)).toBe(1);
  });
  it('steps identical runs identically, every step (ties included)', () => {
    const copy = mine.map((h) => ({ ...h }));
    for (let step = -1; step < mine.length; step++) expect(stepAtSameTime(mine, step, copy)).toBe(step);
  });
  it('is -1 before the first enactment or for an empty run, and holds a step past the end to the run', () => {
    expect(stepAtSameTime(mine, -1, mine)).toBe(-1);
    expect(stepAtSameTime([], 3, mine)).toBe(-1);
    expect(stepAtSameTime(mine, 1e9, [{ t: 30 }, { t: 30 }])).toBe(0);
    expect(stepAtSameTime(mine, 1, [])).toBe(-1);
  });
});

describe('RunReader.stepAtSameTime over the flash sale', () => {
  const parsed = parseScenario(readFileSync('samples/scenarios/flash-sale.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = runScenario(parsed.scenario, { trace: true });
  const reader = new TraceReader(result, parsed.scenario);
  const index = (name: string) => result.traces.findIndex((t) => t.run === name);
  const [queue, pool, writer] = [index('one queue'), index('8 workers'), index('single writer')];
  const [queueHistory, poolHistory] = [result.traces[queue].history, result.traces[pool].history];

  it('lines every step of one run up with a step of the other at or before its time: the same rank at a shared time, else the last before, both ways', async () => {
    for (const [from, to] of [[pool, queue], [queue, pool]]) {
      const [mine, theirs] = [result.traces[from].history, result.traces[to].history];
      for (let step = 0; step < mine.length; step++) {
        const at = mine[step].t;
        const rank = step - mine.findIndex((h) => h.t === at);
        const sameTime = theirs.flatMap((h, i) => (h.t === at ? [i] : []));
        const expected = sameTime.length > 0 ? sameTime[Math.min(rank, sameTime.length - 1)] : theirs.reduce((last, h, i) => (h.t <= at ? i : last), -1);
        expect(await reader.stepAtSameTime(from, step, to)).toBe(expected);
      }
    }
  });

  it('steps single writer and one queue (the same steps in this sample) together step for step: the trial\'s step 20 at t = 100 ms shows the same event beside', async () => {
    const [writerHistory] = [result.traces[writer].history];
    expect(writerHistory.map((h) => [h.t, h.stream, h.after])).toEqual(queueHistory.map((h) => [h.t, h.stream, h.after]));
    expect(writerHistory.filter((h) => h.t === writerHistory[20].t).length).toBeGreaterThan(1);
    for (let step = -1; step < writerHistory.length; step++) {
      expect(await reader.stepAtSameTime(writer, step, queue)).toBe(step);
      expect(await reader.stepAtSameTime(queue, step, writer)).toBe(step);
    }
  });

  it('sets the end of the short 8-workers run beside one queue at the same moment, far from its end', async () => {
    const poolEnd = poolHistory.length - 1;
    const beside = await reader.stepAtSameTime(pool, poolEnd, queue);
    expect(queueHistory[beside].t).toBeLessThanOrEqual(poolHistory[poolEnd].t);
    expect(queueHistory[beside + 1].t).toBeGreaterThan(poolHistory[poolEnd].t);
    expect(beside).toBeLessThan(poolEnd / 2);
    // the end of the longer run lines the shorter one up with its own end
    expect(await reader.stepAtSameTime(queue, queueHistory.length - 1, pool)).toBe(poolEnd);
  });

  it('is -1 before the first enactment, and holds a step past the end to the run', async () => {
    expect(await reader.stepAtSameTime(pool, -1, queue)).toBe(-1);
    expect(await reader.stepAtSameTime(queue, 1e9, pool)).toBe(poolHistory.length - 1);
  });
});
