/** The causation graph: fits again on a run switch, keyboard opens details, the minimap and zoom controls cover no node, details wrap (Copy as test too), room beside a lesson, a broken invariant marked. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** Whether every node lies inside the canvas, and none under the minimap (looked for in the whole graph region, wherever it sits). */
async function nodesInView(canvas: Locator): Promise<{ outside: number; underMap: number; nodes: number }> {
  return canvas.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const map = el.closest('[aria-label="Causation graph"], .graph')?.querySelector('.svelte-flow__minimap')?.getBoundingClientRect();
    const nodes = [...el.querySelectorAll('.svelte-flow__node')].map((n) => n.getBoundingClientRect());
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return {
      nodes: nodes.length,
      outside: nodes.filter((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1).length,
      underMap: map ? nodes.filter((r) => overlaps(r, map)).length : 0,
    };
  });
}

/** Where the graph's nodes are drawn against its pane, the minimap and the zoom controls, and the size its labels show at (px). */
interface GraphGeometry {
  nodes: number;
  /** Nodes cut off at the pane's left or right edge (a column that needs a sideways pan). */
  cutSideways: number;
  underMap: number;
  underControls: number;
  /** Whether the minimap lies over the pane at all. */
  mapOverPane: boolean;
  labelPx: number;
}

function graphGeometry(graph: Locator): Promise<GraphGeometry> {
  return graph.evaluate((el) => {
    const pane = el.querySelector('.svelte-flow')!.getBoundingClientRect();
    const map = el.querySelector('.svelte-flow__minimap')?.getBoundingClientRect();
    const controls = el.querySelector('.svelte-flow__controls')?.getBoundingClientRect();
    const nodes = [...el.querySelectorAll('.svelte-flow__node')].map((n) => n.getBoundingClientRect()).filter((r) => r.bottom > pane.top && r.top < pane.bottom);
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const label = el.querySelector('.svelte-flow__node .label');
    const zoom = new DOMMatrixReadOnly(getComputedStyle(el.querySelector('.svelte-flow__viewport')!).transform).a;
    return {
      nodes: nodes.length,
      cutSideways: nodes.filter((r) => r.left < pane.left - 1 || r.right > pane.right + 1).length,
      underMap: map ? nodes.filter((r) => overlaps(r, map)).length : 0,
      underControls: controls ? nodes.filter((r) => overlaps(r, controls)).length : 0,
      mapOverPane: map ? overlaps(map, pane) : false,
      labelPx: label ? parseFloat(getComputedStyle(label).fontSize) * zoom : 0,
    };
  });
}

/** Drags the graph's background by `dy` px (a point of the bare pane near its right edge, found on screen). */
async function panGraph(page: Page, graph: Locator, dy: number): Promise<void> {
  const at = await graph.evaluate((el) => {
    const pane = el.querySelector('.svelte-flow')!.getBoundingClientRect();
    for (let y = pane.top + pane.height / 2; y < pane.bottom - 4; y += 6) {
      for (const x of [pane.right - 6, pane.left + 6]) {
        if (document.elementFromPoint(x, y)?.classList.contains('svelte-flow__pane')) return { x, y };
      }
    }
    return undefined;
  });
  expect(at, 'a bare spot of the pane to drag').toBeDefined();
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.move(at!.x, at!.y + dy / 2, { steps: 4 });
  await page.mouse.move(at!.x, at!.y + dy, { steps: 4 });
  await page.mouse.up();
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

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`beside the Composable commands lesson at ${size.width}×${size.height}, the graph shows every column readable, and the minimap and zoom controls never cover a node, panned or not`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: /^Composable commands/ }).click();
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    await lesson.getByRole('button', { name: /^Show me/ }).click();
    const graph = page.getByRole('region', { name: 'Causation graph' });
    await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
    await expect(lesson.getByRole('heading', { name: /^Composable commands/ })).toBeVisible();
    // tall: fitted at readable labels, the rest a pan away, so the minimap is on
    await expect(graph.getByLabel('Minimap')).toBeChecked();

    // fitted: every column across, labels readable, nothing under the minimap or the controls, which sit beside the pane
    await expect.poll(() => graphGeometry(graph), { timeout: 5_000 }).toMatchObject({ cutSideways: 0, underMap: 0, underControls: 0, mapOverPane: false });
    const fitted = await graphGeometry(graph);
    expect(fitted.nodes).toBeGreaterThan(5);
    expect(fitted.labelPx).toBeGreaterThanOrEqual(10.99);

    // a node in the rightmost column opens its details beside the pane and stays in sight, though the pane narrows for them
    const enactment = graph.locator('.svelte-flow__node', { hasText: 'enacted · t=34' }).first();
    await enactment.click();
    const details = graph.getByRole('complementary', { name: 'Node details' });
    await expect(details).toContainText('enacted');
    const pane = graph.locator('.svelte-flow');
    await expect.poll(async () => {
      const [n, p] = [await enactment.boundingBox(), await pane.boundingBox()];
      return !!n && !!p && n.x >= p.x - 1 && n.x + n.width <= p.x + p.width + 1 && n.y >= p.y - 1 && n.y + n.height <= p.y + p.height + 1;
    }, { timeout: 5_000 }).toBe(true);
    expect((await graphGeometry(graph)).underMap).toBe(0);
    await details.getByRole('button', { name: 'Close details' }).click();

    // panned down the graph: still nothing covered
    await panGraph(page, graph, -260);
    await expect.poll(() => graphGeometry(graph)).toMatchObject({ underMap: 0, underControls: 0, mapOverPane: false });
    expect((await graphGeometry(graph)).nodes).toBeGreaterThan(5);
    await expect(lesson).toBeVisible();
  });
}

