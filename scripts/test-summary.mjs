#!/usr/bin/env node
// Prints one line `N passed, N failed` from the unit (vitest) and browser (Playwright) JSON reports
// of `npm test`, and from each further unit report named on the command line (.ci/run's Node 26
// run). A missing or empty report counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', ...process.argv.slice(2)]) {
  const unit = read(file);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    if (unit.numTotalTests === 0 || unit.testResults?.some((f) => f.status === 'failed' && f.assertionResults.length === 0)) failed += 1;
  } else failed += 1;
}
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected + (e2e.errors?.length ? 1 : 0);
} else failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
