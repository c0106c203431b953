/**
 * Running the scenario in the engine worker: status, progress, the result, Cancel. The result
 * stays in the worker whatever its size; `result` is its report and per-run overview, and every
 * view reads the rest through `reader` (renderer/lib/reader/runReader.ts).
 */
import type { RunProgress } from '../../../src/engine/api';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import { scenarioInputs } from '../../lib/resultFreshness';
import { EngineCancelled, EngineClient, type ModuleResolver } from '../worker/engineClient';
import type { ModuleClient } from '../worker/moduleClient';
import type { Inspection } from './Inspection.svelte';
import { SqlQueries } from './SqlQueries.svelte';

/** Where a run stands. */
export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The latest run of the open scenario and the worker that makes and keeps it. */
export class RunSession {
  readonly engine: EngineClient;
  /** The Consumers view's SQL queries against this session's results. */
  readonly sql = new SqlQueries();
  status = $state.raw<RunStatus>('idle');
  progress = $state.raw<RunProgress | undefined>(undefined);
  /** The report and per-run overview of the result the reader reads (a new object for each result). */
  result = $state.raw<RunResultView | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  /** The names of the runs being run, or last run, in the order they run (for "run 2 of 4"). */
  runNames = $state.raw<readonly string[]>([]);
  /** When Cancel stopped the last run: the run it stopped (the result, if any, holds the runs that finished before it). */
  stoppedDuring = $state.raw<string | undefined>(undefined);
  /** The scenario the result belongs to. */
  scenario = $state.raw<Scenario | undefined>(undefined);
  /** Said over a stored result: which open module it was read with, when several have its domain's id (sharedIdNotice). */
  notice = $state.raw<string | undefined>(undefined);
  /**
   * What the result ran from (renderer/lib/resultFreshness.ts, scenarioInputs): the result is
   * current while the open scenario runs from the same. Undefined when not known (a stored result
   * read without its scenario).
   */
  inputs = $state.raw<string | undefined>(undefined);
  /** A real run's file (or a real comparison's) set beside the result in Compare, as opened: compared again with each new result of the scenario. */
  realRun = $state.raw<{ readonly name: string; readonly text: string } | undefined>(undefined);

  /** `moduleFor`: the loaded module a scenario runs with, if any (its runs then run in the module's worker). */
  constructor(moduleFor?: ModuleResolver) {
    this.engine = new EngineClient(moduleFor);
  }

  /** Reads the current result (whatever its size) from the engine worker. */
  get reader(): RunReader {
    return this.engine.reader;
  }

  /** The run `inspection` inspects, as an index of the result's runs: its `runIndex`, kept within them (0 without a result). */
  runOf(inspection: Pick<Inspection, 'runIndex'>): number {
    return Math.max(0, Math.min(inspection.runIndex, (this.result?.runs.length ?? 1) - 1));
  }

  /** Runs every run configuration of `scenario`; resolves when done, failed or cancelled. */
  async run(scenario: Scenario): Promise<void> {
    // the worker lets the previous result go when the next run starts
    this.forget();
    this.status = 'running';
    this.runNames = scenario.runs.map((r) => r.name);
    this.progress = undefined;
    this.error = undefined;
    this.stoppedDuring = undefined;
    try {
      const { result, stoppedDuring } = await this.engine.run(scenario, (p) => (this.progress = p));
      if (result) {
        this.result = result;
        this.scenario = scenario;
        this.inputs = scenarioInputs(scenario);
      }
      this.stoppedDuring = stoppedDuring;
      this.status = stoppedDuring === undefined ? 'done' : 'cancelled';
    } catch (e) {
      if (e instanceof EngineCancelled) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    }
  }

  /**
   * Shows a stored result (from the workspace); `scenario` when it is known, else `module`: the
   * open module whose id its report names (read in its worker). `stored.notice`: says which open
   * module it was read with, when several have its domain's id (sharedIdNotice). `stored.inputs`:
   * what the stored run ran from, when the workspace kept it (a run of an earlier version of
   * `scenario` is then stale); without it, `scenario` is taken to be what it ran. Resolves to the
   * result as the views get it (its report a copy of `report`, made by the worker).
   */
  async show(report: Report, traces: readonly Trace[], scenario: Scenario | undefined, module?: ModuleClient, stored: { readonly notice?: string; readonly inputs?: string } = {}): Promise<RunResultView> {
    this.forget();
    this.stoppedDuring = undefined;
    const result = (this.result = await this.engine.adopt(report, traces, scenario, module));
    this.scenario = scenario;
    this.notice = stored.notice;
    this.inputs = stored.inputs ?? (scenario && scenarioInputs(scenario));
    this.status = 'done';
    return result;
  }

  /** Stops a run in progress; the runs that had finished stay the result (../worker/engineClient.ts, cancel). */
  cancel(): void {
    if (this.status === 'running') this.engine.cancel();
  }

  /** Forgets the result (a different scenario was opened). */
  clear(): void {
    this.cancel();
    this.status = 'idle';
    this.realRun = undefined;
    this.forget();
    this.progress = undefined;
    this.error = undefined;
    this.stoppedDuring = undefined;
  }

  private forget(): void {
    this.result = undefined;
    this.scenario = undefined;
    this.notice = undefined;
    this.inputs = undefined;
  }
}
