import { test, expect, type Page } from '@playwright/test';
import { runNotifierOnly } from './flows';

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

async function runDecoupledUptime(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Decoupled uptime/ }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs/, { timeout: 30_000 });
}

test('the queue-depth chart is scaled to the depths, not 0–100, and its line reaches a depth that lasted no time', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await runDecoupledUptime(page);
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const depth = metrics.locator('figure', { hasText: 'Decision queue depth' });
  // the report's max queue depth is 1, each time for no virtual time (a command started the instant it arrived);
  // uPlot draws on its canvas, so the figure states the largest depth drawn and the top of the y axis
  await expect(depth).toHaveAttribute('data-y-max', '1');
  await expect(depth).toHaveAttribute('data-y-top', '2');
  await expect(depth).not.toContainText('lasted no virtual time');
  await depth.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/metrics-queue-depth.png' });
});

test('a run whose queue depth is the same (or almost) as an earlier run\'s is named so in the legend, not drawn invisibly under it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const depth = page.getByRole('region', { name: 'Metrics' }).locator('figure', { hasText: 'Decision queue depth' });
  // each run's line in words (lib/metrics/chartText), named as in the legend
  await expect(depth.getByRole('img')).toHaveAccessibleName(/^Decision queue depth against virtual time \(ms\): one queue: 0 to 120, peak 120 at \d+, ends at 0 at [\d,]+; 8 workers: .*; single writer \(same as one queue\): .*; inventory-aware \(almost the same as 8 workers\): .* \(waiting\)\. Its data is in the table under "Show data"\.$/);
  await expect(depth.locator('.u-legend')).toContainText('single writer (same as one queue)');
  // one that repeats it but for a few moments is drawn inside it too, and named so
  await expect(depth.locator('.u-legend')).toContainText('inventory-aware (almost the same as 8 workers)');
  await depth.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/metrics-same-queue.png' });
});

test('the email consumer\'s failures badge reads the same number as Metrics\' delivery failures', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runDecoupledUptime(page);
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const row = page.getByRole('region', { name: 'Metrics' }).getByRole('row', { name: /^Delivery failures/ });
  // the number, then the worst run's mark (▼, and the word for a screen reader)
  await expect(row.getByRole('cell').first()).toHaveText(/^15(?!\d)/);
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: /Consumer/ }).first();
  await expect(consumers).toContainText('15 failures (13 retried, 2 parked)');
  await expect(consumers).not.toContainText('13 failed');
  await page.screenshot({ path: 'test-results/screenshots/consumers-badges.png' });
});

test('a run that lists no state store: Runs says the engine adds one, Consumers lists it, Metrics\' Deliveries says it counts it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runNotifierOnly(page);
  const card = page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: 'Run 8 workers' });
  await expect(card).toContainText('No state store listed: the engine adds one, “state”, with no latency.');
  await card.screenshot({ path: 'test-results/screenshots/runs-added-store-note.png' });

  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const row = metrics.getByRole('row', { name: /^Deliveries/ });
  // the definition opens under the metric's name (a disclosure: the keyboard reaches it too)
  await expect(row.getByRole('rowheader')).toHaveAccessibleName('Deliveries');
  await row.getByRole('rowheader').locator('summary').click();
  await expect(row.getByRole('rowheader')).toContainText(/the state store among them, also the default one the engine adds/);
  const cell = row.getByRole('cell').nth(1);
  const total = Number((await cell.textContent())!.replaceAll(',', ''));
  const parts = /^([\d,]+) = ([\d,]+) by state \(state store added by the engine\) \+ ([\d,]+) by notifier \(notifier\)$/.exec((await cell.getAttribute('title'))!);
  expect(parts).not.toBeNull();
  const [store, mail] = [Number(parts![2].replaceAll(',', '')), Number(parts![3].replaceAll(',', ''))];
  expect(Number(parts![1].replaceAll(',', ''))).toBe(total);
  expect(store + mail).toBe(total);
  const note = metrics.getByRole('note', { name: 'What Deliveries counts' });
  await expect(note).toContainText(`8 workers: ${parts![0]}`);
  await expect(note).not.toContainText('one queue');
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/metrics-deliveries-added-store-1280.png' });

  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await consumers.getByRole('tab', { name: '8 workers' }).click();
  const added = consumers.getByRole('region', { name: 'Consumer state', exact: true });
  const notifier = consumers.getByRole('region', { name: 'Consumer notifier', exact: true });
  await expect(added).toContainText('added by the engine');
  await expect(added).toContainText('“8 workers” lists no state-store consumer, so the engine adds this one');
  await expect(added).toContainText(`${store.toLocaleString('en-US')} deliveries`);
  await expect(added).toContainText('State decisions read');
  await expect(notifier).toContainText('notifier');
  await expect(notifier).toContainText(`${mail.toLocaleString('en-US')} deliveries`);
  await expect(notifier).not.toContainText('added by the engine');
  await page.screenshot({ path: 'test-results/screenshots/consumers-added-store-1280.png' });
  // a run that lists its own state store: only it, nothing added
  await consumers.getByRole('tab', { name: 'one queue' }).click();
  await expect(consumers.getByRole('region', { name: /^Consumer / })).toHaveCount(1);
  await expect(consumers).not.toContainText('added by the engine');
});
