/** One run of a scenario, simulated with its trace, for the sink commands (publish, compare-real). */
import type { AnyDomainModule } from '../../../domain/kernel';
import { bundledDomain } from '../../engine/module/bundled';
import type { RunResultWithInterpreters } from '../../engine/run';
import { expandScenario } from '../../engine/scenario/expand';
import type { RunConfig, Scenario } from '../../engine/types';
import { exportRecords, type ExportRecord } from '../../logs/exportRun';
import { UsageError, type CliIO } from '../io';
import { checkRunNames, loadScenario } from '../loadScenario';

/** A simulated run: the scenario, the run's configuration, the decider, the result with its trace, and its log as records. */
export interface SimulatedRun {
  readonly scenario: Scenario;
  readonly run: RunConfig;
  readonly decider: AnyDomainModule;
  readonly result: RunResultWithInterpreters;
  readonly records: readonly ExportRecord[];
}

/** The sql.js module (for `sql` consumers), loaded once. */
export const loadSqlJs = (() => {
  let loaded: Promise<unknown> | undefined;
  return () => (loaded ??= import('sql.js').then((m) => m.default()));
})();

/** Loads the scenario and simulates the run named, with its trace (a usage error lists the runs when there is no such run). */
export async function simulateRun(file: string, runName: string, io: CliIO): Promise<SimulatedRun> {
  const loaded = await loadScenario(file, io);
  if (loaded.domain?.host) {
    await loaded.domain.host.close();
    throw new UsageError(`${file}: its domain is a domain module (${loaded.domain.name}); publish, enact and compare-real run bundled domains for now`);
  }
  const scenario = loaded.scenario;
  checkRunNames(scenario, [runName], file);
  const run = scenario.runs.find((r) => r.name === runName)!;
  const needsSql = run.consumers.some((c) => c.interpreter === 'sql');
  const { runScenarioWithInterpreters } = await import('../../engine/run');
  const result = runScenarioWithInterpreters(scenario, { runs: [runName], trace: true, ...(needsSql ? { services: { sqlJs: await loadSqlJs() } } : {}) });
  const decider = bundledDomain(scenario.domain)!;
  const { setup, arrivals } = expandScenario(scenario);
  const records = exportRecords({ decider, trace: result.traces[0], setup, arrivals, authorize: run.authorize });
  return { scenario, run, decider, result, records };
}
