import { build } from 'esbuild';
import { bundleModuleFiles } from '/work/wt/modapp/renderer/lib/modules/bundleModuleFiles';
import { readFileSync } from 'node:fs';
const bank = readFileSync('/work/wt/modapp/samples/domains/bank.ts','utf8');
const r = await bundleModuleFiles(build as never, { entry: '/bank.ts', files: { '/bank.ts': bank } }, ['accept','reject','object','str','int','num']);
console.log(r.code.slice(0,600)); console.log(r.map.slice(0,200));
for (const files of [{ '/bank.ts': 'import x from "lodash";\nexport default x' }, { '/bank.ts': 'import x from "./y";\nexport default x' }, { '/bank.ts': 'export default {\n  decide(: 1 }' }]) {
  try { await bundleModuleFiles(build as never, { entry: '/bank.ts', files }, []); } catch (e) { console.log((e as Error).message); }
}
