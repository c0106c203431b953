/** One run of a scenario file, simulated with its trace, for the sink commands (publish, enact, compare-real) and export. */
import type { ExportRecord } from '../../logs/exportRun';
import { checkRunNames, type LoadedScenario } from '../loadScenario';
import { simulateScenarioRun } from '../simulatedRun';

/** One run's event log (`purestream/events@1` records): decided in the module's worker when the scenario's domain is a module, else here. The caller closes the module. */
export async function runLog(loaded: LoadedScenario, runName: string, file: string): Promise<readonly ExportRecord[]> {
  checkRunNames(loaded.scenario, [runName], file);
  if (!loaded.domain?.host) return (await simulateScenarioRun(loaded.scenario, runName)).records;
  return loaded.domain.host.exportRun(loaded.scenario, runName);
}
