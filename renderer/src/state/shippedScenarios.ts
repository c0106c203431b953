/** The scenarios a checkout ships, by their paths from its folder: a command line names an unchanged one so (renderer/lib/cli/commandLine.ts). */
import { scenarioArgument, type ScenarioArgument, type ShippedScenario } from '../../lib/cli/commandLine';
import { scenarioFileName, type ScenarioFile } from '../../lib/scenarioFileName';
import { bundledSamples } from './bundledSamples';
import { bankSample } from './bundledModules';

export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = [
  ...bundledSamples.map((s) => ({ path: `samples/scenarios/${s.file}`, value: s.value })),
  { path: `samples/domains/${bankSample.scenario.file}`, value: bankSample.scenario.value },
];

/**
 * How a command line names the open scenario (`doc`: its file, value, and the file Download
 * scenario last wrote): a shipped one by its path, else by the file name it downloads as (a
 * renamed one by its new name), the downloaded file said to be so.
 */
export function openScenarioArgument(doc: ScenarioFile & { readonly downloaded?: { readonly name: string } }): ScenarioArgument {
  const file = scenarioFileName(doc);
  return scenarioArgument(file, doc.raw, SHIPPED_SCENARIOS, doc.downloaded !== undefined && doc.downloaded.name === file);
}
