import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

/**
 * The README tour: opens the main views on the bundled samples and saves a screenshot of each
 * to docs/screenshots/<view>.png (committed; regenerate with `npx playwright test test/e2e/tour.spec.ts`).
 */
const shot = (page: Page, view: string) => page.screenshot({ path: `docs/screenshots/${view}.png` });
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

async function openSample(page: Page, name: string): Promise<void> {
  await tab(page, 'Start').click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name, exact: true }).click();
  await unfoldLesson(page);
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name })).toBeVisible();
}

/** Unfolds the lesson when it is folded (the fold is kept for the session, across samples). */
async function unfoldLesson(page: Page): Promise<void> {
  const unfold = page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: 'Show the lesson' });
  if (await unfold.isVisible()) await unfold.click();
}

const foldLesson = (page: Page) => page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: 'Fold the lesson' }).click();

test('tour of the main views, for the README', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Samples' })).toBeVisible();
  await shot(page, 'start');

  // The scenario editor with its command tree, a dry-run decision, and the sample's lesson beside it.
  await openSample(page, 'Dry run: preview decisions before anything happens');
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: /^Show me/ }).click();
  await expect(page.getByRole('region', { name: 'Decision' }).getByRole('status')).toContainText('would be rejected');
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Arrival time' })).toHaveText('Arrives at t = 20 ms');
  await shot(page, 'editor');

  // Runs and the causation graph of the profile-with-gallery batches.
  await openSample(page, 'Profile with gallery: all-or-nothing batches');
  await foldLesson(page);
  await tab(page, 'Runs').click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs).toContainText('Ran 2 runs');
  await shot(page, 'runs');
  await tab(page, 'Graph').click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.locator('.svelte-flow__node', { hasText: 'ProfileAdded' }).first().click();
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toBeVisible();
  await shot(page, 'graph');

  // The flash sale: the lesson's Show me runs it and compares the schedulers.
  await openSample(page, 'Flash sale: 150 orders for 100 units');
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: /^Show me/ }).click();
  await expect(page.getByRole('region', { name: 'Compare' })).toBeVisible({ timeout: 30_000 });
  await foldLesson(page);
  await shot(page, 'compare');

  await tab(page, 'History').click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: '8 workers' }).click();
  await expect(history).toContainText('with violations');
  // Step to the first enactment that broke an invariant (its marker on the slider names the step, counted from 1; the slider's value counts from 0).
  const marker = await history.locator('.marker').first().getAttribute('title');
  await history.getByRole('slider', { name: 'History position' }).fill(String(Number(/step (\d+)/.exec(marker ?? '')![1]) - 1));
  await expect(history.locator('.violation')).toContainText('Invariant broken');
  await shot(page, 'history');

  await tab(page, 'Metrics').click();
  await expect(page.getByRole('region', { name: 'Metrics' }).getByRole('img', { name: /Decision queue depth/ })).toBeVisible();
  await shot(page, 'metrics');

  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('16 points')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'sweep');

  // Retries, dead letters and downtime on the timeline.
  await openSample(page, 'Decoupled uptime: retries, dead letters, guarantees, stale reads');
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: /^Show me/ }).click();
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-current', 'page', { timeout: 30_000 });
  await foldLesson(page);
  if (await page.getByRole('region', { name: 'Timeline' }).count()) await shot(page, 'timeline');

  // One decision, four enactments: the consumers' own views.
  await openSample(page, 'Flexible consumers: one decision, four enactments');
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: /^Show me/ }).click();
  await expect(tab(page, 'Consumers')).toHaveAttribute('aria-current', 'page', { timeout: 30_000 });
  await foldLesson(page);
  if (await page.getByRole('region', { name: 'Consumers' }).count()) await shot(page, 'consumers');

  // Logs: a recorded log of another system, read without a domain, its anomalies and drift.
  await tab(page, 'Logs').click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status').filter({ hasText: /in [\d,]+ events?/ })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'logs');

  // Your own rules: the bank module, trusted, described like a bundled domain.
  await tab(page, 'Start').click();
  await page.getByRole('region', { name: 'Bring your own rules' }).getByRole('button', { name: 'Bring your own rules: a bank with overdrafts' }).click();
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Bring your own rules: a bank with overdrafts' })).toBeVisible({ timeout: 30_000 });
  await unfoldLesson(page);
  await foldLesson(page);
  await tab(page, 'Runs').click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });
  await tab(page, 'Domains').click();
  const card = page.getByRole('region', { name: 'Domains' }).getByRole('article', { name: 'Domain Bank' });
  await expect(card).toBeVisible();
  await shot(page, 'domains');

  // The rules change (the overdraft gone): the runs re-run and Rule change shows what differs.
  const bank = readFileSync(new URL('../../samples/domains/bank.ts', import.meta.url), 'utf8');
  const strict = bank.replace('const available = (account: Account) => account.balance + account.overdraftLimit;', 'const available = (account: Account) => account.balance;');
  expect(strict).not.toBe(bank);
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Reload' }).click();
  await (await chooser).setFiles({ name: 'bank.ts', mimeType: 'text/plain', buffer: Buffer.from(strict) });
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('region', { name: 'Rule change' })).toContainText('decided differently', { timeout: 30_000 });
  await shot(page, 'rule-change');
});
