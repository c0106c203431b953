/**
 * `runScenario`: runs every run of a validated scenario (or the named ones) and returns the
 * `purestream/report@1` report and, per run, the trace for the UI. Pure and deterministic:
 * the same scenario gives a byte-identical report (all randomness comes from `seed`).
 */
import { RunCancelled, type RunOptions, type RunResult } from './api';
import type { Interpreter } from './consumers/interpreter';
import { domainFor } from './module/bundled';
import { expandScenario } from './scenario/expand';
import { runSimulation } from './sim/runSimulation';
import type { Report, RunConfig, RunReport, Scenario, Trace } from './types';

/**
 * Runs a scenario's runs in file order (or `options.runs`, in that order). When `isCancelled`
 * returns true (polled during each run, and before each run after the first) it throws
 * RunCancelled naming the run it stopped, with the runs that had finished.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const { report, traces } = runScenarioWithInterpreters(scenario, options);
  return { report, traces };
}

/** A run result plus, per run, each consumer's interpreter by name (live objects, e.g. a sql.js database: not for postMessage). */
export interface RunResultWithInterpreters extends RunResult {
  readonly interpreters: readonly Readonly<Record<string, Interpreter>>[];
}

/** {@link runScenario}, also returning the interpreters (to query or export a `sql` consumer after the run). */
export function runScenarioWithInterpreters(scenario: Scenario, options: RunOptions = {}): RunResultWithInterpreters {
  const decider = domainFor(scenario, options.domain);
  const runs = selectRuns(scenario.runs, options.runs);
  const { setup, arrivals } = expandScenario(scenario, decider);
  const reports: RunReport[] = [];
  const traces: Trace[] = [];
  const interpreters: Readonly<Record<string, Interpreter>>[] = [];
  const reportOf = (): Report => ({ format: 'purestream/report@1', scenario: scenario.name, domain: decider.id, seed: scenario.seed, runs: reports });
  for (const run of runs) {
    let simulated;
    try {
      if (reports.length > 0 && options.isCancelled?.()) throw new RunCancelled();
      simulated = runSimulation({
        decider,
        run,
        seed: scenario.seed,
        setup,
        arrivals,
        trace: options.trace ?? true,
        services: options.services,
        onProgress: options.onProgress,
        isCancelled: options.isCancelled,
      });
    } catch (e) {
      if (e instanceof RunCancelled) throw new RunCancelled(run.name, { report: reportOf(), traces });
      throw e;
    }
    reports.push(simulated.report);
    traces.push(simulated.trace);
    interpreters.push(simulated.interpreters);
  }
  return { report: reportOf(), traces, interpreters };
}

function selectRuns(runs: readonly RunConfig[], names: readonly string[] | undefined): readonly RunConfig[] {
  if (names === undefined || names.length === 0) return runs;
  return names.map((name) => {
    const run = runs.find((r) => r.name === name);
    if (!run) throw new Error(`no run named "${name}" (runs: ${runs.map((r) => `"${r.name}"`).join(', ')})`);
    return run;
  });
}
