import { test, expect } from '@playwright/test';
import { openSampleAndRun } from './flows';

test('a timeline bar selects the same command in the graph and the history; keyboard and zoom work', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('tab', { name: '8 workers' }).click();
  await expect(timeline.getByText('worker 4', { exact: true })).toBeVisible();

  await timeline.locator('rect[data-key="d20"]').click();
  const selected = timeline.getByRole('region', { name: 'Selection' });
  await expect(selected.getByRole('heading')).toHaveText(/^Command c\d+$/);
  const commandId = (await selected.getByRole('heading').textContent())!.replace('Command ', '');
  await expect(selected).toContainText('history step');
  await page.screenshot({ path: 'test-results/screenshots/timeline.png' });

  // Keyboard: the next bar on the same worker.
  await timeline.getByRole('application', { name: /Timeline bars/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(selected.getByRole('heading')).not.toHaveText(`Command ${commandId}`);
  await page.keyboard.press('ArrowLeft');
  await expect(selected.getByRole('heading')).toHaveText(`Command ${commandId}`);

  // Zoom in and back.
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(timeline.getByText(/^\d+–\d+ ms$/)).not.toHaveText(/^0–308 ms$/);
  await timeline.getByRole('button', { name: 'Fit' }).click();
  await expect(timeline.getByText(/^\d+–\d+ ms$/)).toHaveText('0–308 ms');

  await nav.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'State history' }).getByRole('status')).toContainText(`caused by ${commandId}`);
  await nav.getByRole('button', { name: 'Graph' }).click();
  await expect(page.getByRole('complementary', { name: 'Node details' })).toContainText(commandId);
});

test('consumers: outbox, audit log, sql tables with a read-only query box; the timeline shows their lanes', async ({ page }) => {
  await openSampleAndRun(page, /^Flexible consumers/);
  const nav = page.getByRole('navigation', { name: 'Views' });

  await nav.getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await expect(consumers.getByRole('region', { name: 'Consumer email' })).toContainText('Outbox');
  await expect(consumers.getByRole('region', { name: 'Consumer audit' })).toContainText('Audit log');
  const tables = consumers.getByRole('region', { name: 'Consumer tables' });
  await tables.getByRole('button', { name: 'Run query' }).click();
  await expect(tables.getByRole('table', { name: 'tables query result' })).toBeVisible();
  await tables.getByLabel('Read-only query').fill('DELETE FROM orders');
  await tables.getByRole('button', { name: 'Run query' }).click();
  await expect(tables.getByRole('alert')).toContainText('query refused');
  await page.screenshot({ path: 'test-results/screenshots/consumers.png' });

  await nav.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('email', { exact: true })).toBeVisible();
});
