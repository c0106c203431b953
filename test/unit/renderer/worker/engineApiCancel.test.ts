import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../../src/engine/api';
import { runScenario } from '../../../../src/engine/run';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import { engineApi } from '../../../../renderer/src/worker/engineApi';
import { scenario } from '../../engine/sim/scenarios';

const batch = scenario({
  commands: [{ repeat: 20_000, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }],
  runs: [
    { name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: 1 },
    { name: 'pool of 4', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 1 },
  ],
});

const noSql = () => Promise.reject(new Error('no sql.js here'));

describe("the engine worker's run, stopped by Cancel's shared flag", () => {
  it('answers the runs that finished, and its reader reads them as it reads a run of only those', async () => {
    const api = engineApi(() => undefined, noSql);
    const stop = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const onProgress = (p: RunProgress) => {
      if (p.run === 'pool of 4') Atomics.store(new Int32Array(stop), 0, 1);
    };
    const outcome = await api.run(batch, onProgress, undefined, stop);
    expect(outcome.stoppedDuring).toBe('pool of 4');
    const alone = await new TraceReader(runScenario(batch, { runs: ['one queue'] }), batch).result();
    expect(outcome.result).toEqual(alone);
    expect(await api.read('historyState', 0, 40, 5)).toEqual(await new TraceReader(runScenario(batch, { runs: ['one queue'] }), batch).historyState(0, 40, 5));
  });

  it('keeps nothing when the first run was stopped, and says which', async () => {
    const api = engineApi(() => undefined, noSql);
    const stop = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    Atomics.store(new Int32Array(stop), 0, 1);
    expect(await api.run(batch, () => undefined, undefined, stop)).toEqual({ result: undefined, stoppedDuring: 'one queue' });
    expect(() => api.read('historyState', 0, 0, 5)).toThrow(/no run result is kept/);
  });

  it('a run nobody stops answers the whole result, as without the flag', async () => {
    const api = engineApi(() => undefined, noSql);
    const flagged = await api.run(batch, () => undefined, undefined, new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    expect(flagged.stoppedDuring).toBeUndefined();
    expect(flagged).toEqual(await api.run(batch, () => undefined));
    expect(flagged.result?.report.runs.map((r) => r.name)).toEqual(['one queue', 'pool of 4']);
  });
});
