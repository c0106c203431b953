/**
 * UI benchmark: the 1,000,000-command scenario (bench/scenario-1m-restocks.json) opened and run
 * in the web build, in Chromium driven by Playwright (the flags of playwright.config.ts). Reports
 * the time from clicking Run to the result on screen, and the main thread's responsiveness
 * while it runs: the longest gap between 10 ms timer ticks (event-loop delay) and the time a
 * click on another tab takes to show that view. Builds the page into bench/.data/ui-dist and
 * serves it with `vite preview` for the length of the benchmark.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { serveWebBuild } from './webBuild';

export const name = 'ui';

const scenarioFile = fileURLToPath(new URL('./scenario-1m-restocks.json', import.meta.url));
const RUN_TIMEOUT_MS = 10 * 60_000;

/** Runs the benchmark and returns its figures (ms). */
export async function run(): Promise<Record<string, unknown>> {
  const server = await serveWebBuild('ui-dist');
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
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
    await history.getByRole('status').getByText(/Step 750,001 of/).waitFor();
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
    server.stop();
  }
}
