/**
 * Renaming the open scenario: the results stay current (a name or description changes no run),
 * Download scenario and the command line take the new name, and Save renames the stored scenario
 * it was kept as, with its runs (Undo rename takes it back).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import initSqlJs from 'sql.js';
import { openSampleAndRun, views } from './flows';

const FLASH = 'Flash sale: 150 orders for 100 units';

/** Presses Ctrl+S (the web downloads the workspace) and resolves to the stored scenarios' names and each run's scenario. */
async function saveAndRead(page: Page, info: TestInfo, file: string): Promise<{ scenarios: string[]; runs: string[] }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const path = info.outputPath(file);
  await (await download).saveAs(path);
  const db = new (await initSqlJs()).Database(readFileSync(path));
  try {
    const column = (sql: string) => (db.exec(sql)[0]?.values ?? []).map(([v]) => String(v));
    return { scenarios: column('SELECT name FROM scenarios ORDER BY name'), runs: column('SELECT scenario FROM runs ORDER BY run_id') };
  } finally {
    db.close();
  }
}

/** The stored scenario the open scenario's autosave (IndexedDB) says it is kept as. */
const autosavedEntry = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open('purestream', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('autosave');
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('scenario');
          get.onsuccess = () => resolve(get.result?.entry);
          get.onerror = () => resolve(undefined);
        };
      }),
  );

/** Renames the open scenario in the Scenario form. */
async function rename(page: Page, name: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('name', { exact: true }).fill(name);
}

test('a rename or a new description keeps the results current; Download scenario and the command line take the new name', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await rename(page, 'Concert: last 20 seats');
  await page.getByLabel('description', { exact: true }).fill('For the team.');
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs).toContainText('Ran 4 runs');
  await expect(page.getByText('These results are from before your edits')).toHaveCount(0);
  await expect(runs).toContainText('purestream run concert-last-20-seats.json');
  await expect(runs).toContainText('with your edits, once saved to that file (Download scenario)');
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Compare' })).toContainText('Concert: last 20 seats · deltas are against the first chosen run');

  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario' }).click();
  expect((await download).suggestedFilename()).toBe('concert-last-20-seats.json');
  // a real edit makes them stale
  await page.getByLabel('seed', { exact: true }).fill('8');
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(page.getByText('These results are from before your edits').first()).toBeVisible();
});

test('Save after a rename renames the stored scenario with its runs, says so, and Undo rename takes it back', async ({ page }, info) => {
  await openSampleAndRun(page, /^Flash sale/);
  expect(await saveAndRead(page, info, 'first.purestream')).toEqual({ scenarios: [FLASH], runs: [FLASH] });
  await rename(page, 'Concert');
  expect(await saveAndRead(page, info, 'renamed.purestream')).toEqual({ scenarios: ['Concert'], runs: ['Concert'] });
  const notice = page.getByRole('status', { name: 'Workspace notice' });
  await expect(notice).toContainText(`Renamed “${FLASH}” to “Concert” in the workspace, with its run result.`);
  await page.screenshot({ path: 'test-results/screenshots/workspace-rename-notice.png' });

  await notice.getByRole('button', { name: 'Undo rename' }).click();
  await expect(page.getByLabel('name', { exact: true })).toHaveValue(FLASH);
  await expect(notice).toContainText(`“${FLASH}” has its name again, in the workspace too; Save writes that to the workspace file.`);
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await expect(ws.getByRole('region', { name: 'Scenarios' }).getByRole('listitem')).toHaveText([new RegExp(`^${FLASH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)]);
  await expect(ws.getByRole('region', { name: 'Runs' }).getByRole('button', { name: FLASH, exact: true })).toBeVisible();
  await expect(ws.getByRole('heading', { level: 2 })).toContainText('unsaved');
  expect(await saveAndRead(page, info, 'undone.purestream')).toEqual({ scenarios: [FLASH], runs: [FLASH] });
});

test('a rename to the name of another stored scenario saves nothing and says why', async ({ page }, info) => {
  await openSampleAndRun(page, /^Flash sale/);
  await saveAndRead(page, info, 'flash.purestream');
  await views(page).getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Autoscaling: a burst of orders', exact: true }).click();
  await saveAndRead(page, info, 'both.purestream');
  await rename(page, FLASH);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.keyboard.press('Control+s');
  const alert = page.getByRole('alert', { name: 'Workspace notice' });
  await expect(alert).toContainText(`Not saved: the workspace already has another scenario named “${FLASH}”. Rename this one, or remove that one from the workspace first.`);
  expect(downloaded).toBe(false);
  await expect(page.getByRole('banner').locator('.pill')).toHaveText('unsaved');
});

test('after a reload, the restored scenario is still kept as its stored scenario: renamed and saved, it renames that one', async ({ page }, info) => {
  await openSampleAndRun(page, /^Flash sale/);
  expect(await saveAndRead(page, info, 'first.purestream')).toEqual({ scenarios: [FLASH], runs: [FLASH] });
  // the autosave keeps which stored scenario it is
  await expect.poll(() => autosavedEntry(page)).toBe(FLASH);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await page.getByRole('region', { name: 'Restore scenario' }).getByRole('button', { name: 'Restore' }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs', { timeout: 30_000 });
  await rename(page, 'Concert');
  expect(await saveAndRead(page, info, 'renamed.purestream')).toEqual({ scenarios: ['Concert'], runs: ['Concert'] });
});
