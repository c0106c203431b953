/**
 * Each result is heard once: what the app's announcer (#announcer, its one live region) says is
 * in no other live region of the page at the same time — the notice or headline on screen shows
 * it without being live itself.
 */
import { test, expect, type Page } from '@playwright/test';
import { liveRegionsSaying } from './liveRegions';
import { views } from './flows';

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
