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

const AUTOSCALING = 'Autoscaling: a burst of orders';

/** Opens a bundled sample from Start (the open scenario has no unsaved edits: nothing is asked). */
async function openSample(page: Page, name: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name, exact: true }).click();
}

/** Opens the stored scenario `name` from the Workspace view. */
async function openStored(page: Page, name: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  await page.getByRole('region', { name: 'Workspace' }).getByRole('region', { name: 'Scenarios' }).getByRole('button', { name, exact: true }).click();
}

test('a saved scenario reopens with its latest run of the version saved, and Save stores that run once', async ({ page }, info) => {
  await openSampleAndRun(page, /^Flash sale/);
  expect(await saveAndRead(page, info, 'first.purestream')).toMatchObject({ runs: [FLASH] });
  // nothing was run again: no second copy
  expect(await saveAndRead(page, info, 'again.purestream')).toMatchObject({ runs: [FLASH] });

  await openSample(page, AUTOSCALING);
  await openStored(page, FLASH);
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs');
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' })).toContainText('inventory-aware');
  await expect(page.getByText('These results are from before your edits')).toHaveCount(0);
  // reopened, the run is the one stored: Save stores no copy
  expect(await saveAndRead(page, info, 'reopened.purestream')).toMatchObject({ runs: [FLASH] });

  // a run made again (same scenario, same result) is the same run too
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs', { timeout: 30_000 });
  expect(await saveAndRead(page, info, 'rerun.purestream')).toMatchObject({ runs: [FLASH] });
});

test('a saved scenario whose latest stored run is of another version says so and offers that run, shown as from before the edits', async ({ page }, info) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('seed', { exact: true }).fill('8');
  expect(await saveAndRead(page, info, 'seed-8.purestream')).toMatchObject({ runs: [FLASH] });

  // the list tells the run's version: the one stored differs in its seed
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  const run = page.getByRole('region', { name: 'Workspace' }).getByRole('region', { name: 'Runs' }).getByRole('button', { name: FLASH, exact: true });
  await expect(run).toHaveAccessibleDescription(/^version 1 · differs from the saved scenario in seed · latest · /);

  await openSample(page, AUTOSCALING);
  await openStored(page, FLASH);
  const notice = page.getByRole('status', { name: 'Workspace notice' });
  await expect(notice).toContainText(`The latest stored run of “${FLASH}”`);
  await expect(notice).toContainText('was run on another version of it, so its results are not shown with this one.');
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Not run yet.');
  await notice.getByRole('button', { name: 'Open that run' }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' })).toContainText('inventory-aware');
  await expect(page.getByText('These results are from before your edits').first()).toBeVisible();
  await expect(notice).toBeHidden();
});
