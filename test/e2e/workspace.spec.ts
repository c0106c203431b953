import { test, expect } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

test('save a workspace, reload the page, open it again: scenarios, runs and logs are all there', async ({ page }, info) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Views' });
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  await nav.getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs', { timeout: 30_000 });

  await nav.getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('button', { name: 'Open sample log' }).click();
  await expect(page.getByRole('region', { name: 'Logs', exact: true }).getByRole('status')).toContainText('events', { timeout: 20_000 });

  await nav.getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  await expect(ws.getByRole('region', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1);
  await expect(ws.getByRole('region', { name: 'Scenarios' })).toContainText('Flash sale');
  await expect(ws.getByRole('region', { name: 'Logs' })).toContainText('flash-sale-oversell');
  await expect(ws.getByRole('heading', { level: 2 })).toContainText('unsaved');

  const download = page.waitForEvent('download');
  await ws.getByRole('button', { name: 'Save', exact: true }).click();
  const file = info.outputPath('saved.purestream');
  await (await download).saveAs(file);
  await expect(ws.getByRole('heading', { level: 2 })).not.toContainText('unsaved');
  await page.screenshot({ path: 'test-results/screenshots/workspace.png' });

  // Reload: the autosave brings everything back.
  await page.reload();
  await nav.getByRole('button', { name: 'Workspace' }).click();
  await expect(ws).toContainText('Restored from the autosave');
  await expect(ws.getByRole('region', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1);

  // New empties it; opening the saved file restores scenarios, runs and logs.
  await ws.getByRole('button', { name: 'New' }).click();
  await expect(ws.getByRole('region', { name: 'Logs' })).toContainText('None yet.');
  await ws.getByLabel('Workspace file').setInputFiles(file);
  await expect(ws.getByRole('region', { name: 'Scenarios' })).toContainText('Flash sale');
  await expect(ws.getByRole('region', { name: 'Runs' })).toContainText('one queue, 8 workers, single writer, inventory-aware');
  await expect(ws.getByRole('region', { name: 'Logs' })).toContainText('flash-sale-oversell');
  await expect(ws.getByRole('region', { name: 'Recent files' })).toContainText('saved.purestream');

  // A stored result opens in Compare.
  await ws.getByRole('region', { name: 'Runs' }).getByRole('button', { name: /Flash sale/ }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' })).toContainText('inventory-aware');
});

test('✕ on a workspace scenario or run result asks first; Keep keeps it, Remove removes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs');
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  const scenarios = ws.getByRole('region', { name: 'Scenarios' });
  const results = ws.getByRole('region', { name: 'Runs' });
  await expect(scenarios.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toHaveCount(1);

  await scenarios.getByRole('button', { name: /^Remove scenario/ }).click();
  const ask = scenarios.getByRole('group', { name: /^Remove Flash sale.*\?$/ });
  await expect(ask).toContainText('This cannot be undone.');
  await page.screenshot({ path: 'test-results/screenshots/workspace-remove-confirm.png' });
  await ask.getByRole('button', { name: 'Keep' }).click();
  await expect(scenarios.getByRole('listitem')).toHaveCount(1);

  await results.getByRole('button', { name: /^Remove run/ }).click();
  await results.getByRole('group').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(results.getByRole('listitem')).toHaveCount(0);
  await expect(scenarios.getByRole('listitem')).toHaveCount(1);
});
