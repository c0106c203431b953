/** The causation graph by keyboard: the canvas pans and zooms with keys, a node reached with Tab shows a ring of its own and comes into view; at 1280×720 with the lesson and the details open, the columns still show. */
import { expect, test, type Locator } from '@playwright/test';
import { openGraph, openSampleAndRun, viewportOf, views } from './flows';

const SHOTS = process.env.A11Y_SHOTS;

/** Nodes drawn across the pane's top half cut at its left or right edge. */
const cutSideways = (graph: Locator) => graph.evaluate((el) => {
  const pane = el.querySelector('.svelte-flow')!.getBoundingClientRect();
  const nodes = [...el.querySelectorAll('.svelte-flow__node')].map((n) => n.getBoundingClientRect()).filter((r) => r.bottom > pane.top && r.top < pane.top + pane.height / 2);
  return { nodes: nodes.length, cut: nodes.filter((r) => r.left < pane.left - 1 || r.right > pane.right + 1).length };
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height} with the lesson open: arrows pan the focused canvas, + zooms, Tab reaches a node with its own ring in view, and with the details open the node stays whole in the pane`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    await views(page).getByRole('button', { name: 'Graph' }).click();
    const graph = page.getByRole('region', { name: 'Causation graph' });
    await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => cutSideways(graph)).toMatchObject({ cut: 0 });

    const canvas = graph.getByRole('group', { name: /^Graph canvas/ });
    await canvas.focus();
    await expect(canvas).toBeFocused();
    const start = await viewportOf(graph);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await viewportOf(graph)).x).toBeCloseTo(start.x - 80, 0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await viewportOf(graph)).y).toBeCloseTo(start.y - 80, 0);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('+');
    await expect.poll(async () => (await viewportOf(graph)).zoom).toBeGreaterThan(start.zoom);
    await page.keyboard.press('-');
    await expect.poll(async () => (await viewportOf(graph)).zoom).toBeCloseTo(start.zoom, 2);

    // Tab goes to the nodes: the focused one has a dashed ring, not the selection's, and lies inside the pane
    await page.keyboard.press('Tab');
    const focused = page.locator('.svelte-flow__node:focus');
    await expect(focused).toHaveCount(1);
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    await expect(focused).not.toHaveClass(/selected/);
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    const pane = graph.locator('.svelte-flow');
    const inPane = async (node: Locator) => {
      const [n, p] = [await node.boundingBox(), await pane.boundingBox()];
      return !!n && !!p && n.x >= p.x - 1 && n.x + n.width <= p.x + p.width + 1 && n.y >= p.y - 1 && n.y + n.height <= p.y + p.height + 1;
    };
    await expect.poll(() => inPane(focused)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/graph-node-focus-${size.width}.png` });

    // details open beside the narrower pane: the node stays whole in it, the graph still drawn
    await page.keyboard.press('Enter');
    await expect(graph.getByRole('complementary', { name: 'Node details' })).toBeVisible();
    const selected = graph.locator('.svelte-flow__node.selected');
    await expect.poll(() => inPane(selected)).toBe(true);
    expect((await cutSideways(graph)).nodes).toBeGreaterThan(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/graph-details-${size.width}.png` });
  });
}

test('at 1280×720 with the lesson open, opening a node’s details fits the graph again for the narrower pane: its first column at the left, the clicked node whole', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  const graph = await openGraph(page, '8 workers');
  const first = graph.locator('.svelte-flow__node').first();
  await first.click();
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toBeVisible();
  const pane = graph.locator('.svelte-flow');
  await expect.poll(async () => {
    const [n, p] = [await first.boundingBox(), await pane.boundingBox()];
    return !!n && !!p && n.x >= p.x && n.x <= p.x + 40 && n.x + n.width <= p.x + p.width;
  }).toBe(true);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/graph-details-fitted-1280.png` });
});

test('] and [ reach every node in causal order, those not drawn on screen too: each is brought into the pane and focused, and the ends are said', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  const graph = await openGraph(page);
  // the PlaceOrder group's nodes: one column far taller than the pane, fitted at its start, most of it not drawn
  await graph.getByRole('group', { name: /^Group PlaceOrder/ }).click();
  await graph.getByRole('complementary', { name: 'Node details' }).getByRole('button', { name: /^Show these/ }).click();
  await expect(graph.getByText(/^Showing PlaceOrder/)).toBeVisible();
  await expect(graph.getByTestId('graph-count')).toContainText('shown at a readable size');
  const drawn = () => graph.locator('.svelte-flow__node').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-id')));
  const canvas = graph.getByRole('group', { name: /^Graph canvas/ });
  await expect(canvas).toHaveAccessibleName(/\] and \[ go to the next and previous node/);
  await canvas.focus();
  const before = new Set(await drawn());

  // from the canvas, [ goes to the last node: not drawn before (xyflow draws the visible ones), now in the pane and focused
  await page.keyboard.press('[');
  const focused = page.locator('.svelte-flow__node:focus');
  await expect(focused).toHaveCount(1);
  const last = (await focused.getAttribute('data-id'))!;
  expect(before.has(last)).toBe(false);
  const pane = graph.locator('.svelte-flow');
  const inPane = async () => {
    const [n, p] = [await focused.boundingBox(), await pane.boundingBox()];
    return !!n && !!p && n.x >= p.x - 1 && n.x + n.width <= p.x + p.width + 1 && n.y >= p.y - 1 && n.y + n.height <= p.y + p.height + 1;
  };
  await expect.poll(inPane).toBe(true);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
  await page.screenshot({ path: '/tmp/app11/shots/graph-step-last-1280.png' });

  // past the end: the focus stays, the announcer says where the graph ends
  await page.keyboard.press(']');
  await expect(page.locator('#announcer')).toHaveText('The last node: there is none after it.');
  await expect(focused).toHaveAttribute('data-id', last);

  // back one, and on from it: each step a node of its own, in the pane, with its name
  await page.keyboard.press('[');
  await expect(focused).not.toHaveAttribute('data-id', last);
  const previous = (await focused.getAttribute('data-id'))!;
  await expect(focused).toHaveAttribute('aria-label', /.+/);
  await expect.poll(inPane).toBe(true);
  await page.keyboard.press(']');
  await expect(focused).toHaveAttribute('data-id', last);

  // from the start: ] on the canvas goes to the first node, then on through nodes drawn or not
  await canvas.focus();
  await page.keyboard.press(']');
  const first = (await focused.getAttribute('data-id'))!;
  expect(first).not.toBe(previous);
  await page.keyboard.press('[');
  await expect(page.locator('#announcer')).toHaveText('The first node: there is none before it.');
  const seen = new Set([first]);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(']');
    await expect.poll(async () => seen.has((await focused.getAttribute('data-id')) ?? first)).toBe(false);
    seen.add((await focused.getAttribute('data-id'))!);
  }
  await expect.poll(inPane).toBe(true);
  // Enter on the node reached opens its details, as on a node reached with Tab
  await page.keyboard.press('Enter');
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toBeVisible();
});
