#!/usr/bin/env node
// `npm test`: every unit test (vitest) and every browser test (Playwright in Chromium).
// Both suites always run; the exit code is non-zero when either failed.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

rmSync('test-results', { recursive: true, force: true });
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
const unit = run(['node_modules/vitest/vitest.mjs', 'run']);
let e2e = 0;
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('Browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); counting them as failed.');
  e2e = 1;
} else {
  e2e = run(['node_modules/@playwright/test/cli.js', 'test']);
}
process.exit(unit || e2e ? 1 : 0);
