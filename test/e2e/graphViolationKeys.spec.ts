/**
 * The causation graph by keyboard, a teacher's path (trial B): "Show the invariant violation" says
 * what it selected and puts the focus on the details' heading, so its cause is a few Tabs away and
 * Escape goes back to the node; Tab from the canvas goes through the nodes in the pane in causal
 * order, once each, then on to the zoom controls, never losing the focus to the page's body.
 */
import { expect, test, type Page } from '@playwright/test';
import { openGraph, openSampleAndRun, settled, views } from './flows';

const SHOTS = process.env.A11Y_SHOTS;

/** The focused element's accessible name or text, or BODY when the focus is nowhere. */
const focusName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

test('"Show the invariant violation" by keyboard: the selection is said, the focus lands on the details heading, the cause is 3 Tabs away and Escape goes back to the node', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  const graph = await openGraph(page, '8 workers');

  await graph.getByRole('button', { name: 'Show the invariant violation' }).focus();
  await page.keyboard.press('Enter');
  const details = graph.getByRole('complementary', { name: 'Node details' });
  await expect(details.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(page.locator('#announcer')).toContainText(/^Selected Event StockReserved #\d+ on stock:tee@main, broke stock-non-negative\. Its details are beside the graph; Escape goes back to the node\./);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/graph-violation-keys-1280.png` });

  const names: string[] = [];
  for (let i = 0; i < 6 && !/select its cause/.test(names.at(-1) ?? ''); i++) {
    await page.keyboard.press('Tab');
    names.push(await focusName(page));
  }
  expect(names).not.toContain('BODY');
  expect(names.at(-1)).toMatch(/: select its cause, Command PlaceOrder c\d+/);
  expect(names.length).toBeLessThanOrEqual(4);

  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(graph.locator('.svelte-flow__node:focus')).toHaveAccessibleName(/^Event StockReserved .*broke stock-non-negative/);
});

test('Tab from the canvas goes through the nodes in the pane in causal order, each once, and on a tall column the focus never falls to the page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
  const canvas = graph.getByRole('group', { name: /^Graph canvas/ });

  // one queue's grouped graph, all in the pane: each group once, then the zoom controls, and back
  await canvas.focus();
  const names: string[] = [];
  for (let i = 0; i < 20 && names.at(-1) !== 'Zoom In'; i++) {
    await page.keyboard.press('Tab');
    names.push(await focusName(page));
  }
  expect(names.at(-1)).toBe('Zoom In');
  const groups = names.slice(0, -1);
  expect(groups.length).toBeGreaterThan(3);
  expect(groups.every((n) => n.startsWith('Group '))).toBe(true);
  expect(new Set(groups).size).toBe(groups.length);
  // Shift+Tab from the zoom controls reaches the last node (not xyflow's attribution link), then the canvas from the first
  await page.keyboard.press('Shift+Tab');
  expect(await focusName(page)).toBe(groups.at(-1));
  for (let i = 0; i < groups.length; i++) await page.keyboard.press('Shift+Tab');
  await expect(canvas).toBeFocused();

  // 8 workers, the violation shown and closed: far down a tall column, where each Tab pans and xyflow redraws its list
  await graph.getByRole('tab', { name: '8 workers' }).click();
  await graph.getByRole('button', { name: 'Show the invariant violation' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toHaveCount(0);
  await expect(graph.locator('.svelte-flow__node:focus')).toHaveCount(1);
  // the pane widened as the details closed: the graph's own moves done before the Tabs count the nodes in view
  await settled(graph);
  await canvas.focus();
  const column: string[] = [];
  // on through the column until the graph is left for its zoom controls (the page's end would blur to the browser)
  for (let i = 0; i < 16 && column.at(-1) !== 'Zoom In'; i++) {
    await page.keyboard.press('Tab');
    column.push(await focusName(page));
  }
  if (column.at(-1) === 'Zoom In') column.pop();
  expect(column).not.toContain('BODY');
  expect(column.length).toBeGreaterThanOrEqual(3);
  expect(new Set(column).size).toBe(column.length);
  // causal order: the events' sequence numbers only grow
  const sequences = column.map((n) => Number(/#(\d+)/.exec(n)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
});

test('a screen reader hears what the keys do on a node (no moving or deleting), edges named in words, and xyflow\'s attribution shown but no Tab stop', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
  const node = graph.locator('.svelte-flow__node').first();
  await expect(node).toHaveAccessibleDescription(/^Enter or Space: its details beside the graph\. \] and \[: the next and previous node in causal order\./);
  await expect(node).not.toHaveAccessibleDescription(/move|delete/i);
  const edges = graph.locator('.svelte-flow__edge');
  await expect(edges.first()).toBeAttached();
  for (const name of await edges.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''))) {
    expect(name).toMatch(/ (caused|was handled by) /);
    expect(name).not.toMatch(/group:|cmd:|ev:|\|/);
  }
  const credit = graph.getByRole('link', { name: 'Svelte Flow attribution' });
  await expect(credit).toBeVisible();
  await expect(credit).toHaveAttribute('tabindex', '-1');
});
