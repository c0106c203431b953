import { test, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** The bundled samples as the Start view lists them. */
const samples = readdirSync('samples/scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`samples/scenarios/${f}`, 'utf8')) as { name: string; description: string; 'x-idea': string; 'x-lesson': string; 'x-view': string });

/** The tab of each x-view, and what shows it once "Show me" was pressed. */
const VIEW_TAB: Record<string, string> = {
  Compare: 'Compare',
  Metrics: 'Metrics',
  'Causation graph': 'Graph',
  'State history': 'History',
  Timeline: 'Timeline',
  Consumers: 'Consumers',
  Decision: 'Scenario',
};

/** What each sample's lesson shows where "Show me" lands (by the start of its name). */
const EVIDENCE: Record<string, (page: Page) => Promise<void>> = {
  'Flash sale': async (page) => {
    const why = page.getByRole('region', { name: 'Why' });
    await expect(why).toContainText('“8 workers” oversold tee@main by');
    await expect(why).toContainText('“8 workers” broke stock-non-negative');
    await expect(why).toContainText(/In run “inventory-aware”, \d+ of its workers read stale state.*harmless here/);
  },
  Partitioning: async (page) => {
    const why = page.getByRole('region', { name: 'Why' });
    await expect(why).toContainText(/“partitioned 6” finished [\d.]+× faster than “one queue”/);
    await expect(why).toContainText('“pool of 6” broke stock-non-negative');
  },
  'Central authorization': async (page) => {
    await expect(page.getByRole('region', { name: 'Why' })).toContainText('“with policy” rejected 2 commands as unauthorized (“no policy”: 0)');
    await expect(page.getByRole('region', { name: 'Final-state differences' })).toContainText('order:alice-1');
  },
  Autoscaling: async (page) => {
    const metrics = page.getByRole('region', { name: 'Metrics' });
    const cells = async (row: string) => (await metrics.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, '')));
    const [one, auto] = await cells('Max workers');
    expect(one).toBe(1);
    expect(auto).toBeGreaterThan(1);
    const [p95One, p95Auto] = await cells('Command latency p95');
    expect(p95Auto * 2).toBeLessThan(p95One);
    await expect(page.getByRole('img', { name: /Decision workers/ }).or(page.getByText('Decision workers')).first()).toBeVisible();
  },
  'Composable commands': async (page) => {
    const graph = page.getByRole('region', { name: 'Causation graph' });
    // the nested all-or-nothing batch is a group inside its allow-partial parent
    await expect(graph.locator('.svelte-flow__node-batch')).toHaveCount(3);
    const nested = await graph.locator('.svelte-flow__node-batch').evaluateAll((nodes) => nodes.filter((n) => nodes.some((o) => o !== n && o.getBoundingClientRect().left <= n.getBoundingClientRect().left && o.getBoundingClientRect().right >= n.getBoundingClientRect().right && o.getBoundingClientRect().top <= n.getBoundingClientRect().top && o.getBoundingClientRect().bottom >= n.getBoundingClientRect().bottom)).length);
    expect(nested).toBe(1);
    // the inner all-or-nothing batch failed as one unit inside an accepted allow-partial batch
    await expect(graph.locator('.svelte-flow__node-batch', { hasText: 'alan-gallery' })).toContainText('rejected');
    await expect(graph.locator('.svelte-flow__node-batch', { hasText: 'onboard-alan' }).locator('.head')).toContainText('accepted');
    await expect(graph.locator('.svelte-flow__node', { hasText: 'gallery-full' }).first()).toBeAttached();
    await expect(graph.locator('.svelte-flow__node', { hasText: 'batch-aborted' }).first()).toBeAttached();
  },
  'Profile with gallery': async (page) => {
    const graph = page.getByRole('region', { name: 'Causation graph' });
    await expect(graph.locator('.svelte-flow__node', { hasText: 'duplicate-image' }).first()).toBeAttached();
    await expect(graph.locator('.svelte-flow__node', { hasText: 'batch-aborted' }).first()).toBeAttached();
    await expect(graph.locator('.svelte-flow__node-batch')).toHaveCount(2);
  },
  'Decoupled uptime': async (page) => {
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText('email', { exact: true })).toBeVisible();
    // dead-lettered and failed deliveries, on the email consumer's lane
    await expect(timeline.locator('rect.b.parked').first()).toBeAttached();
    await expect(timeline.locator('rect.b.failed').first()).toBeAttached();
  },
  'Dry run': async (page) => {
    await expect(page.getByRole('region', { name: 'Decision' }).getByRole('status')).toContainText('would be rejected');
    await expect(page.getByRole('region', { name: 'Decision' })).toContainText('out-of-stock');
  },
  'Flexible consumers': async (page) => {
    const consumers = page.getByRole('region', { name: 'Consumers' });
    await expect(consumers.getByRole('region', { name: 'Consumer email' })).toContainText('Outbox');
    await expect(consumers.getByRole('region', { name: 'Consumer audit' })).toContainText('Audit log');
    await expect(consumers.getByRole('region', { name: 'Consumer tables' }).getByRole('table').first()).toBeVisible();
  },
  'Offline editing': async (page) => {
    const history = page.getByRole('region', { name: 'State history' });
    // it lands on the end of the run: both profiles hold the laptop's last edit, and the superseded edits are listed
    const slider = history.getByRole('slider', { name: 'History position' });
    await expect(slider).toHaveValue((await slider.getAttribute('max'))!);
    await expect(history.locator('.stream', { hasText: 'profile:p1' })).toContainText('"Laptop v2"');
    await expect(history.locator('.stream', { hasText: 'profile:p2' })).toContainText('"Laptop v2"');
    await expect(history.getByRole('group', { name: 'Rejected commands' }).getByRole('button', { name: /superseded/ })).toHaveCount(2);
  },
};

