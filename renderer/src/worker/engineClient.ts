/**
 * The UI's handle on the engine: dry runs, runs with progress, Cancel, and the kept result's
 * RunReader. A scenario whose domain is a loaded module runs in that module's worker
 * (./moduleClient.ts), any other in the bundled domains' worker; the reader reads from whichever
 * worker made the result, so views never know the difference.
 */
import { proxy, type Remote } from 'comlink';
import type { DryRunResult, RunProgress } from '../../../src/engine/api';
import type { RuleSide } from '../../../src/engine/report/ruleChange';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import type { ResolvedNodes } from '../../lib/tree/resolvedNodes';
import type { EngineApi } from './engineApi';
import EngineWorker from './engine.worker?worker';
import type { EngineCaller } from './moduleClient';
import { WorkerCancelled, WorkerHandle } from './workerHandle';

/** Rejected when a job was cancelled. */
export { WorkerCancelled as EngineCancelled };

/** Which loaded module (if any) a scenario's domain is. */
export type ModuleResolver = (scenario: Scenario) => EngineCaller<EngineApi> | undefined;

/** One worker per domain source at a time; cancelling terminates it and the next job starts a fresh one. */
export class EngineClient {
  private readonly bundled = new WorkerHandle<EngineApi>(() => new EngineWorker(), 'engine');
  /** The worker holding the kept result. */
  private keeper: EngineCaller<EngineApi> = this.bundled;
  private busy: EngineCaller<EngineApi> | undefined;

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

  /** Runs the scenario's runs (all, or the named ones) with progress; the result is read through `reader`. */
  async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[]): Promise<RunResultView> {
    // progress comes over a port of its own: a report that arrives after the result is dropped
    let settled = false;
    const caller = this.callerFor(scenario);
    this.keeper = caller;
    try {
      return await this.on(caller, (api) => api.run(scenario, proxy((p: RunProgress) => settled || onProgress(p)), runs));
    } finally {
      settled = true;
    }
  }

  /** Every command's decision per run (one side of a rule change), with `caller`'s rules; keeps nothing. */
  decisions(scenario: Scenario, caller: EngineCaller<EngineApi> = this.callerFor(scenario)): Promise<RuleSide> {
    return this.on(caller, (api) => api.decisions(scenario));
  }

  /** Makes a stored result the one read through `reader`. */
  adopt(report: Report, traces: readonly Trace[], scenario: Scenario | undefined): Promise<RunResultView> {
    const caller = scenario ? this.callerFor(scenario) : this.bundled;
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

  /** Stops whatever the worker is doing; pending jobs reject with EngineCancelled, and the kept result is gone. */
  cancel(): void {
    (this.busy ?? this.bundled).terminate();
  }
}
