import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const fixture = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

test('import a CloudEvents log and a broken JSON Lines log: counts, anomalies with lines, drift; the app stays usable', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'Logs' }).click();
  const inspector = page.getByRole('region', { name: 'Log inspector' });

  await inspector.getByLabel('Log file').setInputFiles(fixture('samples/logs/flash-sale-oversell.cloudevents.json'));
  const summary = inspector.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('flash-sale-oversell.cloudevents.json', { timeout: 20_000 });
  await expect(summary.getByRole('table', { name: 'Counts by type' })).toContainText('OrderPlaced');
  await expect(inspector.getByRole('region', { name: 'Anomalies' })).toContainText('duplicate-id');
  await expect(inspector.getByRole('region', { name: 'Anomalies' })).toContainText(/line \d+/);
  await expect(inspector.getByRole('region', { name: 'Invariant violations' })).toContainText('stock-non-negative');
  await expect(inspector.getByRole('region', { name: 'Decision drift' })).toContainText('order-cancelled');
  await expect(inspector.getByRole('region', { name: 'Events of the log' }).getByRole('row').nth(1)).toContainText('ItemRestocked');
  await page.screenshot({ path: 'test-results/screenshots/inspector.png', fullPage: true });

  await inspector.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/anomalies.jsonl'));
  await expect(summary).toContainText('anomalies.jsonl', { timeout: 20_000 });
  const anomalies = inspector.getByRole('region', { name: 'Anomalies' });
  await expect(anomalies).toContainText('line 3');
  await expect(anomalies).toContainText('not JSON');
  await expect(anomalies).toContainText('line 4');
  await expect(anomalies).toContainText('unknown-type');
  await expect(summary).toContainText('5 events');
  await page.screenshot({ path: 'test-results/screenshots/inspector-broken.png', fullPage: true });

  // Both logs are in the workspace, and the app still works.
  await expect(inspector.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem')).toHaveCount(2);
  await nav.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  await expect(page.getByRole('region', { name: 'Command tree' })).toBeVisible();

  // The event log shows an imported log too, with go-to-seq.
  await nav.getByRole('button', { name: 'Event log' }).click();
  const log = page.getByRole('region', { name: 'Event log' });
  const option = await log.getByLabel('Log to show').locator('option', { hasText: 'flash-sale-oversell' }).getAttribute('value');
  await log.getByLabel('Log to show').selectOption(option!);
  await log.getByLabel('Go to seq').fill('150');
  await log.getByRole('button', { name: 'Go to seq' }).click();
  await expect(log.getByRole('row').filter({ hasText: /^150/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/eventlog.png' });
});
