/** The scenarios a checkout ships, by their paths from its folder: a command line names an unchanged one so (renderer/lib/cli/commandLine.ts). */
import { scenarioArgument, type ScenarioArgument, type ShippedScenario } from '../../lib/cli/commandLine';
import { bundledSamples } from './bundledSamples';
import { bankSample } from './bundledModules';

export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = [
  ...bundledSamples.map((s) => ({ path: `samples/scenarios/${s.file}`, value: s.value })),
  { path: `samples/domains/${bankSample.scenario.file}`, value: bankSample.scenario.value },
];

/** How a command line names the open scenario (`doc`: its file name, value, and the file Download scenario last wrote): a shipped one by its path, else by its name, the downloaded file said to be so. */
export const openScenarioArgument = (doc: { readonly fileName: string; readonly raw: unknown; readonly downloaded?: { readonly name: string } }): ScenarioArgument =>
  scenarioArgument(doc.fileName, doc.raw, SHIPPED_SCENARIOS, doc.downloaded !== undefined && doc.downloaded.name === doc.fileName);
