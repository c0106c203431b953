/** The samples bundled into the build by Vite's glob import. */
import { samplesFrom, type SampleScenario } from '../../lib/samples';

/** Every bundled sample scenario. */
export const bundledSamples: readonly SampleScenario[] = samplesFrom(import.meta.glob('../../../samples/scenarios/*.json', { eager: true }));
