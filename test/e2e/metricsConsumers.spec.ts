import { test, expect, type Page } from '@playwright/test';

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

test('the email consumer\'s failures badge reads the same number as Metrics\' delivery failures', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runDecoupledUptime(page);
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const row = page.getByRole('region', { name: 'Metrics' }).getByRole('row', { name: /^Delivery failures/ });
  await expect(row.getByRole('cell').first()).toHaveText('15');
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: /Consumer/ }).first();
  await expect(consumers).toContainText('15 failures (13 retried, 2 parked)');
  await expect(consumers).not.toContainText('13 failed');
  await page.screenshot({ path: 'test-results/screenshots/consumers-badges.png' });
});
