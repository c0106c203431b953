/**
 * Reflow (WCAG 1.4.10) at 150% and 200% zoom of a 1280×720 screen (853×480 and 640×360 CSS px):
 * the Scenario workbench stacks its tree, form and decision, the page scrolls as one, and the
 * tree item focused with the keyboard is in sight, covered by nothing; no view scrolls sideways.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const SHOTS = process.env.A11Y_SHOTS;

/** The focused element: whether its middle is inside the window and the element there is itself (or inside it). */
const focusSeen = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    const [x, y] = [r.x + r.width / 2, r.y + Math.min(r.height / 2, 10)];
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return 'off screen';
    const top = document.elementFromPoint(x, y);
    return top && (el.contains(top) || top.contains(el)) ? 'seen' : `covered by ${top?.className}`;
  });
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const size of [{ width: 853, height: 480 }, { width: 640, height: 360 }]) {
  test(`at ${size.width}×${size.height} the Scenario workbench stacks: the tree and the form have room, the item focused by keyboard is seen, nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: /^Flash sale/ }).click();
    await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
    const tree = page.getByRole('tree');
    await page.getByRole('treeitem').first().focus();
    for (const key of ['End', 'Home', 'ArrowDown', 'End']) {
      await page.keyboard.press(key);
      await expect.poll(() => focusSeen(page)).toBe('seen');
    }
    expect((await tree.boundingBox())!.height).toBeGreaterThan(120);
    const form = page.getByRole('tabpanel', { name: 'Form' });
    expect((await form.boundingBox())!.height).toBeGreaterThan(200);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reflow-scenario-${size.width}.png` });
    // Enter opens the item's form: its first field is reached by scrolling the page, not a squeezed pane
    await page.keyboard.press('Enter');
    await expect.poll(() => focusSeen(page)).toBe('seen');
  });
}

test('at 853×480 Runs, Compare, Logs and Graph scroll as a page, none sideways', async ({ page }) => {
  await page.setViewportSize({ width: 853, height: 480 });
  await openSampleAndRun(page, /^Flash sale/);
  for (const view of ['Runs', 'Compare', 'Logs', 'Graph']) {
    await views(page).getByRole('button', { name: view, exact: true }).click();
    await expect(page.locator('main h2').first()).toBeVisible();
    expect(await sideways(page), view).toBeLessThanOrEqual(0);
    // the page scrolls, not a box inside it: the view's area is as tall as what it shows
    expect(await page.locator('main').evaluate((m) => m.scrollHeight - m.clientHeight), view).toBeLessThanOrEqual(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reflow-${view.toLowerCase()}-853.png` });
  }
});