const evidenceOf = (name: string) => Object.entries(EVIDENCE).find(([prefix]) => name.startsWith(prefix))?.[1];

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

test('the start view groups the samples by idea, each with its one-line lesson', async ({ page }) => {
  await page.goto('/');
  const region = page.getByRole('region', { name: 'Samples' });
  const headings = await region.getByRole('heading', { level: 3 }).allTextContents();
  expect(headings.slice(0, 3)).toEqual(['Intelligent concurrency control', 'Partitioning', 'Autoscaling']);
  for (const s of samples) {
    const group = region.getByRole('region', { name: s['x-idea'], exact: true });
    await expect(group.getByRole('button', { name: s.name, exact: true })).toContainText(s['x-lesson']);
  }
});

for (const s of samples) {
  test(`sample "${s.name}" opens with its lesson and "Show me" shows the ${s['x-view']} view`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: s.name, exact: true }).click();
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    await expect(lesson.getByRole('heading', { name: s.name })).toBeVisible();
    await expect(lesson).toContainText(s['x-lesson']);
    await expect(lesson).not.toContainText('**');
    await lesson.getByRole('button', { name: /^Show me/ }).click();
    await expect(tab(page, VIEW_TAB[s['x-view']])).toHaveAttribute('aria-current', 'page', { timeout: 30_000 });
    if (s['x-view'] === 'Decision') await expect(page.getByRole('region', { name: 'Decision' }).getByRole('status')).toContainText('would be');
    else await expect(page.getByRole('region', { name: s['x-view'], exact: true }).first()).toBeVisible();
    const evidence = evidenceOf(s.name);
    expect(evidence, `the lesson evidence of "${s.name}" is checked`).toBeDefined();
    await evidence!(page);
    await page.screenshot({ path: `test-results/screenshots/lesson-${s.name.replace(/[^\w]+/g, '-').toLowerCase()}.png` });
  });
}

test('a file opened afterwards hides the lesson; folding keeps it at hand', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await expect(lesson.getByRole('heading')).toHaveCount(0);
  await lesson.getByRole('button', { name: 'Show the lesson' }).click();
  await expect(lesson.getByRole('heading', { name: 'Flash sale: 150 orders for 100 units' })).toBeVisible();
  await tab(page, 'Start').click();
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await expect(lesson).toHaveCount(0);
});

test('the lesson folds itself away in Logs, Domains and Workspace, and comes back as it was in the scenario\'s views', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  const heading = lesson.getByRole('heading', { name: 'Flash sale: 150 orders for 100 units' });
  await expect(heading).toBeVisible();
  for (const view of ['Logs', 'Domains', 'Workspace']) {
    await tab(page, view).click();
    await expect(lesson.getByRole('button', { name: 'Show the lesson' })).toBeVisible();
    await expect(heading).toHaveCount(0);
    if (view === 'Logs') await page.screenshot({ path: 'test-results/screenshots/lesson-folded-logs-1280.png' });
  }
  await tab(page, 'Scenario').click();
  await expect(heading).toBeVisible();
  // unfolded in Logs, it stays open there; folded again, it is folded there alone
  await tab(page, 'Logs').click();
  await lesson.getByRole('button', { name: 'Show the lesson' }).click();
  await expect(heading).toBeVisible();
  await tab(page, 'Runs').click();
  await tab(page, 'Logs').click();
  await expect(heading).toBeVisible();
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await expect(heading).toHaveCount(0);
  await tab(page, 'Graph').click();
  await expect(heading).toBeVisible();
  // folded by the user in the scenario's views, it stays folded everywhere
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await tab(page, 'Domains').click();
  await tab(page, 'Scenario').click();
  await expect(heading).toHaveCount(0);
});

test('folded from the keyboard, the lesson stays folded for the session (other samples, a reload) and gives its room to the view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  const fold = lesson.getByRole('button', { name: 'Fold the lesson' });
  const show = lesson.getByRole('button', { name: 'Show the lesson' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  const open = (await lesson.boundingBox())!.width;
  await fold.focus();
  await page.keyboard.press('Enter');
  // the focus moves to the button that unfolds it: Enter again would undo
  await expect(show).toBeFocused();
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  const folded = (await lesson.boundingBox())!.width;
  expect(open - folded).toBeGreaterThanOrEqual(240);
  await page.screenshot({ path: 'test-results/screenshots/lesson-folded-scenario-1280.png' });

  // another sample, then a reload of the tab: still folded
  await tab(page, 'Start').click();
  await page.getByRole('button', { name: /^Decoupled uptime/ }).click();
  await expect(show).toBeVisible();
  await page.reload();
  await tab(page, 'Start').click();
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await expect(show).toBeVisible();
  await expect(lesson.getByRole('heading')).toHaveCount(0);
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(fold).toBeFocused();
  await expect(lesson.getByRole('heading', { name: 'Flash sale: 150 orders for 100 units' })).toBeVisible();
  // unfolded, the next reload opens it unfolded
  await page.reload();
  await tab(page, 'Start').click();
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await expect(fold).toBeVisible();
});
