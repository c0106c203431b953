/**
 * "Step together" by time: a run lined up with another at the same moment of virtual time (the
 * teacher's case: step 244 of "8 workers" at t = 250 ms beside "one queue" at t = 250 ms, not at
 * its own step 244, t = 1520 ms).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { stepAtTime } from '../../../../renderer/lib/history/stepAtTime';
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

describe('RunReader.stepAtSameTime over the flash sale', () => {
  const parsed = parseScenario(readFileSync('samples/scenarios/flash-sale.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = runScenario(parsed.scenario, { trace: true });
  const reader = new TraceReader(result, parsed.scenario);
  const index = (name: string) => result.traces.findIndex((t) => t.run === name);
  const [queue, pool] = [index('one queue'), index('8 workers')];
  const [queueHistory, poolHistory] = [result.traces[queue].history, result.traces[pool].history];

  it('lines every step of one run up with the other run\'s last step at or before its time, both ways', async () => {
    for (const [from, to] of [[pool, queue], [queue, pool]]) {
      const [mine, theirs] = [result.traces[from].history, result.traces[to].history];
      for (let step = 0; step < mine.length; step++) {
        const expected = theirs.reduce((last, h, i) => (h.t <= mine[step].t ? i : last), -1);
        expect(await reader.stepAtSameTime(from, step, to)).toBe(expected);
      }
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
