/** One run of a scenario file, simulated with its trace, for the sink commands (publish, enact, compare-real) and export. */
import { checkRunNames, type LoadedScenario } from '../loadScenario';
import { simulateScenarioRun, type RunLog } from '../simulatedRun';

/** One run's event log (`purestream/events@1` records) and how many of its events are the setup's: decided in the module's worker when the scenario's domain is a module, else here. The caller closes the module. */
export async function runLog(loaded: LoadedScenario, runName: string, file: string): Promise<RunLog> {
  checkRunNames(loaded.scenario, [runName], file);
  if (!loaded.domain?.host) {
    const { records, setupEvents } = await simulateScenarioRun(loaded.scenario, runName);
    return { records, setupEvents };
  }
  return loaded.domain.host.exportRun(loaded.scenario, runName);
}