test('the decision that broke an invariant is marked, so is the group holding it with how many inside, and its details name the invariant and its message', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: '8 workers' }).click();
  // 614 nodes: grouped by command type; the orders' group and their reservations' group each hold the one oversell
  const orders = graph.getByRole('group', { name: /^Group PlaceOrder ×150, .*, 1 inside broke stock-non-negative$/ });
  await expect(orders).toBeVisible();
  await expect(orders).toContainText('1 inside broke stock-non-negative');
  await expect(graph.getByRole('group', { name: /^Group StockReserved ×\d+, .*, 1 inside broke stock-non-negative$/ })).toBeVisible();
  await expect(graph.getByRole('group', { name: /broke/ })).toHaveCount(2);
  await expect(graph.getByRole('list', { name: 'Legend' })).toContainText('broke an invariant (a group: how many inside)');
  await expect(graph.getByRole('button', { name: 'Show the invariant violation' })).toBeVisible();

  await orders.click();
  const details = graph.getByRole('complementary', { name: 'Node details' });
  const broken = details.getByRole('region', { name: 'Invariants broken' });
  await expect(broken).toContainText('1 violation inside');
  await expect(broken).toContainText('stock-non-negative on stock:tee@main: stock of tee@main is -1');

  // the event that broke it: the group's nodes shown, the event selected and in sight, its details saying what it broke
  await broken.getByRole('button', { name: 'Show the event that broke stock-non-negative on stock:tee@main' }).click();
  await expect(graph).toContainText('Showing PlaceOrder ×150');
  const event = graph.getByRole('group', { name: /^Event StockReserved #\d+ on stock:tee@main, broke stock-non-negative$/ });
  await expect(event).toBeInViewport();
  await expect(event).toContainText('broke stock-non-negative');
  await expect(details.getByRole('region', { name: 'Invariants broken' })).toContainText('Broke an invariant');
  await expect(details.getByRole('region', { name: 'Invariants broken' })).toContainText('stock of tee@main is -1');
  await expect(details).toContainText('"stock": -1');
  // its command, decided against stale stock, is marked too
  await expect(graph.getByRole('group', { name: /^Command PlaceOrder c\d+, accepted, broke stock-non-negative$/ })).toHaveCount(1);

  // a run that broke nothing marks nothing
  await graph.getByRole('tab', { name: 'one queue' }).click();
  await expect(graph.getByRole('group', { name: /^Group PlaceOrder ×150/ })).toBeVisible();
  await expect(graph.getByRole('group', { name: /broke/ })).toHaveCount(0);
  await expect(graph.getByRole('button', { name: /invariant violation/ })).toHaveCount(0);
});

