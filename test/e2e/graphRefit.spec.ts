/**
 * A resized graph pane fits its graph again unless the user moved the view: the graph's own
 * moves (bringing a node reached with Tab or selected into the pane) do not count as the user's,
 * the arrow keys on the canvas do.
 */
import { expect, test, type Locator } from '@playwright/test';
import { openSampleAndRun, settled, viewportOf, views } from './flows';

/** The width of the graph's pane. */
const paneWidth = (graph: Locator) => graph.locator('.svelte-flow').evaluate((el) => el.getBoundingClientRect().width);

test('at 1440×900, a tall group’s graph panned by Tab to a node cut at its bottom fits again (its start) when the lesson is folded; panned with the arrow keys it keeps its place', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  // the PlaceOrder group's nodes: one column far taller than the pane, fitted at its start
  await graph.getByRole('group', { name: /^Group PlaceOrder/ }).click();
  await graph.getByRole('complementary', { name: 'Node details' }).getByRole('button', { name: /^Show these/ }).click();
  await expect(graph.getByText(/^Showing PlaceOrder/)).toBeVisible();
  await expect(graph.getByTestId('graph-count')).toContainText('shown at a readable size');
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toHaveCount(0);
  await settled(graph);
  const start = await viewportOf(graph);

  // Tab down the column: the graph brings each node into the pane (its own move, not the user's)
  const canvas = graph.getByRole('group', { name: /^Graph canvas/ });
  await canvas.focus();
  const focused = page.locator('.svelte-flow__node:focus');
  // to the last node drawn, cut at the pane's bottom edge: brought whole into it
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    await expect(focused).toHaveCount(1);
  }
  await expect.poll(async () => (await viewportOf(graph)).y).toBeLessThan(start.y - 1);

  // the lesson folded by hand (the focus leaves the graph): the wider pane shows the column's start again
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await expect(lesson.getByRole('button', { name: 'Show the lesson' })).toBeFocused();
  await expect.poll(async () => (await viewportOf(graph)).y).toBeCloseTo(start.y, 0);
  expect((await viewportOf(graph)).zoom).toBeCloseTo(start.zoom, 3);
  await lesson.getByRole('button', { name: 'Show the lesson' }).click();
  await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
  await expect.poll(async () => (await viewportOf(graph)).x).toBeCloseTo(start.x, 0);

  // the user pans down with the arrow keys: folding the lesson keeps the place they moved to
  await canvas.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await viewportOf(graph)).y).toBeCloseTo(start.y - 240, 0);
  const before = await viewportOf(graph);
  const narrow = await paneWidth(graph);
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await expect.poll(() => paneWidth(graph)).toBeGreaterThan(narrow + 100);
  await settled(graph);
  // not fitted again (that would centre the column in the wider pane and go back to its start)
  expect(await viewportOf(graph)).toEqual(before);
});
