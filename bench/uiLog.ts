/**
 * UI benchmark of the Logs view: the 1,000,000-event commerce log of bench/inspect.ts (~130 MB,
 * generated once under bench/.data/) opened in the "Logs" view of the web build, in Chromium
 * driven by playwright-core (the flags of playwright.config.ts), against a `vite preview` on a
 * free port. Reports, timed in the page from the file input's change event: the first screen
 * (the log's counts so far and its first record row, shown while the rest streams in), the
 * summary's types listed (the view shows the Types panel once the inspection is complete), the
 * whole import (progress bar gone, the health line up), the main thread's longest frame
 * meanwhile, "Go to record" while importing and after (median and max over seeded random record
 * numbers, until the highlighted row shows that record), and a programmatic scroll through the
 * records table (frame rate, slowest frames, frames with rows not yet loaded).
 * Targets: first screen <= 15 s, jump < 100 ms.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import config from '../playwright.config';
import { seededRandom } from '../src/engine/random';
import { generate, LOG } from './inspect';
import { serveWebBuild } from './webBuild';

export const name = 'ui-log';

const EVENTS = 1_000_000;
const JUMPS = 20;
const IMPORT_TIMEOUT_MS = 10 * 60_000;

// Page scripts are strings: tsx would wrap functions with helpers the page lacks.

/** The Logs view (the region holding the file input: the Workspace view has a "Logs" panel too). */
const LOGS = `document.querySelector('input[aria-label="Log file"]').closest('[aria-label="Logs"]')`;

/** Watches the import from the input's change event: first screen, types listed, end, and the longest frame meanwhile. */
const WATCH_IMPORT = `{
  const w = (globalThis.uiLog = { t0: 0, firstScreen: 0, typesListed: 0, done: 0, frames: 0, maxFrame: 0 });
  const logs = ${LOGS};
  logs.querySelector('input[aria-label="Log file"]').addEventListener('change', () => (w.t0 = performance.now()), { capture: true });
  const countsShown = () => [...logs.querySelectorAll('.log-head .health')].some((p) => / events/.test(p.textContent));
  let last = 0;
  const frame = (now) => {
    if (w.t0 > 0) {
      if (last > 0) w.maxFrame = Math.max(w.maxFrame, now - last);
      last = now;
      w.frames++;
      const t = performance.now() - w.t0;
      if (!w.firstScreen && countsShown() && logs.querySelector('[aria-label="Records of the log"] .row[aria-rowindex="1"]')) w.firstScreen = t;
      if (!w.typesListed && logs.querySelector('[aria-label="Types"] tr')) w.typesListed = t;
      if (!w.done && logs.querySelector('[role="status"]') && !logs.querySelector('[aria-label="Import progress"]')) w.done = t;
    }
    if (!w.done || !w.typesListed) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}`;

/** "Go to record" for one record number; resolves to the ms until the highlighted row shows that record, or -1 when it shows another. */
const jumpScript = (seq: number): string => `new Promise((done) => {
  const table = ${LOGS}.querySelector('[aria-label="Records of the log"]');
  const input = table.querySelector('input[aria-label="Go to record"]');
  // the first cell is the record number (a flagged record's has " ⚠" after it)
  const landed = () => { const hl = table.querySelector('.row.hl'); return hl && hl.firstElementChild.textContent.trim().split(/\\s/)[0] === '${seq}'; };
  input.value = '${seq}';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const t0 = performance.now();
  const observer = new MutationObserver(() => { if (landed()) { observer.disconnect(); clearTimeout(timer); done(performance.now() - t0); } });
  const timer = setTimeout(() => { observer.disconnect(); done(-1); }, 10000);
  observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  [...table.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Go to record').click();
})`;

