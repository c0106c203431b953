/**
 * The Runs view's cards (fresh-user trials, s12: every card's Duplicate was just "Duplicate"): each
 * card's controls are named with its run — a screen reader's list of buttons tells them apart —
 * while their visible words stay short.
 */
import { expect, test } from '@playwright/test';
import { views } from './flows';

const shots = process.env.SHOTS_DIR ?? 'test-results/screenshots';

test("each run card's Duplicate, Remove, Add consumer and its consumers' Remove are named with the run; the buttons of the Runs view are told apart", async ({ page }) => {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
    await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
    const runs = page.getByRole('region', { name: 'Runs' });
    const card = runs.getByRole('article', { name: 'Run 8 workers' });
    await expect(card.getByRole('button', { name: 'Duplicate run 8 workers', exact: true })).toHaveText('Duplicate');
    await expect(card.getByRole('button', { name: 'Remove run 8 workers', exact: true })).toHaveText('Remove');
    await card.getByRole('button', { name: 'Add consumer to run 8 workers', exact: true }).click();
    await expect(card.getByRole('button', { name: /^Remove consumer .+ of run 8 workers$/ })).toHaveText('Remove');
    // the same consumer added to another run: its Remove is that run's
    const other = runs.getByRole('article', { name: 'Run one queue' });
    await other.getByRole('button', { name: 'Add consumer to run one queue', exact: true }).click();

    // every button of the view by its name, as a screen reader lists them: no two alike
    const names = [...(await runs.ariaSnapshot()).matchAll(/- button "([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(6);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/run-cards-${width}.png` });
  }
});