test('"Show the invariant violation" opens the event that broke it with its group\'s nodes shown, and the details say what its decision read: 4 in stock, 0 just before, -1 after, a state no longer there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: '8 workers' }).click();
  // one click: the group is opened and the event selected, in sight
  await graph.getByRole('button', { name: 'Show the invariant violation' }).click();
  await expect(graph).toContainText('Showing PlaceOrder ×150');
  const event = graph.getByRole('group', { name: /^Event StockReserved #203 on stock:tee@main, broke stock-non-negative$/ });
  await expect(event).toBeInViewport();
  await expect(graph.locator('.svelte-flow__node.selected')).toHaveAttribute('data-id', 'ev:203');
  const details = graph.getByRole('complementary', { name: 'Node details' });
  await expect(details).toContainText('#203 · stock:tee@main');
  const read = details.getByRole('region', { name: 'What the decision read, for #203' });
  const table = read.getByRole('table', { name: 'stock:tee@main' });
  await expect(table.getByRole('row').first()).toHaveText(/field\s*it read\s*just before #203\s*after #203/);
  await expect(table.getByRole('row', { name: /^stock/ })).toHaveText(/stock\s*4\s*0\s*-1/);
  await expect(read).toContainText('Between its read and #203, other decisions changed stock:tee@main: it decided on a state that was no longer there.');
  await page.screenshot({ path: 'test-results/screenshots/graph-violation-read-1280.png' });

  // its command says the same, and why its read was stale
  await graph.getByRole('group', { name: /^Command PlaceOrder c101, accepted, broke stock-non-negative$/ }).click();
  await expect(details.getByRole('region', { name: 'What the decision read, for #203' }).getByRole('row', { name: /^stock/ })).toHaveText(/stock\s*4\s*0\s*-1/);
  await expect(details).toContainText('(stale: another decision changed a stream it read before it ended)');
  // a decision that broke nothing has no such part
  await graph.getByRole('group', { name: /^Command PlaceOrder c100,/ }).click();
  await expect(details).toContainText('c100');
  await expect(details.getByRole('region', { name: /What the decision read/ })).toHaveCount(0);
});

test.describe('Copy as test in the node details', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('at 1280×720, with the lesson open and folded, the test wraps to the panel (no sideways scrolling) and Copy puts the unwrapped text on the clipboard', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSampleAndRun(page, /^Flash sale/);
    await views(page).getByRole('button', { name: 'Graph' }).click();
    const graph = page.getByRole('region', { name: 'Causation graph' });
    await graph.getByRole('tab', { name: '8 workers' }).click();
    await graph.getByRole('group', { name: /^Group PlaceOrder ×150/ }).click();
    const details = graph.getByRole('complementary', { name: 'Node details' });
    await details.getByRole('button', { name: /^Show the event that broke/ }).click();
    // the order decided against stale stock: it read two streams, so its given note is a long line
    await graph.getByRole('group', { name: /^Command PlaceOrder c\d+, accepted, broke stock-non-negative$/ }).click();
    await details.getByRole('button', { name: 'Purestream' }).click();
    await expect(details.getByRole('status')).toContainText('Copied the Purestream test');
    const text = details.getByLabel('Purestream test');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // the clipboard holds the text as the engine wrote it: the given note one line, naming both streams
    expect(copied).toBe(await text.textContent());
    expect(copied.split('\n')).toContainEqual(expect.stringMatching(/^\/\/ given: the events of the streams it read: \S+ \(\w+\), \S+ \(\w+\)$/));
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    // the details fold the lesson when the graph needs its room (graphDetails.spec.ts; this drilled group may fit): shown again by hand, it stays open
    const show = lesson.getByRole('button', { name: 'Show the lesson' });
    if (await show.isVisible()) await show.click();
    await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
    for (const folded of [false, true]) {
      if (folded) await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
      await expect(text).toBeVisible();
      const shape = await text.evaluate((el) => ({
        sideways: el.scrollWidth - el.clientWidth,
        rows: Math.round(el.scrollHeight / parseFloat(getComputedStyle(el).lineHeight)),
        lines: (el.textContent ?? '').split('\n').length,
      }));
      // wrapped: nothing past the right edge, more rows on screen than lines in the text
      expect(shape.sideways).toBeLessThanOrEqual(1);
      expect(shape.rows).toBeGreaterThan(shape.lines);
      await page.screenshot({ path: `test-results/screenshots/graph-copy-as-test-${folded ? 'lesson-folded' : 'lesson-open'}-1280.png` });
    }
  });
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height}, a node hidden in a group of a big graph, selected in the timeline or the event log, is drawn in the graph: its group opened, the node selected and in sight`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    const graph = page.getByRole('region', { name: 'Causation graph' });
    const selectedNode = graph.locator('.svelte-flow__node.selected');

    // a command chosen in the timeline: the graph (614 nodes, grouped) opens the orders' group round it
    await views(page).getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.locator('rect[data-key="d20"]').click();
    const heading = timeline.getByRole('region', { name: 'Selection' }).getByRole('heading');
    await expect(heading).toHaveText(/^Command c\d+$/);
    const commandId = (await heading.textContent())!.replace('Command ', '');
    await views(page).getByRole('button', { name: 'Graph' }).click();
    await expect(graph.getByText('Showing PlaceOrder ×150')).toBeVisible();
    await expect(selectedNode).toHaveAttribute('data-id', `cmd:${commandId}`);
    await expect(selectedNode).toBeInViewport();
    await expect(graph.getByRole('complementary', { name: 'Node details' })).toContainText(commandId);
    await page.screenshot({ path: `test-results/screenshots/graph-from-timeline-${size.width}.png` });

    // an event chosen in the event log, with no group open: the group that holds it is opened
    await graph.getByRole('button', { name: '← All nodes' }).click();
    await expect(graph.getByRole('group', { name: /^Group PlaceOrder ×150/ })).toBeVisible();
    await views(page).getByRole('button', { name: 'Event log' }).click();
    const table = page.getByRole('region', { name: /^Events of / });
    await table.getByLabel('Go to seq').fill('120');
    await table.getByRole('button', { name: 'Go to seq' }).click();
    await table.locator('.row.hl').click();
    await views(page).getByRole('button', { name: 'Graph' }).click();
    await expect(graph.getByText(/^Showing \S+ ×\d+$/)).toBeVisible();
    await expect(selectedNode).toHaveAttribute('data-id', 'ev:120');
    await expect(selectedNode).toBeInViewport();
    await expect(graph.getByRole('complementary', { name: 'Node details' })).toContainText('#120');
    await page.screenshot({ path: `test-results/screenshots/graph-from-event-log-${size.width}.png` });
  });
}
