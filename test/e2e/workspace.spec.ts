import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { saveScenario } from '../../src/store/scenarios';
import { createWorkspace, saveWorkspace } from '../../src/store/workspace';
import { openSampleAndRun, svelteWarnings, views } from './flows';

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

/** A workspace file holding the flash sale, the same with an order for "two" tees (it opens, but will not run) and JSON that is no scenario object (it will not open; text that is not JSON at all makes the file refused). */
async function workspaceWithBrokenScenarios(): Promise<Buffer> {
  const sqlJs = await initSqlJs();
  const db = createWorkspace(sqlJs);
  const flashSale = readFileSync('samples/scenarios/flash-sale.json', 'utf8');
  const halfDone = { ...(JSON.parse(flashSale) as object), name: 'Half done', commands: [{ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u-1', sku: 'tee', qty: 'two' } }] };
  saveScenario(db, { name: 'Flash sale', json: flashSale, updated: 1 });
  saveScenario(db, { name: 'Half done', json: JSON.stringify(halfDone, null, 2), updated: 2 });
  saveScenario(db, { name: 'Not a scenario', json: '["not", "a", "scenario"]', updated: 3 });
  return Buffer.from(saveWorkspace(db));
}

/** Opens the workspace file of broken scenarios in the Workspace view; resolves to the Scenarios list. */
async function openBrokenScenarios(page: Page) {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByLabel('Workspace file').setInputFiles({ name: 'broken.purestream', mimeType: 'application/octet-stream', buffer: await workspaceWithBrokenScenarios() });
  const scenarios = ws.getByRole('region', { name: 'Scenarios' });
  await expect(scenarios.getByRole('listitem')).toHaveCount(3);
  return scenarios;
}

test('the Workspace view says which stored scenarios will not open or not run, reachable by keyboard, before any is opened', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const warnings = svelteWarnings(page);
  const scenarios = await openBrokenScenarios(page);
  const item = (name: string) => scenarios.getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) });

  await expect(item('Not a scenario').getByRole('note')).toHaveText("won't open: expected a scenario object, got an array");
  await expect(item('Half done').getByRole('note')).toHaveText(/^won't run: commands\[0\]\.data\.qty: /);
  await expect(item('Flash sale').getByRole('note')).toHaveCount(0);
  // the scenario's button is described by its problem, and Tab reaches the badge
  const halfDone = item('Half done').getByRole('button', { name: 'Half done', exact: true });
  await expect(halfDone).toHaveAccessibleDescription(/^won't run: commands\[0\]\.data\.qty: /);
  await halfDone.focus();
  await page.keyboard.press('Tab');
  await expect(item('Half done').getByRole('note')).toBeFocused();

  // a scenario that will not open says why where it is, and nothing changes
  await item('Not a scenario').getByRole('button', { name: 'Not a scenario', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Workspace' }).getByRole('status')).toHaveText("“Not a scenario” won't open: expected a scenario object, got an array");
  // one that will not run opens, and the editor lists its problem
  await halfDone.click();
  await expect(page.getByRole('button', { name: /^1 problem/ })).toBeVisible();
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
});
