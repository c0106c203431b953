/** Empty states: compact (heading, a line, the action together), and the Domains view's with working actions. */
import { expect, test, type Locator } from '@playwright/test';
import { svelteWarnings, views } from './flows';

// nothing Svelte warns about in the console along the way
let warnings: string[] = [];
test.beforeEach(({ page }) => {
  warnings = svelteWarnings(page);
});
test.afterEach(() => expect(warnings).toEqual([]));

const SIZES = [[1280, 720], [1440, 900]] as const;

/** Views whose empty state fills the view before a scenario is open or run (label in the top bar). */
const VIEWS = ['Scenario', 'Runs', 'Graph', 'History', 'Metrics', 'Compare', 'Sweep', 'Timeline', 'Consumers'];

/** The vertical extent of an empty state's heading, text and first button. */
async function layout(empty: Locator): Promise<{ heading: number; text: number; button: number; bottom: number }> {
  return empty.evaluate((el) => {
    const top = (sel: string) => el.querySelector(sel)?.getBoundingClientRect();
    const heading = top('strong')!;
    const button = top('button')!;
    return { heading: heading.top, text: top('span')!.top, button: button.top, bottom: button.bottom };
  });
}

test('the empty states of the result views keep heading, text and button together near the top', async ({ page }) => {
  await page.goto('/');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    for (const view of VIEWS) {
      await views(page).getByRole('button', { name: view, exact: true }).click();
      const empty = page.locator('main .empty.full');
      await expect(empty).toBeVisible();
      const at = await layout(empty);
      expect(at.text - at.heading, `${view} at ${width}: text right under the heading`).toBeLessThan(40);
      expect(at.button - at.text, `${view} at ${width}: button right under the text`).toBeLessThan(60);
      expect(at.bottom, `${view} at ${width}: the whole empty state in the top half`).toBeLessThan(height / 2);
      await page.screenshot({ path: `test-results/screenshots/empty-${view.toLowerCase()}-${width}.png` });
    }
  }
});

test('Domains with no module: a heading, one paragraph, and Open domain… and the bank sample as buttons that work', async ({ page }) => {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await views(page).getByRole('button', { name: 'Domains' }).click();
    const empty = page.getByRole('group', { name: 'No module open' });
    await expect(empty).toBeVisible();
    // one paragraph of flowing text: each code name sits in the line, not on a line of its own
    const lines = await empty.locator('p').evaluate((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
    expect(lines).toBeLessThanOrEqual(3);
    await expect(empty.locator('p code')).toHaveText(['decide', 'evolve', 'streamOf']);
    await page.screenshot({ path: `test-results/screenshots/domains-empty-${width}.png` });

    const chooser = page.waitForEvent('filechooser');
    await empty.getByRole('button', { name: 'Open domain…' }).click();
    expect((await chooser).isMultiple()).toBe(true);
  }

  await page.getByRole('group', { name: 'No module open' }).getByRole('button', { name: 'Open the bank sample' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run bank.ts?' });
  await dialog.getByRole('button', { name: 'Trust and run' }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  await expect(domains.getByRole('article', { name: 'Domain Bank' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'No module open' })).toBeHidden();
  // the recent list says the open module is open, instead of offering to pick it again
  await expect(domains.getByRole('navigation', { name: 'Recent domains' })).toContainText('bank.ts (open)');
  await expect(domains.getByRole('navigation', { name: 'Recent domains' }).getByRole('button', { name: 'bank.ts' })).toHaveCount(0);
});
