/** One run of a scenario, simulated with its trace, for the sink commands (publish, enact, compare-real) and export. */
import type { AnyDomainModule } from '../../../domain/kernel';
import { bundledDomain } from '../../engine/module/bundled';
import type { RunResultWithInterpreters } from '../../engine/run';
import { expandScenario } from '../../engine/scenario/expand';
import type { RunConfig, Scenario } from '../../engine/types';
import { exportRecords, type ExportRecord } from '../../logs/exportRun';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import { UsageError, type CliIO } from '../io';
import { checkRunNames, loadScenario, type LoadedScenario } from '../loadScenario';

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

/** Why enact and compare-real refuse a domain module, and what takes one instead. */
export const MODULE_NOT_ENACTED =
  "enact and compare-real run the consumer's rules in this process, and a module's code runs only in its own worker, so they take bundled domains for now; " +
  "a module's run can be published (purestream publish) and its stream inspected with the module (purestream inspect nats://HOST:PORT/STREAM --domain PATH)";

/**
 * Loads the scenario and simulates the run named in this thread, with its trace and its
 * consumers' interpreters, for enact and compare-real, which run the consumer here: a bundled
 * domain's only (see MODULE_NOT_ENACTED). A usage error lists the runs when there is no such run.
 */
export async function simulateRun(file: string, runName: string, io: CliIO): Promise<SimulatedRun> {
  const loaded = await loadScenario(file, io);
  if (loaded.domain?.host) {
    await loaded.domain.host.close();
    throw new UsageError(`${file}: its domain is a domain module (${loaded.domain.name}): ${MODULE_NOT_ENACTED}`);
  }
  return simulated(loaded.scenario, runName, file);
}

/** One run's event log (`purestream/events@1` records): decided in the module's worker when the scenario's domain is a module, else here. The caller closes the module. */
export async function runLog(loaded: LoadedScenario, runName: string, file: string): Promise<readonly ExportRecord[]> {
  if (!loaded.domain?.host) return (await simulated(loaded.scenario, runName, file)).records;
  checkRunNames(loaded.scenario, [runName], file);
  return loaded.domain.host.exportRun(loaded.scenario, runName);
}

/** Simulates the run named of a bundled domain's scenario in this thread. */
async function simulated(scenario: Scenario, runName: string, file: string): Promise<SimulatedRun> {
  checkRunNames(scenario, [runName], file);
  const run = scenario.runs.find((r) => r.name === runName)!;
  const needsSql = run.consumers.some((c) => c.interpreter === 'sql');
  const { runScenarioWithInterpreters } = await import('../../engine/run');
  const result = runScenarioWithInterpreters(scenario, { runs: [runName], trace: true, services: { hasher: nodeSha256, ...(needsSql ? { sqlJs: await loadSqlJs() } : {}) } });
  const decider = bundledDomain(scenario.domain)!;
  const { setup, arrivals } = expandScenario(scenario);
  const records = exportRecords({ decider, trace: result.traces[0], setup, arrivals, authorize: run.authorize });
  return { scenario, run, decider, result, records };
}
