/**
 * A workspace with unsaved changes is never replaced silently: New and Open ask first in the
 * app's own dialog (never the browser's confirm) — Save, Discard changes or Cancel, from the
 * keyboard too.
 */
import { expect, test, type Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { saveScenario } from '../../src/store/scenarios';
import { createWorkspace, saveWorkspace } from '../../src/store/workspace';
import { svelteWarnings, views } from './flows';

const FLASH = 'Flash sale: 150 orders for 100 units';

/** A workspace file holding one scenario, "Planted". */
async function otherWorkspace(): Promise<Buffer> {
  const db = createWorkspace(await initSqlJs());
  saveScenario(db, { name: 'Planted', json: '{}', updated: 1 });
  return Buffer.from(saveWorkspace(db));
}

/** Opens the flash sale and keeps it in the workspace (an unsaved change); resolves to the Workspace view. */
async function changedWorkspace(page: Page) {
  await views(page).getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: FLASH, exact: true }).click();
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current scenario' }).click();
  await expect(ws.getByRole('heading', { level: 2 })).toContainText('unsaved');
  return ws;
}

test("New or Open over unsaved changes asks in the app's dialog: Escape and Cancel keep the workspace, Discard changes replaces it, Save downloads it first", async ({ page }) => {
  const native: string[] = [];
  page.on('dialog', (d) => (native.push(d.type()), void d.dismiss()));
  const warnings = svelteWarnings(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const ws = await changedWorkspace(page);
  const scenarios = ws.getByRole('region', { name: 'Scenarios' });

  await ws.getByRole('button', { name: 'New' }).click();
  const ask = page.getByRole('dialog', { name: 'Save the changes to “Untitled workspace”?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('A new workspace replaces it, and its changes are not saved.');
  await expect(ask).toContainText('Save downloads it first, as Ctrl+S does: the browser keeps only the workspace that is open.');
  // Save has the focus (Enter loses nothing); Escape cancels
  await expect(ask.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/workspace-replace-ask-1280.png' });
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(scenarios).toContainText('Flash sale');

  // Cancel from the keyboard: Shift+Tab from Save
  await page.setViewportSize({ width: 1440, height: 900 });
  await ws.getByRole('button', { name: 'New' }).click();
  await expect(ask).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/workspace-replace-ask-1440.png' });
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(scenarios).toContainText('Flash sale');
  await expect(ws.getByRole('heading', { level: 2 })).toContainText('unsaved');

  // Open: the question names the file; Discard changes (Shift+Tab twice) opens it
  await ws.getByLabel('Workspace file').setInputFiles({ name: 'other.purestream', mimeType: 'application/octet-stream', buffer: await otherWorkspace() });
  await expect(ask).toContainText('Opening “other.purestream” replaces it, and its changes are not saved.');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: 'Discard changes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(scenarios).toContainText('Planted');
  await expect(scenarios).not.toContainText('Flash sale');
  await expect(ws.getByRole('heading', { level: 2 })).toHaveText('other.purestream');

  // Save: the app's Save (downloaded on the web), then the new workspace
  await changedWorkspace(page);
  await ws.getByRole('button', { name: 'New' }).click();
  await expect(page.getByRole('dialog', { name: 'Save the changes to “other.purestream”?' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('other.purestream');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(ws.getByRole('heading', { level: 2 })).toHaveText('Untitled workspace');
  await expect(scenarios).toContainText('None yet.');

  expect(native).toEqual([]);
  expect(warnings).toEqual([]);
});
