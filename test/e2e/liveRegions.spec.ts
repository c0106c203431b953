/**
 * Each result is heard once: what the app's announcer (#announcer, its one live region) says is
 * in no other live region of the page at the same time — the notice or headline on screen shows
 * it without being live itself; a notice put in the page with its words is said by the announcer
 * (a live region inserted with its text is often not read); an import's progress is said at its
 * start, a few steps and its end, not at each change of its line.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { announcements, liveRegionsSaying, recordAnnouncements } from './liveRegions';
import { openSampleAndRun, views } from './flows';
import { bigLog } from './bigLogFile';

const SHOTS = process.env.SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()!.width}.png`) });
}

const announcer = (page: Page) => page.locator('#announcer');

/** The words the announcer holds now (its no-break space, added to tell a repeat apart, left out). */
async function announced(page: Page): Promise<string> {
  return ((await announcer(page).textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

test('a workspace notice is said once: by the announcer, not also by the notice', async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  const notice = page.getByRole('status', { name: 'Workspace notice' });
  await expect(notice).toContainText('Saved the workspace as');
  await expect(announcer(page)).toContainText('Saved the workspace as');
  // the notice shows the words said, and they are in one live region: the announcer
  const words = await announced(page);
  await expect(notice).toContainText(words);
  expect((await liveRegionsSaying(page, words)).map((r) => r.id)).toEqual(['announcer']);
});

test("a log's headline is said once: the announcer says it, the line under the log's name only shows it", async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs', exact: true }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  // the sample log's verdict: a violation, with anomalies, drift and stale decisions
  const headline = logs.getByRole('status').filter({ hasText: 'invariant violation' });
  await expect(headline).toBeVisible({ timeout: 20_000 });
  await expect(announcer(page)).toContainText('invariant violation');
  // the line shows the label and the sentence; the announcer says them after the log's name
  const [label, ...sentence] = ((await headline.textContent()) ?? '').trim().split(/\s+/);
  const words = sentence.join(' ');
  expect(await announced(page)).toContain(`: ${label}. ${words}`);
  expect((await liveRegionsSaying(page, words)).map((r) => r.id)).toEqual(['announcer']);
});

test("a log's import says its start, at most its quarters and its end through the announcer; its progress line is in no live region", async ({ page }) => {
  const file = bigLog(60_000, 'progress-60k.jsonl');
  await recordAnnouncements(page);
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs', exact: true }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Log file').setInputFiles(file);
  const progress = logs.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  // while it reads, its counts change on screen and are said by no live region
  await expect(logs.getByText(/[\d,]+ records read/)).toBeVisible();
  const counts = (await logs.getByText(/[\d,]+ records read/).textContent())!.trim();
  expect(await liveRegionsSaying(page, counts)).toEqual([]);
  await expect(logs.getByRole('status').filter({ hasText: 'events read' })).toContainText('60,000 events read', { timeout: 60_000 });
  await expect(announcer(page)).toContainText('60,000 events read');
  const said = (await announcements(page)).filter((t) => t !== 'Logs view');
  // the start, a few steps, the end: never each progress
  expect(said[0]).toBe('Reading the log…');
  expect(said.at(-1)).toContain('progress-60k.jsonl: ');
  expect(said.at(-1)).toContain('60,000 events read');
  for (const step of said.slice(1, -1)) expect(step).toMatch(/^Reading the log: (25|50|75)%$/);
  expect(said.length).toBeLessThanOrEqual(5);
  await shot(page, 'logs-import-done');

  // a cancelled import is said as it stops, once
  await logs.getByLabel('Log file').setInputFiles(file);
  await logs.getByRole('button', { name: 'Cancel' }).click();
  await expect(logs).toContainText('The import was stopped');
  await expect(announcer(page)).toHaveText('The import was stopped; nothing of it was kept.');
  expect((await announcements(page)).filter((t) => t.startsWith('The import was stopped'))).toHaveLength(1);
  expect((await liveRegionsSaying(page, 'The import was stopped')).map((r) => r.id)).toEqual(['announcer']);
});

test('an undo notice is said once by the announcer, and is no live region of its own', async ({ page }) => {
  await recordAnnouncements(page);
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tree').getByRole('treeitem', { name: /^Repeat/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: /^Deleted Repeat/ });
  await expect(notice).toBeVisible();
  const words = (await notice.locator('.text').textContent())!.trim();
  await expect(announcer(page)).toContainText(words);
  expect((await announcements(page)).filter((t) => t === words)).toHaveLength(1);
  expect((await liveRegionsSaying(page, words)).map((r) => r.id)).toEqual(['announcer']);
  await shot(page, 'undo-notice');
  // Undo: its notice is said in turn
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(announcer(page)).toContainText(`Undid: ${words}`);
  expect((await announcements(page)).filter((t) => t === `Undid: ${words}`)).toHaveLength(1);
});

test('the notice of a URL naming no view is said once by the announcer, and is no live region of its own', async ({ page }) => {
  await recordAnnouncements(page);
  await page.goto('/#/events');
  const notice = page.getByRole('status').filter({ hasText: 'No view is called' });
  await expect(notice).toContainText('No view is called “events”: did you mean Event log?');
  const words = 'No view is called “events”: did you mean Event log?';
  await expect(announcer(page)).toHaveText(words);
  expect((await announcements(page)).filter((t) => t === words)).toHaveLength(1);
  expect((await liveRegionsSaying(page, words)).map((r) => r.id)).toEqual(['announcer']);
  await shot(page, 'route-notice');
  // another URL naming no view is said too
  await page.evaluate(() => (location.hash = '#/nowhere'));
  await expect(announcer(page)).toHaveText('No view is called “nowhere”: here is Start; the views are in the bar above.');
});
