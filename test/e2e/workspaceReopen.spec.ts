/**
 * Saving and reopening in the workspace: what is opened from it is read after the "Save your
 * edits?" question is answered (never a copy read before the Save it asked for).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import initSqlJs from 'sql.js';
import { openSampleAndRun, views } from './flows';

const FLASH = 'Flash sale: 150 orders for 100 units';

/** Presses Ctrl+S (the web downloads the workspace) and resolves to what the downloaded file holds: each scenario's description, and the runs by their scenario. */
async function saveAndRead(page: Page, info: TestInfo, file: string): Promise<{ scenarios: Record<string, string>; runs: string[] }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const path = info.outputPath(file);
  await (await download).saveAs(path);
  const db = new (await initSqlJs()).Database(readFileSync(path));
  try {
    const scenarios = Object.fromEntries((db.exec('SELECT name, json FROM scenarios')[0]?.values ?? []).map(([name, json]) => [String(name), String((JSON.parse(String(json)) as { description?: unknown }).description)]));
    const runs = (db.exec('SELECT scenario FROM runs ORDER BY run_id')[0]?.values ?? []).map(([s]) => String(s));
    return { scenarios, runs };
  } finally {
    db.close();
  }
}

/** Sets the open scenario's description in the Scenario form. */
async function describeAs(page: Page, text: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('description', { exact: true }).fill(text);
}

for (const what of ['run result', 'scenario'] as const) {
  test(`Save in the question asked by opening a stored ${what} keeps the edits, and opens them: nothing is lost on the next Save`, async ({ page }, info) => {
    await openSampleAndRun(page, /^Flash sale/);
    expect(await saveAndRead(page, info, 'first.purestream')).toMatchObject({ runs: [FLASH] });
    await describeAs(page, 'VERSION-2');

    await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
    const ws = page.getByRole('region', { name: 'Workspace' });
    const list = ws.getByRole('region', { name: what === 'scenario' ? 'Scenarios' : 'Runs' });
    await list.getByRole('button', { name: FLASH, exact: true }).click();
    const ask = page.getByRole('dialog', { name: `Save your edits to “${FLASH}”?` });
    const download = page.waitForEvent('download');
    await ask.getByRole('button', { name: 'Save', exact: true }).click();
    await download;
    await expect(ask).toBeHidden();

    await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByLabel('description', { exact: true })).toHaveValue('VERSION-2');
    await expect(page.getByRole('banner').locator('.pill')).toHaveCount(0);

    // the next Save keeps VERSION-2, and the run once
    expect(await saveAndRead(page, info, 'second.purestream')).toEqual({ scenarios: { [FLASH]: 'VERSION-2' }, runs: [FLASH] });
  });
}