/** Scrolls the table by `rowsPerFrame` rows each frame for `frames` frames (through the scaled scroll range); frame times and frames showing rows not loaded yet. */
const scrollScript = (rowsPerFrame: number, frames: number): string => `new Promise((done) => {
  const viewport = ${LOGS}.querySelector('[aria-label="Records of the log table"]');
  const rows = Number(viewport.getAttribute('aria-rowcount'));
  const range = viewport.scrollHeight - viewport.clientHeight;
  const pxPerRow = range / Math.max(1, rows * 26 - viewport.clientHeight) * 26;
  viewport.scrollTop = 0;
  const gaps = [];
  let pending = 0;
  let last = 0;
  let n = 0;
  const frame = (now) => {
    if (last > 0) gaps.push(now - last);
    last = now;
    if (viewport.querySelector('.row.pending')) pending++;
    if (n++ === ${frames}) return done({ gaps, pending });
    viewport.scrollTop = n * ${rowsPerFrame} * pxPerRow;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const quantile = (xs: readonly number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Polls a page expression until it is true (waitForFunction would eval, which the app's CSP forbids). */
async function until(page: Page, expression: string, everyMs: number): Promise<void> {
  const end = Date.now() + IMPORT_TIMEOUT_MS;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Jumps to each record in turn; the latencies (ms) and how many landed elsewhere. */
async function jumps(page: Page, records: readonly number[]): Promise<{ ms: number[]; missed: number }> {
  const ms: number[] = [];
  let missed = 0;
  for (const record of records) {
    const t = (await page.evaluate(jumpScript(record))) as number;
    if (t < 0) missed++;
    else ms.push(t);
  }
  return { ms, missed };
}

/** Scroll figures at one speed. */
async function scroll(page: Page, rowsPerFrame: number, frames = 120): Promise<Record<string, number>> {
  const r = (await page.evaluate(scrollScript(rowsPerFrame, frames))) as { gaps: number[]; pending: number };
  const total = r.gaps.reduce((a, b) => a + b, 0);
  return {
    rowsPerFrame,
    fps: round1(r.gaps.length / (total / 1000)),
    p95FrameMs: round1(quantile(r.gaps, 0.95)),
    maxFrameMs: round1(Math.max(...r.gaps)),
    framesWithUnloadedRowsPct: round1((r.pending / (frames + 1)) * 100),
  };
}

/** Runs the benchmark and returns its figures (ms unless named otherwise). */
export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(LOG)) await generate(LOG);
  const server = await serveWebBuild('ui-log-dist');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...(config.use?.launchOptions?.args ?? [])] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs', exact: true }).click();
    const logs = page.getByRole('region', { name: 'Logs', exact: true });
    await logs.waitFor();
    await page.evaluate(WATCH_IMPORT);
    await logs.getByLabel('Log file').setInputFiles(LOG);
    await until(page, 'globalThis.uiLog.firstScreen > 0', 100);

    // Go to record while the rest streams in: records among those stored so far (the table shows the stored ones).
    const random = seededRandom(7, 1);
    const progressText = (await logs.getByRole('progressbar', { name: 'Import progress' }).locator('..').textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    const stored = Number(/([\d,]+) stored/.exec(progressText)?.[1].replace(/,/g, '') ?? 0);
    const during = stored > 1000 ? await jumps(page, Array.from({ length: 5 }, () => random.int(1, stored))) : { ms: [], missed: 0 };

    await until(page, 'globalThis.uiLog.done > 0 && globalThis.uiLog.typesListed > 0', 250);
    const watched = (await page.evaluate('globalThis.uiLog')) as { firstScreen: number; typesListed: number; done: number; frames: number; maxFrame: number };
    const read = (await logs.getByRole('region', { name: 'How the log was read' }).textContent()) ?? '';
    const events = Number(/([\d,]+) events?\b/.exec(read)?.[1].replace(/,/g, '') ?? 0);

    // The complete log opens on its summary: to the records, once their first row is in.
    await logs.getByRole('tab', { name: 'Records' }).click();
    await logs.getByRole('region', { name: 'Records of the log' }).locator('.row[aria-rowindex="1"]').waitFor();
    const after = await jumps(page, Array.from({ length: JUMPS }, () => random.int(1, EVENTS)));
    const wheel = await scroll(page, 10); // 600 rows/s: a brisk wheel
    const drag = await scroll(page, 100); // 6,000 rows/s: dragging the scrollbar
    // The workspace autosaves (to IndexedDB) once the worker has been idle 2 s: jumps meanwhile.
    await new Promise((r) => setTimeout(r, 2100));
    const saving = await jumps(page, Array.from({ length: 5 }, () => random.int(1, EVENTS)));
    return {
      log: 'bench/.data/commerce-1m-v3.jsonl',
      events,
      firstScreenMs: Math.round(watched.firstScreen),
      firstScreenTargetMs: 15_000,
      typesListedMs: Math.round(watched.typesListed),
      importMs: Math.round(watched.done),
      maxFrameDuringImportMs: Math.round(watched.maxFrame),
      jumpDuringImport: { records: during.ms.length, stored, medianMs: during.ms.length ? round1(median(during.ms)) : null, maxMs: during.ms.length ? round1(Math.max(...during.ms)) : null, missed: during.missed },
      jump: { records: after.ms.length, medianMs: round1(median(after.ms)), maxMs: round1(Math.max(...after.ms)), missed: after.missed, targetMs: 100 },
      jumpWhileAutosaving: { records: saving.ms.length, medianMs: round1(median(saving.ms)), maxMs: round1(Math.max(...saving.ms)), missed: saving.missed },
      scroll: [wheel, drag],
      ok: watched.firstScreen <= 15_000 && after.missed === 0 && Math.max(...after.ms) < 100,
    };
  } finally {
    await browser.close();
    server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await run(), null, 2));
