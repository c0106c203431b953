/** Rewrites the golden reports (see ./scenarios.ts): `node bin/run-ts.mjs test/golden/write.ts`. */
import { writeFileSync } from 'node:fs';
import { goldenCases } from './scenarios';
import { goldenReport } from './goldenReport';

for (const c of goldenCases()) {
  writeFileSync(new URL(`./${c.name}.report.json`, import.meta.url), await goldenReport(c));
  console.log(c.name);
}
