/**
 * What an engine worker serves (Comlink): dry runs and runs happen in the worker so the UI never
 * freezes, and the latest result stays there, read through its RunReader (renderer/lib/reader)
 * whatever its size. One implementation for both engine workers: the bundled domains' worker
 * (./engine.worker.ts) and a domain module's worker (./module.worker.ts), which passes the
 * loaded module as `domain` — so a run with a module is simulated entirely in the module's
 * worker and its views read it exactly as they read a bundled run.
 */
import type { AnyDomainModule } from '../../../domain/kernel';
import { dryRun, expandScenario, runScenario } from '../../../src/engine';
import { RunCancelled, type DryRunResult, type RunProgress } from '../../../src/engine/api';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import { ruleSide, type RuleSide } from '../../../src/engine/report/ruleChange';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import { runSweepJob, type JobResult, type SweepJob } from '../../lib/sweep/sweepCore';
import { TraceReader } from '../../lib/reader/traceReader';
import { resolvedNodes, type ResolvedNodes } from '../../lib/tree/resolvedNodes';

/**
 * What a run answers: the result the reader now reads, and — when Cancel stopped it — the run
 * it stopped. A stopped run's result holds the runs that had finished before it (undefined
 * when none had: nothing is kept).
 */
export interface RunOutcome {
  readonly result: RunResultView | undefined;
  readonly stoppedDuring?: string;
}

/** sql.js for runs with a `sql` consumer (each worker loads it its own way). */
export type SqlJsLoader = () => Promise<unknown>;

/** The engine API over `domain()` (undefined: the scenario's bundled domain). */
export function engineApi(domain: () => AnyDomainModule | undefined, loadSqlJs: SqlJsLoader) {
  let sqlJs: Promise<unknown> | undefined;
  let kept: TraceReader | undefined;

  /** sql.js, loaded only when a run that is run (those named in `runs`; all when absent) has a `sql` consumer (the wasm is a separate file); `always`: whatever the runs. */
  async function servicesFor(scenario: Scenario | undefined, { runs, always = false }: { runs?: readonly string[]; always?: boolean } = {}): Promise<EngineServices> {
    const run = (name: string) => runs === undefined || runs.includes(name);
    if (!always && !scenario?.runs.some((r) => run(r.name) && r.consumers.some((c) => c.interpreter === 'sql'))) return {};
    sqlJs ??= loadSqlJs();
    return { sqlJs: await sqlJs } as EngineServices;
  }

  const withDomain = () => {
    const d = domain();
    return d ? { domain: d } : {};
  };

  return {
    /** Decides the arrival at depth-first position `arrivalOrder` against the state before it; enacts nothing. */
    dryRun(scenario: Scenario, arrivalOrder: number): { result: DryRunResult; inputId: string } {
      const arrival = expandScenario(scenario, domain()).arrivals.find((a) => a.order === arrivalOrder);
      if (!arrival) throw new Error(`no arrival #${arrivalOrder} in the scenario`);
      const authorize = scenario.runs[0]?.authorize === true;
      return { inputId: arrival.input.id, result: dryRun(scenario, arrival.input.id, { authorize, ...withDomain() }) };
    },

    /** When each node of the scenario's `commands` arrives and which id it gets, as the expansion resolves them (the editor shows it). */
    resolvedNodes(scenario: Scenario): ResolvedNodes {
      return resolvedNodes(scenario.commands, expandScenario(scenario, domain()).arrivals);
    },

    /**
     * Runs the scenario's runs (all, or the named ones) with progress; the result stays here,
     * read through `reader`. `stop` (shared memory, one Int32; absent when the page is not
     * cross-origin isolated) is Cancel's flag: once the page sets it to 1 the run stops at its
     * next check and the runs that had finished become the result.
     */
    async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[], stop?: SharedArrayBuffer): Promise<RunOutcome> {
      kept = undefined;
      let lastShown = '';
      const flag = stop ? new Int32Array(stop) : undefined;
      let result;
      try {
        result = runScenario(scenario, {
          ...(runs ? { runs } : {}),
          ...withDomain(),
          trace: true,
          services: await servicesFor(scenario, runs ? { runs } : {}),
          ...(flag ? { isCancelled: () => Atomics.load(flag, 0) !== 0 } : {}),
          onProgress: (progress) => {
            // one message per percent, and one per phase (finishing the queued work, building the report)
            const shown = `${progress.run}:${progress.phase}:${Math.floor((progress.done / Math.max(1, progress.total)) * 100)}`;
            if (shown !== lastShown) {
              lastShown = shown;
              void onProgress(progress);
            }
          },
        });
      } catch (e) {
        if (!(e instanceof RunCancelled) || e.during === undefined) throw e;
        const finished = e.finished && e.finished.traces.length > 0 ? e.finished : undefined;
        if (finished) kept = new TraceReader(finished, scenario, () => servicesFor(scenario, { always: true }), domain());
        return { result: kept ? await kept.result() : undefined, stoppedDuring: e.during };
      }
      kept = new TraceReader(result, scenario, () => servicesFor(scenario, { always: true }), domain());
      return { result: await kept.result() };
    },

    /** Every command's decision per run and the report (one side of a rule change); keeps nothing. */
    async decisions(scenario: Scenario): Promise<RuleSide> {
      const result = runScenario(scenario, { ...withDomain(), trace: true, services: await servicesFor(scenario) });
      return ruleSide(scenario, result, domain());
    },

    /** Runs one point of a sweep under one seed (no trace, only its run) and answers its metrics; keeps nothing. */
    async sweepJob(job: SweepJob): Promise<JobResult> {
      return runSweepJob(job, await servicesFor(job.scenario, { runs: [job.run] }), domain());
    },

    /** Keeps a stored result (from a workspace) as the one read; `scenario` when it is still known. */
    adopt(report: Report, traces: readonly Trace[], scenario: Scenario | undefined): Promise<RunResultView> {
      kept = new TraceReader({ report, traces }, scenario, () => servicesFor(scenario, { always: true }), domain());
      return kept.result();
    },

    /** Asks the kept result's reader. */
    read<K extends keyof RunReader>(method: K, ...args: Parameters<RunReader[K]>): ReturnType<RunReader[K]> {
      if (!kept) throw new Error('no run result is kept (run the scenario again)');
      return (kept[method] as (...a: Parameters<RunReader[K]>) => ReturnType<RunReader[K]>).apply(kept, args);
    },

    /** The kept result's full traces (to store it in a workspace). */
    traces(): Promise<readonly Trace[]> {
      if (!kept) throw new Error('no run result is kept (run the scenario again)');
      return kept.traces();
    },
  };
}

/** An engine worker's API. */
export type EngineApi = ReturnType<typeof engineApi>;
