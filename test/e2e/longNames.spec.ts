/**
 * Long names at 1280×720 and 1440×900 with the lesson open: a run named in a hundred characters
 * leaves Metrics' and Compare's tables inside their own box (its heading wraps, clamped, the whole
 * name in a tooltip; the metric names stay while the runs scroll sideways); a long scenario title
 * ends in an ellipsis beside the lesson, the whole title on hover.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { views } from './flows';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const LONG_RUN = 'Pool of eight workers without any coordination at all during the Friday night presale for the stadium';

/** Opens Flash sale, names its "8 workers" run `name`, adds `copies` of that run, and runs them all. */
async function runFlashSaleNamed(page: Page, name: string, copies = 0): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('article', { name: 'Run 8 workers' }).getByLabel('run name').fill(name);
  for (let i = 1; i <= copies; i++) {
    await runs.getByRole('article').nth(1).getByRole('button', { name: 'Duplicate' }).click();
    await expect(runs.getByRole('article')).toHaveCount(4 + i);
  }
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs).toContainText(/Ran \d+ runs/, { timeout: 60_000 });
}

/** Where a table's box is against the view and the lesson: the sideways overflow of the view, the box and the table. */
function fit(page: Page, box: Locator) {
  return box.evaluate((el) => {
    const main = document.querySelector('main')!;
    const lesson = document.querySelector('aside[aria-label="Lesson"]')!.getBoundingClientRect();
    return {
      viewOverflow: main.scrollWidth - main.clientWidth,
      boxRightOfLesson: el.getBoundingClientRect().right - lesson.left,
      tableOverflow: el.scrollWidth - el.clientWidth,
    };
  });
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, a run named in a hundred characters: Metrics and Compare wrap its heading and keep their tables in the view`, async ({ page }) => {
    await page.setViewportSize(size);
    await runFlashSaleNamed(page, LONG_RUN);
    for (const view of ['Metrics', 'Compare']) {
      await views(page).getByRole('button', { name: view, exact: true }).click();
      const region = view === 'Metrics' ? page.getByRole('region', { name: 'Metrics' }) : page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' });
      const heading = region.getByRole('columnheader', { name: LONG_RUN });
      await heading.scrollIntoViewIfNeeded();
      // the whole name on hover; on screen at most three lines
      await expect(heading).toHaveAttribute('title', LONG_RUN);
      const lines = await heading.locator('.head-clamp').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      expect(lines).toBeLessThanOrEqual(3.01);
      // four runs fit: no sideways scroll in the view or the table, nothing under the lesson
      const where = await fit(page, region.locator('.table-wrap'));
      expect(where.viewOverflow).toBe(0);
      expect(where.tableOverflow).toBe(0);
      expect(where.boxRightOfLesson).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screenshots/long-run-name-${view.toLowerCase()}-${size.width}.png` });
    }
  });
}

test('at 1280×720, nine runs: the table scrolls sideways in its own box, the metric names staying at its left', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await runFlashSaleNamed(page, LONG_RUN, 5);
  for (const view of ['Metrics', 'Compare']) {
    await views(page).getByRole('button', { name: view, exact: true }).click();
    const region = view === 'Metrics' ? page.getByRole('region', { name: 'Metrics' }) : page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' });
    const box = region.locator('.table-wrap');
    await box.scrollIntoViewIfNeeded();
    const before = await fit(page, box);
    expect(before.viewOverflow).toBe(0);
    expect(before.boxRightOfLesson).toBeLessThanOrEqual(0);
    expect(before.tableOverflow).toBeGreaterThan(0);
    const name = region.getByRole('rowheader', { name: 'Accepted', exact: true });
    const left = (await name.boundingBox())!.x;
    await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect((await name.boundingBox())!.x).toBe(left);
    // the last run's figures come into the box, not under the lesson
    const lastValue = region.getByRole('row', { name: /^Accepted/ }).getByRole('cell').last();
    const boxRect = (await box.boundingBox())!;
    const cell = (await lastValue.boundingBox())!;
    expect(cell.x + cell.width).toBeLessThanOrEqual(boxRect.x + boxRect.width + 1);
    await page.screenshot({ path: `test-results/screenshots/nine-runs-${view.toLowerCase()}-scrolled.png` });
  }
});

const LONG_TITLE = 'Stadium World Tour 2026 — Friday night presale for the final date in the Olympic Stadium, last twenty seats in block C, sixty fans plus one family of four';

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, a long scenario title ends in an ellipsis beside its actions, never under the lesson, the whole title on hover`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
    await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
    await page.getByLabel('name', { exact: true }).fill(LONG_TITLE);
    const title = page.getByRole('heading', { level: 2, name: LONG_TITLE });
    await expect(title).toHaveAttribute('title', LONG_TITLE);
    const shown = await title.evaluate((el) => {
      const lesson = document.querySelector('aside[aria-label="Lesson"]')!.getBoundingClientRect();
      const main = document.querySelector('main')!;
      return { cut: el.scrollWidth > el.clientWidth, ellipsis: getComputedStyle(el).textOverflow, rightOfLesson: el.getBoundingClientRect().right - lesson.left, viewOverflow: main.scrollWidth - main.clientWidth };
    });
    expect([shown.cut, shown.ellipsis, shown.viewOverflow]).toEqual([true, 'ellipsis', 0]);
    expect(shown.rightOfLesson).toBeLessThan(0);
    // the actions stay on the title's line, on screen
    const runsButton = page.getByRole('button', { name: 'Runs →' });
    await expect(runsButton).toBeInViewport();
    const [t, r] = [(await title.boundingBox())!, (await runsButton.boundingBox())!];
    expect(Math.abs(t.y + t.height / 2 - (r.y + r.height / 2))).toBeLessThan(4);
    await page.screenshot({ path: `test-results/screenshots/long-scenario-title-${size.width}.png` });
  });
}
