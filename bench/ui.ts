/**
 * UI benchmark: the 1,000,000-command scenario (bench/scenario-1m-restocks.json) opened and run
 * in the web build, in Chromium driven by Playwright (the flags of playwright.config.ts). Reports
 * the time from clicking Run to the result on screen, and the main thread's responsiveness
 * while it runs: the longest gap between 10 ms timer ticks (event-loop delay) and the time a
 * click on another tab takes to show that view. Builds the page into bench/.data/ui-dist and
 * serves it with `vite preview` for the length of the benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

export const name = 'ui';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('./.data/ui-dist', import.meta.url));
const scenarioFile = fileURLToPath(new URL('./scenario-1m-restocks.json', import.meta.url));
const vite = `${root}node_modules/vite/bin/vite.js`;
const PORT = Number(process.env.BENCH_UI_PORT ?? 4198);
const RUN_TIMEOUT_MS = 10 * 60_000;

/** Starts `vite preview` of the build and resolves when it answers. */
async function preview(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'vite.config.ts', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not answer in 20 s');
}

/** Runs the benchmark and returns its figures (ms). */
export async function run(): Promise<Record<string, unknown>> {
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr.trim().split('\n')[0]}`);
  const server = await preview();
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByLabel('Scenario file').setInputFiles({ name: 'scenario-1m-restocks.json', mimeType: 'application/json', buffer: readFileSync(scenarioFile) });
    await page.getByText('1,000,000 restocks').first().waitFor();
    const view = (label: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label, exact: true });
    await view('Runs').click();
    const runs = page.getByRole('region', { name: 'Runs' });

    // A probe on the page's main thread: the longest gap between 10 ms ticks (a string: tsx would wrap a function with helpers the page lacks).
    await page.evaluate(`{
      const probe = (globalThis.benchProbe = { last: performance.now(), maxGap: 0, stop: false });
      const tick = () => {
        const now = performance.now();
        probe.maxGap = Math.max(probe.maxGap, now - probe.last);
        probe.last = now;
        if (!probe.stop) setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    }`);
    const started = performance.now();
    await runs.getByRole('button', { name: 'Run', exact: true }).click();
    await runs.getByRole('progressbar', { name: 'Run progress' }).waitFor();
    // While it runs: switch to Metrics and back, timing how long each view takes to show.
    let t = performance.now();
    await view('Metrics').click();
    await page.getByRole('navigation', { name: 'Views' }).locator('[aria-current="page"]', { hasText: 'Metrics' }).waitFor();
    const tabSwitchMs = performance.now() - t;
    await view('Runs').click();
    const stillRunning = (await runs.getByRole('progressbar', { name: 'Run progress' }).count()) > 0;
    await runs.getByText(/Ran 1 run/).waitFor({ timeout: RUN_TIMEOUT_MS });
    const runMs = performance.now() - started;
    const maxEventLoopDelayMs = (await page.evaluate('globalThis.benchProbe.stop = true, globalThis.benchProbe.maxGap')) as number;

    // A finished big run: the history slider reads a step from the worker.
    await view('History').click();
    const history = page.getByRole('region', { name: 'State history' });
    t = performance.now();
    await history.getByRole('slider', { name: 'History position' }).fill('750000');
    await history.getByRole('status').getByText('Step 750000').waitFor();
    const historyJumpMs = performance.now() - t;
    return {
      scenario: 'bench/scenario-1m-restocks.json',
      runMs: Math.round(runMs),
      maxEventLoopDelayMs: Math.round(maxEventLoopDelayMs),
      tabSwitchWhileRunningMs: Math.round(tabSwitchMs),
      historyJumpMs: Math.round(historyJumpMs),
      stillRunningAfterTabSwitch: stillRunning,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}
