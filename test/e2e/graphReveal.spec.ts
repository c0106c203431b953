/**
 * A node selected in another view ("show in graph →" in History) opens the Graph with its
 * details and the node in sight on the canvas, once the view has settled — though it was hidden
 * in a group, far down a tall graph, and the pane narrowed for the details.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const SHOTS = process.env.A11Y_SHOTS;

/** Whether the selected node lies whole inside the canvas, and the viewport's transform (to tell a view that has stopped moving). */
const selectedInPane = (graph: Locator) => graph.evaluate((el) => {
  const pane = el.querySelector('.svelte-flow')!.getBoundingClientRect();
  const node = el.querySelector('.svelte-flow__node.selected')?.getBoundingClientRect();
  const transform = getComputedStyle(el.querySelector('.svelte-flow__viewport')!).transform;
  const inside = !!node && node.left >= pane.left - 1 && node.right <= pane.right + 1 && node.top >= pane.top - 1 && node.bottom <= pane.bottom + 1;
  return { inside, transform };
});

/** Presses Enter on `locator` (focused first, as Tab would). */
async function press(page: Page, locator: Locator, key = 'Enter'): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height}, History's "show in graph →" opens the event's details with its node in sight on the canvas`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    await press(page, views(page).getByRole('button', { name: 'History', exact: true }));
    const history = page.getByRole('region', { name: 'State history' }).first();
    await press(page, history.getByRole('tab', { name: '8 workers' }));
    await press(page, history.getByRole('button', { name: 'the first violation' }));
    const slider = history.getByRole('slider', { name: 'History position' });
    await expect(slider).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await press(page, history.getByRole('button', { name: 'show in graph →' }));

    const graph = page.getByRole('region', { name: 'Causation graph' }).first();
    const details = graph.getByRole('complementary', { name: 'Node details' });
    await expect(details.getByRole('heading', { level: 3 })).toBeFocused();
    const label = (await details.textContent()) ?? '';
    const event = /#(\d+)/.exec(label)?.[1];
    expect(event).toBeDefined();

    // settled: the node inside the canvas, the viewport the same at two polls in a row
    let last = '';
    await expect.poll(async () => {
      const now = await selectedInPane(graph);
      const settled = now.transform === last;
      last = now.transform;
      return now.inside && settled;
    }, { timeout: 10_000 }).toBe(true);
    await expect(graph.locator('.svelte-flow__node.selected')).toContainText(`#${event}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/graph-from-history-${size.width}.png` });
  });
}
