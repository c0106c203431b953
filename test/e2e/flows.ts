/** Shared steps of the browser tests. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar's view navigation. */
export const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** Opens the bundled sample whose name starts with `name` and runs all its runs; resolves when the result is in. */
export async function openSampleAndRun(page: Page, name: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });
}

/**
 * Opens the Graph view of the run result (on the tab of run `run`, when given); resolves with the
 * graph's region once its first node is drawn.
 */
export async function openGraph(page: Page, run?: string): Promise<Locator> {
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  if (run !== undefined) await graph.getByRole('tab', { name: run }).click();
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
  return graph;
}

/** The graph's viewport transform: its offset and scale. */
export const viewportOf = (graph: Locator) => graph.locator('.svelte-flow__viewport').evaluate((el) => {
  const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
  return { x: m.e, y: m.f, zoom: m.a };
});

/**
 * Waits until the graph's view has stopped moving: the same transform at two polls 300 ms apart
 * (longer than the graph's own delayed moves after a resize or a selection, 60 and 120 ms).
 */
export async function settled(graph: Locator): Promise<void> {
  let last = '';
  await expect.poll(async () => {
    const now = JSON.stringify(await viewportOf(graph));
    const same = now === last;
    last = now;
    return same;
  }, { intervals: [300] }).toBe(true);
}

/**
 * Collects what Svelte warns about in the page's console (a derived read after its component was
 * destroyed, and the like): the production build prints only the warning's link, svelte.dev/e/<code>.
 */
export function svelteWarnings(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if ((m.type() === 'warning' || m.type() === 'error') && /svelte\.dev\/e\/|\[svelte\]/.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** The teacher's flow: 8 workers' only consumer, added in Runs, made a failing notifier; the engine adds the state store the run no longer lists. */
export async function runNotifierOnly(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const card = page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: 'Run 8 workers' });
  await card.getByRole('button', { name: 'Add consumer' }).click();
  await card.getByLabel('interpreter').selectOption('notifier');
  await card.getByLabel('failure rate').fill('0.3');
  await card.getByLabel('delivery').selectOption('at-least-once');
  await card.getByLabel('retries at most').fill('2');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs/, { timeout: 30_000 });
}
