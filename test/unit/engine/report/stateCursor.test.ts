import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECKPOINT_EVERY, StateCursor } from '../../../../src/engine/report/stateCursor';
import { stateAt } from '../../../../src/engine/report/stateAt';
import type { HistoryStep } from '../../../../src/engine/types';

/** A history over `streams` streams, each step bumping one stream's counter. */
function history(steps: number, streams: number, pick: (i: number) => number): HistoryStep[] {
  const last = new Map<string, number>();
  const out: HistoryStep[] = [];
  for (let i = 0; i < steps; i++) {
    const stream = `s${pick(i) % streams}`;
    const prevStep = last.get(stream) ?? -1;
    out.push({ step: i, eventSeq: i + 1, t: i, stream, prevStep, after: { n: prevStep < 0 ? 1 : (out[prevStep].after as { n: number }).n + 1, at: i } });
    last.set(stream, i);
  }
  return out;
}

/** The state after `step`, rebuilt from scratch. */
function rebuild(h: readonly HistoryStep[], step: number): Record<string, unknown> {
  const latest = new Map<string, unknown>();
  for (let i = 0; i <= Math.min(step, h.length - 1); i++) latest.set(h[i].stream, h[i].after);
  return Object.fromEntries([...latest.keys()].sort().map((k) => [k, latest.get(k)]));
}

describe('StateCursor', () => {
  it('reaches any step, by short moves or long jumps from checkpoints, with the same state as a full rebuild', () => {
    const trace = { history: history(CHECKPOINT_EVERY * 5 + 17, 300, (i) => (i * 7919) % 1009) };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: trace.history.length }), { minLength: 1, maxLength: 12 }), (targets) => {
        const cursor = new StateCursor(trace);
        for (const target of targets) expect(cursor.moveTo(target).snapshot()).toEqual(rebuild(trace.history, target));
      }),
      { seed: 42, numRuns: 40 },
    );
  });
  it('stateAt agrees with a rebuild in any call order', () => {
    const trace = { history: history(CHECKPOINT_EVERY * 2 + 5, 50, (i) => (i * 31) % 97) };
    for (const step of [9000, 3, -1, 8000, 100, 8195]) expect(stateAt(trace, step)).toEqual(rebuild(trace.history, step));
  });
  it('clamps to the history and goes back to the empty state', () => {
    const trace = { history: history(10, 3, (i) => i) };
    const cursor = new StateCursor(trace);
    expect(cursor.moveTo(99).step).toBe(9);
    expect(cursor.moveTo(-5).snapshot()).toEqual({});
  });
});
