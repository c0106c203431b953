/** The causation graph: fits again on a run switch, keyboard opens details, the minimap covers no node, details wrap. */
import { expect, test, type Locator } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** Whether every node lies inside the canvas, and none under the minimap. */
async function nodesInView(canvas: Locator): Promise<{ outside: number; underMap: number; nodes: number }> {
  return canvas.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const map = el.querySelector('.svelte-flow__minimap')?.getBoundingClientRect();
    const nodes = [...el.querySelectorAll('.svelte-flow__node')].map((n) => n.getBoundingClientRect());
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return {
      nodes: nodes.length,
      outside: nodes.filter((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1).length,
      underMap: map ? nodes.filter((r) => overlaps(r, map)).length : 0,
    };
  });
}

test('the graph fits again when the run changes, keeps its minimap off the nodes, and opens details from the keyboard', async ({ page }) => {
  await openSampleAndRun(page, /^Partitioning/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  const canvas = graph.locator('.canvas');
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible();
  await page.waitForTimeout(300);
  for (const run of ['pool of 6', 'partitioned 6', 'one queue']) {
    await graph.getByRole('tab', { name: run }).click();
    await page.waitForTimeout(400);
    const seen = await nodesInView(canvas);
    expect(seen.nodes).toBeGreaterThan(0);
    // the whole graph fits, or (too big for readable labels) its start shows and the count says so
    const partial = (await graph.locator('.count').textContent())?.includes('shown at a readable size') ?? false;
    if (partial) expect(seen.outside, `${run}: some nodes shown`).toBeLessThan(seen.nodes);
    else expect(seen.outside, `${run}: nodes outside the fitted view`).toBe(0);
  }
  await graph.getByRole('tab', { name: 'one queue' }).click();
  await graph.getByLabel('Minimap').check();
  await page.waitForTimeout(400);
  const fitted = (await graph.locator('.count').textContent())?.includes('shown at a readable size') ?? false;
  if (!fitted) expect((await nodesInView(canvas)).underMap).toBe(0);

  // Tab to a node, Enter opens its details; they wrap inside their panel
  await graph.locator('.svelte-flow__node').first().focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Node details' });
  await expect(details).toBeVisible();
  const overflow = await details.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(details).toBeHidden();
  // the nodes' connection handles are not announced as unnamed buttons
  expect(await graph.getByRole('button', { name: 'Handle' }).count()).toBe(0);
});
