/**
 * One run of a scenario simulated with its trace and its consumers' interpreters, for the sink
 * commands (publish, enact, compare-real) and export: in the command line's thread for a bundled
 * domain, and in a domain module's worker (../modules/moduleWorker) for a module — the same code
 * either way. The run's name is checked by the caller (`checkRunNames`).
 */
import type { AnyDomainModule } from '../../domain/kernel';
import { domainFor } from '../engine/module/bundled';
import type { RunResultWithInterpreters } from '../engine/run';
import { expandScenario } from '../engine/scenario/expand';
import type { RunConfig, Scenario } from '../engine/types';
import { exportRecords, type ExportRecord } from '../logs/exportRun';
import { nodeSha256 } from '../logs/node/nodeHasher';

/** A run's log as records, and how many of its events the setup appended (counted in no metric: the run report's `events` leaves them out). */
export interface RunLog {
  readonly records: readonly ExportRecord[];
  readonly setupEvents: number;
}

/** A simulated run: the scenario, the run's configuration, the decider, the result with its trace, and its log as records. */
export interface SimulatedRun extends RunLog {
  readonly scenario: Scenario;
  readonly run: RunConfig;
  readonly decider: AnyDomainModule;
  readonly result: RunResultWithInterpreters;
}

let sqlJs: Promise<unknown> | undefined;

/** The sql.js module (for `sql` consumers), loaded once per thread. */
export function loadSqlJs(): Promise<unknown> {
  sqlJs ??= import('sql.js').then((m) => m.default());
  return sqlJs;
}

/** The engine's services in Node for `runs`: the native hash, and sql.js when one of them has a `sql` consumer. */
export async function runServices(runs: readonly RunConfig[]): Promise<{ readonly hasher: typeof nodeSha256; readonly sqlJs?: unknown }> {
  const needsSql = runs.some((r) => r.consumers.some((c) => c.interpreter === 'sql'));
  return { hasher: nodeSha256, ...(needsSql ? { sqlJs: await loadSqlJs() } : {}) };
}

/** Simulates the run `runName` (which the scenario has) with `domain` (a module's) or the scenario's bundled domain. */
export async function simulateScenarioRun(scenario: Scenario, runName: string, domain?: AnyDomainModule): Promise<SimulatedRun> {
  const run = scenario.runs.find((r) => r.name === runName)!;
  const decider = domainFor(scenario, domain);
  const { runScenarioWithInterpreters } = await import('../engine/run');
  const result = runScenarioWithInterpreters(scenario, {
    domain: decider,
    runs: [runName],
    trace: true,
    services: await runServices([run]),
  });
  const { setup, arrivals } = expandScenario(scenario, decider);
  const records = exportRecords({ decider, trace: result.traces[0], setup, arrivals, authorize: run.authorize });
  // the log holds the setup's events before the run's; the report counts only the run's (as the app's Metrics view says "(+2 setup)")
  const setupEvents = result.traces[0].log.length - result.report.runs[0].metrics.events;
  return { scenario, run, decider, result, records, setupEvents };
}
