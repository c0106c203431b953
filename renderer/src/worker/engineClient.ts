/** The UI's handle on the engine worker: dry runs, runs with progress, Cancel, and the kept result's RunReader. */
import { proxy } from 'comlink';
import type { DryRunResult, RunProgress } from '../../../src/engine/api';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import type { EngineApi } from './engine.worker';
import EngineWorker from './engine.worker?worker';
import { WorkerCancelled, WorkerHandle } from './workerHandle';

/** Rejected when a job was cancelled. */
export { WorkerCancelled as EngineCancelled };

/** One worker at a time; cancelling terminates it and the next job starts a fresh one. */
export class EngineClient {
  private readonly handle = new WorkerHandle<EngineApi>(() => new EngineWorker(), 'engine');

  /** Decides the arrival at depth-first position `arrivalOrder` against the state before it; enacts nothing. */
  dryRun(scenario: Scenario, arrivalOrder: number): Promise<{ result: DryRunResult; inputId: string }> {
    return this.handle.call((api) => api.dryRun(scenario, arrivalOrder));
  }

  /** Runs the scenario's runs (all, or the named ones) with progress; the result is read through `reader`. */
  async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[]): Promise<RunResultView> {
    // progress comes over a port of its own: a report that arrives after the result is dropped
    let settled = false;
    try {
      return await this.handle.call((api) => api.run(scenario, proxy((p: RunProgress) => settled || onProgress(p)), runs));
    } finally {
      settled = true;
    }
  }

  /** Makes a stored result the one read through `reader`. */
  adopt(report: Report, traces: readonly Trace[], scenario: Scenario | undefined): Promise<RunResultView> {
    return this.handle.call((api) => api.adopt(report, traces, scenario));
  }

  /** The full traces of the kept result (to store it in a workspace). */
  traces(): Promise<readonly Trace[]> {
    return this.handle.call((api) => api.traces());
  }

  /** The kept result's reader: every call goes to the worker. */
  readonly reader: RunReader = new Proxy({} as RunReader, {
    get:
      (_, method: keyof RunReader) =>
      (...args: never[]) =>
        this.handle.call((api) => (api.read as unknown as (m: keyof RunReader, ...a: never[]) => Promise<unknown>)(method, ...args)),
  });

  /** Stops whatever the worker is doing; pending jobs reject with EngineCancelled, and the kept result is gone. */
  cancel(): void {
    this.handle.terminate();
  }
}
