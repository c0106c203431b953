/**
 * The notice of a removal (with Undo) takes room of its own under the view, at 1280×720 and
 * 1440×900 with the lesson open: it covers neither the Scenario view's Decision panel nor a run
 * card's figures, and its Undo still takes the removal back.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Whether `a` and `b` share any pixel on screen. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

/** The notice is under the view's scroll area, not over it. */
async function underTheView(page: Page, notice: Locator): Promise<void> {
  const main = (await page.locator('main').boundingBox())!;
  expect((await notice.boundingBox())!.y).toBeGreaterThanOrEqual(main.y + main.height - 1);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, the Undo notice covers neither the Decision panel nor a run card's figures`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);

    await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
    await page.getByRole('tree').getByRole('treeitem', { name: /^Repeat/ }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const notice = page.getByRole('status').filter({ hasText: /^Deleted Repeat/ });
    await expect(notice).toBeVisible();
    await underTheView(page, notice);
    expect(await overlap(notice, page.getByRole('region', { name: 'Decision' }))).toBe(false);
    await page.screenshot({ path: `test-results/screenshots/undo-notice-scenario-${size.width}.png` });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('tree').getByRole('treeitem', { name: /^Repeat/ })).toBeVisible();

    await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByRole('article', { name: 'Run 8 workers' }).getByRole('button', { name: 'Remove' }).click();
    const removed = page.getByRole('status').filter({ hasText: /^Removed run "8 workers"/ });
    await expect(removed).toBeVisible();
    await underTheView(page, removed);
    // the last card's figures, scrolled into sight, are clear of the notice
    const figures = runs.getByRole('article').last().getByText('makespan', { exact: true });
    await figures.scrollIntoViewIfNeeded();
    expect(await overlap(removed, figures)).toBe(false);
    await page.screenshot({ path: `test-results/screenshots/undo-notice-runs-${size.width}.png` });
    await removed.getByRole('button', { name: 'Undo' }).click();
    await expect(runs.getByRole('article', { name: 'Run 8 workers' })).toBeVisible();
  });
}
