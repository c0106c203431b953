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

test('the 8 workers\' timeline marks where stock-non-negative broke, on the deciding worker\'s lane and the state store\'s, goes there from one button, and says 5 of its 8 workers took a command', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('tab', { name: '8 workers' }).click();
  // Metrics says Max workers 8: the lanes are the 5 that decided, and the timeline says so
  await expect(timeline.getByRole('note')).toHaveText('8 decision workers: 5 took a command (a lane each), 3 stayed idle.');
  await expect(timeline.locator('.lane-label', { hasText: /^worker \d+$/ })).toHaveCount(5);
  await expect(timeline.getByRole('list', { name: 'Outcomes' })).toContainText('broke an invariant');
  const marks = timeline.locator('path.mark');
  await expect(marks).toHaveCount(2);
  await expect(marks.first().locator('title')).toHaveText(/^⚠ PlaceOrder c101 broke stock-non-negative · 210 ms$/);

  await timeline.getByRole('button', { name: 'Show the invariant violation' }).click();
  const selected = timeline.getByRole('region', { name: 'Selection' });
  await expect(selected.getByRole('heading')).toHaveText('Command c101');
  await expect(timeline.locator('rect.b.selected.broke')).toHaveCount(1);
  await expect(timeline).toContainText('PlaceOrder c101 · worker 0 · 200 ms–210 ms · ⚠ broke stock-non-negative');
  await expect(timeline.getByTitle('Time in view')).not.toHaveText('0–308 ms');
  await page.screenshot({ path: 'test-results/screenshots/timeline-violation-1280.png' });

  // a run that broke nothing marks nothing, and every worker of one queue decided
  await timeline.getByRole('tab', { name: 'one queue' }).click();
  await expect(timeline.locator('.lane-label', { hasText: /^worker 0$/ })).toHaveCount(1);
  await expect(timeline.locator('path.mark')).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: /invariant violation/ })).toHaveCount(0);
  await expect(timeline.getByRole('note')).toHaveCount(0);
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
