/** What a new user's trial found in the views that show runs: a History crowded by rejections, graph keyboard stops, stream order, "Go to seq", Compare's empty state. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** Whether `el` lies wholly inside the window (its top `minHeight` px at least, for a pane that scrolls). */
async function onScreen(page: Page, el: Locator, minHeight = Infinity): Promise<boolean> {
  const box = await el.boundingBox();
  const size = page.viewportSize()!;
  if (!box) return false;
  return box.y >= 0 && box.x >= 0 && box.x + box.width <= size.width && box.y + Math.min(box.height, minHeight) <= size.height;
}

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`History at ${width}×${height}: the rejections take a few lines, State and Change stay in sight, and before the first enactment nothing is rejected yet`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openSampleAndRun(page, /^Flash sale/);
    await views(page).getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'State history' });
    await history.getByRole('tab', { name: '8 workers' }).click();
    const slider = history.getByRole('slider', { name: 'History position' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(history.getByRole('status')).toContainText('Before the first enactment');
    await expect(history.getByRole('group', { name: 'Rejected commands' })).toHaveCount(0);
    await expect(history.getByText(/rejected right after this step/)).toHaveCount(0);

    await page.keyboard.press('End');
    await expect(history.getByRole('status')).toContainText('Step 209 of 209');
    // all 46 were decided after the last enactment: right after this step, and not also counted before it
    await expect(history.getByRole('group', { name: 'Rejected commands' })).toHaveCount(0);
    const state = history.locator('.pane').filter({ has: page.getByRole('heading', { name: /^State/ }) });
    const change = history.locator('.pane').filter({ has: page.getByRole('heading', { name: 'Change at this step' }) });
    // the list of this step's rejections is one summary line until opened
    const here = history.locator('details.rejected-here');
    await expect(here.locator('summary')).toHaveText('46 commands rejected right after this step');
    await expect(here.getByRole('list')).toBeHidden();
    expect(await onScreen(page, history.locator('.stream').first())).toBe(true);
    expect(await onScreen(page, change.getByRole('heading'))).toBe(true);
    expect(await onScreen(page, change.locator('.ops'))).toBe(true);

    // opened, it scrolls within a few lines, and the panes below still show their first stream and the change
    await here.locator('summary').click();
    const list = here.getByRole('list', { name: 'Rejected right after this step' });
    await expect(list.getByRole('listitem')).toHaveCount(46);
    expect((await list.boundingBox())!.height).toBeLessThan(130);
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await onScreen(page, state.getByRole('heading'))).toBe(true);
    expect(await onScreen(page, history.locator('.stream').first(), 60)).toBe(true);
    expect(await onScreen(page, change.locator('.ops'))).toBe(true);
    await page.screenshot({ path: `test-results/screenshots/history-rejections-${width}.png` });
  });
}

test('the causation graph: Tab goes from the controls to the canvas (one stop: arrows pan it), then to the nodes, each named in words', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Composable commands/ }).click();
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: /^Show me/ }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible({ timeout: 30_000 });
  await expect(graph.getByText(/Tab to it, then Enter/)).toBeVisible();
  // no edge is a tab stop
  expect(await graph.locator('.svelte-flow__edge[tabindex="0"]').count()).toBe(0);
  await graph.getByLabel('Minimap').focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAccessibleName(/^Graph canvas: arrow keys move the view/);
  await page.keyboard.press('Tab');
  await expect(focused).toHaveClass(/svelte-flow__node/);
  const name = (await focused.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/^Command \S+ \S+, (accepted|rejected)$/);
  await page.keyboard.press('Tab');
  await expect(focused).toHaveClass(/svelte-flow__node/);
  // every node is named in words, never by an internal id
  const names = await graph.locator('.svelte-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(5);
  for (const n of names) expect(n).toMatch(/^(Command|Event|Rejection|Consumer|Batch|Group) /);
  expect(names.filter((n) => /\b(cmd|ev|rej|act):/.test(n))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(['Command AddGalleryImage c12, rejected', 'Event ProfileAdded #1 on profile:grace', 'Rejection gallery-full of command c12: the gallery already has 10 images']));
  await page.keyboard.press('Enter');
  await expect(graph.getByRole('complementary', { name: 'Node details' })).toBeVisible();
});

test('the Consumers view lists a state store’s streams in natural order: o-1, o-2 … o-10 … o-100', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const store = page.getByRole('region', { name: 'Consumers' }).getByRole('region', { name: 'Consumer state' });
  const text = (await store.locator('pre').textContent()) ?? '';
  const streams = [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
  expect(streams.slice(0, 4)).toEqual(['order:o-1', 'order:o-2', 'order:o-3', 'order:o-4']);
  expect(streams.indexOf('order:o-9')).toBe(streams.indexOf('order:o-10') - 1);
  expect(streams.indexOf('order:o-99')).toBe(streams.indexOf('order:o-100') - 1);
  expect(streams.at(-1)).toBe('stock:tee@main');
});

test('the event log’s "Go to seq" names a seq the log does not hold, with the log’s range, and stays where it is', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Event log' }).click();
  const table = page.getByRole('region', { name: /^Events of / });
  await expect(table).toContainText('201 events');
  const go = async (text: string) => {
    await table.getByLabel('Go to seq').fill(text);
    await table.getByRole('button', { name: 'Go to seq' }).click();
  };
  const scrolled = () => table.locator('.viewport').evaluate((el) => el.scrollTop);
  await go('120');
  await expect(table.locator('.row.hl').getByRole('gridcell').first()).toHaveText('120');
  const at = await scrolled();
  for (const seq of ['99999', '0', '-1']) {
    await go(seq);
    await expect(table.getByRole('alert')).toHaveText(`no event with seq ${seq} (the log has seq 1–201)`);
    await expect(table.locator('.row.hl').getByRole('gridcell').first()).toHaveText('120');
    expect(await scrolled()).toBe(at);
  }
  await go('abc');
  await expect(table.getByRole('alert')).toHaveText('enter a whole number');
  await go('201');
  await expect(table.getByRole('alert')).toHaveCount(0);
  await expect(table.locator('.row.hl').getByRole('gridcell').first()).toHaveText('201');
});

test('Compare with no scenario open offers the Start view’s samples, not Runs; with one open, Runs', async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  const empty = page.locator('main .empty.full');
  await expect(empty).toContainText('Nothing to compare yet');
  await expect(empty).toContainText('Open a sample on the Start view');
  await expect(empty.getByRole('button', { name: 'Go to Runs' })).toHaveCount(0);
  await empty.getByRole('button', { name: 'Go to Start' }).click();
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await empty.getByRole('button', { name: 'Go to Runs' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
});
