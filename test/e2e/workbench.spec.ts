import { test, expect, type Page } from '@playwright/test';

const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

test('open a sample, run it, see the graph, step the history with the keyboard, see the metrics per run', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' }).click();
  await view(page, 'Runs').click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs).toContainText('Ran 2 runs');
  await page.screenshot({ path: 'test-results/screenshots/runs.png', fullPage: true });

  await view(page, 'Graph').click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await expect(graph.locator('.svelte-flow__node', { hasText: 'AddProfile' }).first()).toBeVisible();
  await expect(graph.locator('.svelte-flow__node', { hasText: 'ProfileAdded' }).first()).toBeVisible();
  await expect(graph.locator('.svelte-flow__node', { hasText: 'duplicate-image' }).first()).toBeVisible();
  await graph.locator('.svelte-flow__node', { hasText: 'ProfileAdded' }).first().click();
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toContainText('profile:p1');
  await page.screenshot({ path: 'test-results/screenshots/graph.png' });

  // The selected event moved the history there; the keyboard steps it.
  await view(page, 'History').click();
  const history = page.getByRole('region', { name: 'State history' });
  const slider = history.getByRole('slider', { name: 'History position' });
  await expect(slider).toHaveValue('0');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('1');
  await expect(history.getByRole('status')).toContainText('GalleryImageAdded');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('1');
  await expect(history).toContainText('img-1');
  await page.screenshot({ path: 'test-results/screenshots/history.png' });

  await view(page, 'Metrics').click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const header = metrics.getByRole('table').getByRole('row').first();
  await expect(header.getByRole('columnheader')).toHaveText(['metric', 'one queue', '4 workers']);
  await expect(metrics.getByRole('rowheader', { name: 'Makespan' })).toBeVisible();
  await expect(metrics.getByRole('img', { name: /Decision queue depth/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/metrics.png', fullPage: true });
});

test('a flash sale under four schedulers: grouped graph past 500 nodes with drill-down, violations in history', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await view(page, 'Runs').click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs');

  await view(page, 'Graph').click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: '8 workers' }).click();
  await expect(graph).toContainText('groups (over 500)');
  const group = graph.locator('.svelte-flow__node', { hasText: 'PlaceOrder ×150' });
  await expect(group).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/graph-grouped.png' });
  await group.click();
  await graph.getByRole('button', { name: /Show these/ }).click();
  await expect(graph.getByRole('button', { name: '← All nodes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/graph-drilled.png' });

  await view(page, 'History').click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: '8 workers' }).click();
  await expect(history).toContainText('with violations');
  await history.getByRole('group', { name: 'Violations' }).getByRole('button', { name: 'next →' }).click();
  await expect(history.locator('.violation')).toContainText('stock-non-negative');
  await expect(history.getByRole('status')).toContainText('StockReserved');
  await page.screenshot({ path: 'test-results/screenshots/history-violations.png' });
  await view(page, 'Metrics').click();
  await expect(page.getByRole('region', { name: 'Metrics' }).getByRole('columnheader')).toHaveText(['metric', 'one queue', '8 workers', 'single writer', 'inventory-aware']);
  await page.screenshot({ path: 'test-results/screenshots/metrics-flash-sale.png', fullPage: true });
});
