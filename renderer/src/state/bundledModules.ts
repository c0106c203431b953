/** The sample domain modules shipped with the app (their source text, so the web build can open them) and their scenarios. */
import bankSource from '../../../samples/domains/bank.ts?raw';
import bankScenario from '../../../samples/domains/bank.scenario.json';
import { samplesFrom, type SampleScenario } from '../../lib/samples';
import type { ModuleFiles } from '../../lib/modules/bundleModuleFiles';

/** A sample module and the scenario that teaches with it. */
export interface ModuleSample {
  readonly files: ModuleFiles;
  readonly scenario: SampleScenario;
}

/** The bank: "bring your own rules". */
export const bankSample: ModuleSample = {
  files: { entry: '/bank.ts', files: { '/bank.ts': bankSource } },
  scenario: samplesFrom({ '../../../samples/domains/bank.scenario.json': bankScenario })[0],
};
