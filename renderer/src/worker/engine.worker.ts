/**
 * The engine in a Web Worker (Comlink): dry runs and runs happen here so the UI never freezes,
 * and the latest result stays here, read through its RunReader (renderer/lib/reader) whatever
 * its size. Cancel terminates the worker (a synchronous run cannot read messages while it works).
 */
import { expose } from 'comlink';
import { dryRun, expandScenario, runScenario } from '../../../src/engine';
import type { DryRunResult, RunProgress } from '../../../src/engine/api';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import type { Report, Scenario, Trace } from '../../../src/engine/types';
import type { RunReader, RunResultView } from '../../lib/reader/runReader';
import { TraceReader } from '../../lib/reader/traceReader';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<unknown> | undefined;
let kept: TraceReader | undefined;

/** sql.js, loaded only when a run has a `sql` consumer (the wasm is a separate file). */
async function servicesFor(scenario: Scenario | undefined, always = false): Promise<EngineServices> {
  if (!always && !scenario?.runs.some((r) => r.consumers.some((c) => c.interpreter === 'sql'))) return {};
  sqlJs ??= import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }));
  return { sqlJs: await sqlJs };
}

/** What the engine worker serves. */
const engineApi = {
  /** Decides the arrival at depth-first position `arrivalOrder` against the state before it; enacts nothing. */
  dryRun(scenario: Scenario, arrivalOrder: number): { result: DryRunResult; inputId: string } {
    const arrival = expandScenario(scenario).arrivals.find((a) => a.order === arrivalOrder);
    if (!arrival) throw new Error(`no arrival #${arrivalOrder} in the scenario`);
    const authorize = scenario.runs[0]?.authorize === true;
    return { inputId: arrival.input.id, result: dryRun(scenario, arrival.input.id, { authorize }) };
  },

  /** Runs the scenario's runs (all, or the named ones) with progress; the result stays here, read through `reader`. */
  async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[]): Promise<RunResultView> {
    kept = undefined;
    let lastShown = -1;
    const result = runScenario(scenario, {
      ...(runs ? { runs } : {}),
      trace: true,
      services: await servicesFor(scenario),
      onProgress: (progress) => {
        const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
        if (percent !== lastShown || progress.done === progress.total) {
          lastShown = percent;
          void onProgress(progress);
        }
      },
    });
    kept = new TraceReader(result, scenario, () => servicesFor(scenario, true));
    return kept.result();
  },

  /** Keeps a stored result (from a workspace) as the one read; `scenario` when it is still known. */
  adopt(report: Report, traces: readonly Trace[], scenario: Scenario | undefined): Promise<RunResultView> {
    kept = new TraceReader({ report, traces }, scenario, () => servicesFor(scenario, true));
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

/** The engine worker's API. */
export type EngineApi = typeof engineApi;

expose(engineApi);
