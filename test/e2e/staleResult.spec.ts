/**
 * A result run before the open scenario was edited says so in the result views (Compare, Metrics,
 * Runs) — "These results are from before your edits", with Run again — and no command line names
 * the edited scenario over it; Run again brings them up to date.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/stale-${name}-${width}.png` });
  }
}

/** Sets the open scenario's seed in the Scenario form, leaving the field with Tab. */
async function setSeed(page: Page, seed: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('seed', { exact: true }).fill(seed);
  await page.keyboard.press('Tab');
}

test('Flash sale run, then its seed set to 42: Compare, Metrics and Runs say the results are from before the edits, without the edited command line; Run again runs it', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await setSeed(page, '42');

  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  const notice = compare.getByTestId('stale-result');
  await expect(notice).toContainText('These results are from before your edits.');
  await expect(compare.getByRole('group', { name: 'Compare command line' })).toHaveCount(0);
  await expect(compare).not.toContainText('with your edits');
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  await screenshots(page, 'compare');

  await views(page).getByRole('button', { name: 'Metrics', exact: true }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByTestId('stale-result')).toContainText('These results are from before your edits.');
  await expect(metrics.getByRole('group', { name: 'Run command line' })).toHaveCount(0);
  await screenshots(page, 'metrics');

  // Runs keeps Run's own line (Run runs the scenario as it is now), and says the results are older
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByTestId('stale-result')).toContainText('These results are from before your edits.');
  await screenshots(page, 'runs');

  // the seed typed back (the sample's 7): the results are the open scenario's again
  await setSeed(page, '7');
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compare.getByRole('group', { name: 'Compare command line' })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // edited again, Run again from Compare: the notice goes, and the line names the edited scenario
  await setSeed(page, '42');
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await notice.getByRole('button', { name: 'Run again' }).click();
  await expect(notice).toHaveCount(0, { timeout: 30_000 });
  await expect(compare.getByRole('group', { name: 'Compare command line' }).getByTestId('command-line')).toHaveText(
    "Same as purestream compare flash-sale.json with your edits, once saved to that file (Download scenario), run in the scenario file's folder",
  );
  await views(page).getByRole('button', { name: 'Metrics', exact: true }).click();
  await expect(metrics).toContainText('seed 42');
  await expect(metrics.getByTestId('stale-result')).toHaveCount(0);
});

test('a sweep, then the seed edited: the Sweep says its points are from before the edits; Run again sweeps again', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await views(page).getByRole('button', { name: 'Sweep', exact: true }).click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByLabel('To', { exact: true }).fill('4');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('4 points')).toBeVisible({ timeout: 30_000 });
  await expect(sweep.getByTestId('stale-result')).toHaveCount(0);

  await setSeed(page, '42');
  await views(page).getByRole('button', { name: 'Sweep', exact: true }).click();
  const notice = sweep.getByTestId('stale-result');
  await expect(notice).toContainText('These results are from before your edits.');
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  await screenshots(page, 'sweep');
  await notice.getByRole('button', { name: 'Run again' }).click();
  await expect(sweep.getByText('4 points')).toBeVisible({ timeout: 30_000 });
  await expect(notice).toHaveCount(0);
});

test('a run made invalid after running (0 workers): the notice points to the run\'s card, below in Runs and in the Runs view from Compare, not to the Scenario view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('article', { name: 'Run 8 workers' }).getByLabel('workers', { exact: true }).fill('0');
  const notice = runs.getByTestId('stale-result');
  await expect(notice).toContainText('Fix this first, on the card of run "8 workers" below — workers: a whole number ≥ 1 (got 0).');
  await expect(notice).not.toContainText('Scenario view');
  await expect(notice.getByRole('button', { name: 'Run again' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/stale-invalid-run-runs-1280.png' });

  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByTestId('stale-result')).toContainText('on the card of run "8 workers" in the Runs view');
});
