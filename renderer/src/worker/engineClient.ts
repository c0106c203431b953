/**
 * The UI's handle on the engine: dry runs, runs with progress, Cancel, and the kept result's
 * RunReader. A scenario whose domain is a loaded module runs in that module's worker
 * (./moduleClient.ts), any other in the bundled domains' worker; the reader reads from whichever
 * worker made the result, so views never know the difference. Cancel asks a run to stop through
 * shared memory, so the worker keeps the runs that had finished (a page that is not
 * cross-origin isolated has no shared memory: there Cancel terminates the worker and nothing is
 * kept); any other job is stopped by terminating its worker.
 */
import { proxy, type Remote } from 'comlink';
import type { DryRunResult, RunProgress } from '../../../src/engine/api';
import type { RuleSide } from '../../../src/engine/report/ruleChange';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import type { ResolvedNodes } from '../../lib/tree/resolvedNodes';
import type { EngineApi, RunOutcome } from './engineApi';
import EngineWorker from './engine.worker?worker';
import type { EngineCaller, ModuleClient } from './moduleClient';
import { WorkerCancelled, WorkerHandle } from './workerHandle';

/** Rejected when a job was cancelled. */
export { WorkerCancelled as EngineCancelled };
export type { RunOutcome };

/** How long a run asked to stop may take to answer before its worker is terminated (ms). */
const STOP_GRACE_MS = 5_000;

/** Which loaded module (if any) a scenario's domain is. */
export type ModuleResolver = (scenario: Scenario) => ModuleClient | undefined;

/** One worker per domain source at a time; cancelling terminates it and the next job starts a fresh one. */
export class EngineClient {
  private readonly bundled = new WorkerHandle<EngineApi>(() => new EngineWorker(), 'engine');
  /** The worker holding the kept result. */
  private keeper: EngineCaller<EngineApi> = this.bundled;
  private busy: EngineCaller<EngineApi> | undefined;
  /** The run in progress that Cancel can ask to stop: its flag (shared with its worker) and its worker. */
  private stoppable: { readonly flag: Int32Array; readonly caller: EngineCaller<EngineApi> } | undefined;

  constructor(private readonly moduleFor: ModuleResolver = () => undefined) {}

  private callerFor(scenario: Scenario): EngineCaller<EngineApi> {
    return this.moduleFor(scenario) ?? this.bundled;
  }

  private async on<R>(caller: EngineCaller<EngineApi>, fn: (api: Remote<EngineApi>) => Promise<R>): Promise<R> {
    this.busy = caller;
    try {
      return await caller.call(fn);
    } finally {
      if (this.busy === caller) this.busy = undefined;
    }
  }

  /**
   * A new engine worker for `scenario`, apart from this client's: another worker of the module it
   * runs with, else a bundled domains' worker. A sweep runs its points on these, so they neither
   * wait behind nor end the worker that keeps the result the views read; terminating one ends
   * only it.
   */
  freshWorker(scenario: Scenario): EngineCaller<EngineApi> {
    return this.moduleFor(scenario)?.fork() ?? new WorkerHandle<EngineApi>(() => new EngineWorker(), 'engine');
  }

  /** Decides the arrival at depth-first position `arrivalOrder` against the state before it; enacts nothing. */
  dryRun(scenario: Scenario, arrivalOrder: number): Promise<{ result: DryRunResult; inputId: string }> {
    return this.on(this.callerFor(scenario), (api) => api.dryRun(scenario, arrivalOrder));
  }

  /**
   * When each node of the scenario's `commands` arrives and which id it gets, from the engine's
   * expansion. A quick look-up: it never becomes the job Cancel stops (a run started meanwhile stays it).
   */
  resolvedNodes(scenario: Scenario): Promise<ResolvedNodes> {
    return this.callerFor(scenario).call((api) => api.resolvedNodes(scenario));
  }

  /**
   * Runs the scenario's runs (all, or the named ones) with progress; the result is read through
   * `reader`. Resolves with the runs that finished when Cancel stopped it (./engineApi.ts,
   * RunOutcome); rejects with EngineCancelled when Cancel had to terminate the worker.
   */
  async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[]): Promise<RunOutcome> {
    // progress comes over a port of its own: a report that arrives after the result is dropped
    let settled = false;
    const caller = this.callerFor(scenario);
    this.keeper = caller;
    const stop = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT) : undefined;
    const stoppable = (this.stoppable = stop && { flag: new Int32Array(stop), caller });
    try {
      return await this.on(caller, (api) => api.run(scenario, proxy((p: RunProgress) => settled || onProgress(p)), runs, stop));
    } finally {
      settled = true;
      if (this.stoppable === stoppable) this.stoppable = undefined;
    }
  }

  /** Every command's decision per run (one side of a rule change), with `caller`'s rules; keeps nothing. */
  decisions(scenario: Scenario, caller: EngineCaller<EngineApi> = this.callerFor(scenario)): Promise<RuleSide> {
    return this.on(caller, (api) => api.decisions(scenario));
  }

  /**
   * Makes a stored result the one read through `reader`: in the worker of the module `scenario`
   * runs with, else in `module`'s (a run whose scenario is not stored, matched by its domain id),
   * else in the bundled domains' worker.
   */
  adopt(report: Report, traces: readonly Trace[], scenario: Scenario | undefined, module?: EngineCaller<EngineApi>): Promise<RunResultView> {
    const caller = scenario ? this.callerFor(scenario) : (module ?? this.bundled);
    this.keeper = caller;
    return this.on(caller, (api) => api.adopt(report, traces, scenario));
  }

  /** The full traces of the kept result (to store it in a workspace). */
  traces(): Promise<readonly Trace[]> {
    return this.keeper.call((api) => api.traces());
  }

  /** The kept result's reader: every call goes to the worker that made it. */
  readonly reader: RunReader = new Proxy({} as RunReader, {
    get:
      (_, method: keyof RunReader) =>
      (...args: never[]) =>
        this.keeper.call((api) => (api.read as unknown as (m: keyof RunReader, ...a: never[]) => Promise<unknown>)(method, ...args)),
  });

  /**
   * Stops whatever the worker is doing. A run (with shared memory) is asked to stop: it checks
   * every few thousand steps and resolves with the runs that had finished; one that has not
   * answered after STOP_GRACE_MS (a module's slow calls, say) is terminated. Anything else is
   * terminated at once: pending jobs reject with EngineCancelled, and the kept result is gone.
   */
  cancel(): void {
    const stoppable = this.stoppable;
    if (!stoppable) {
      (this.busy ?? this.bundled).terminate();
      return;
    }
    Atomics.store(stoppable.flag, 0, 1);
    setTimeout(() => {
      if (this.stoppable === stoppable) stoppable.caller.terminate();
    }, STOP_GRACE_MS);
  }
}
