/**
 * Renaming the open scenario: the results stay current (a name or description changes no run),
 * Download scenario and the command line take the new name.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

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
