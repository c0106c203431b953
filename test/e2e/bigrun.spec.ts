import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

/** The 1M-restock benchmark scenario cut to `commands` arrivals (the test stays short; above 50k the result is kept in the worker). */
const scenario = (commands: number, serviceMs?: number, runs = 1): Buffer => {
  const s = JSON.parse(readFileSync(new URL('../../bench/scenario-1m-restocks.json', import.meta.url), 'utf8'));
  s.name = `Benchmark: ${commands.toLocaleString('en')} restocks through a pool of 4 workers`;
  s.commands[0].repeat = commands;
  if (serviceMs !== undefined) s.runs[0].serviceMs = serviceMs;
  for (let i = 2; i <= runs; i++) s.runs.push({ ...s.runs[0], name: `${s.runs[0].name} ${i}` });
  return Buffer.from(JSON.stringify(s));
};

const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

async function open(page: Page, commands: number, serviceMs?: number, runs = 1): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: `restocks-${commands}.json`, mimeType: 'application/json', buffer: scenario(commands, serviceMs, runs) });
  await expect(page.getByText(`${commands.toLocaleString('en')} restocks`).first()).toBeVisible();
  await view(page, 'Runs').click();
}

test('a big run keeps the UI responsive, can be cancelled, and shows metrics and a working history slider', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 200_000);
  const runs = page.getByRole('region', { name: 'Runs' });

  // Cancel, from the keyboard: Cancel takes Run's focus, and Run takes it back; the progress goes away and nothing is shown as a result.
  await runs.getByRole('button', { name: 'Run', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(runs.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await expect(runs.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(runs.getByRole('progressbar', { name: 'Run progress' })).toBeHidden();
  await expect(runs.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(runs.getByRole('button', { name: 'Run', exact: true })).toBeFocused();

  // While it runs, another tab opens at once and the page answers.
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await view(page, 'Metrics').click();
  await expect(view(page, 'Metrics')).toHaveAttribute('aria-current', /.+/);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await view(page, 'Runs').click();
  await expect(runs.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await expect(runs).toContainText('Ran 1 run', { timeout: 90_000 });

  await view(page, 'Metrics').click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByRole('row', { name: /^Commands/ }).first()).toContainText('200,000');
  await page.screenshot({ path: 'test-results/screenshots/bigrun-metrics.png' });

  // The slider spans every enactment; its steps are read from the worker.
  await view(page, 'History').click();
  const history = page.getByRole('region', { name: 'State history' });
  const slider = history.getByRole('slider', { name: 'History position' });
  await expect(slider).toHaveAttribute('max', '199999');
  await slider.fill('150000');
  await expect(history.getByRole('status')).toContainText('Step 150,001 of 200,000');
  await expect(history.getByRole('status')).toContainText('ItemRestocked');
  await expect(history).toContainText('150001');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('150001');
  await expect(history).toContainText('150002');
  await page.screenshot({ path: 'test-results/screenshots/bigrun-history.png' });

  await view(page, 'Graph').click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  // a window of the run's first decisions, with the way to the next ones
  await expect(graph.getByRole('group', { name: 'Part of the graph' })).toContainText(/of [\d,]+ nodes/);
  await expect(graph.getByRole('button', { name: 'Later →' })).toBeEnabled();
  await expect(graph.locator('.svelte-flow__node').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/bigrun-graph.png' });
  // a command of the big run shows its payload (read from the worker for the decisions drawn)
  await graph.getByLabel('Group by').selectOption({ label: 'time window' });
  await graph.locator('.svelte-flow__node', { hasText: /group/i }).first().click();
  await graph.getByRole('button', { name: /Show these/ }).click();
  await graph.locator('.svelte-flow__node', { hasText: 'RestockItem' }).first().click();
  await expect(graph).toContainText('Payload');
  await expect(graph).toContainText('"sku": "tee"');
  await page.screenshot({ path: 'test-results/screenshots/bigrun-graph-payload.png' });
  await graph.getByRole('button', { name: '← All nodes' }).click();

  // The timeline spans the whole run: past 4,000 bars in view, each lane's real utilization per time slice (four workers busy all along).
  await view(page, 'Timeline').click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('status')).toContainText('bars in view');
  // one command a millisecond, each taking a millisecond: the workers' lanes add up to one busy worker in every slice, from start to end
  const perSlice = await timeline.locator('rect.act').evaluateAll((rects) => {
    const sums = new Map<number, number>();
    for (const r of rects) {
      if (Number(r.getAttribute('data-lane')) > 3) continue;
      const x = Math.round(Number(r.getAttribute('x')));
      sums.set(x, (sums.get(x) ?? 0) + Number(r.getAttribute('data-busy')));
    }
    return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([, sum]) => sum);
  });
  expect(perSlice.length).toBeGreaterThan(20);
  expect(perSlice.slice(1, -1).every((sum) => sum > 0.95)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/bigrun-timeline.png' });
  // zoomed in far enough, every bar in view is drawn
  for (let i = 0; i < 9; i++) await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(timeline.getByRole('status')).toBeHidden();
  const attempt = timeline.locator('rect[data-key^="a"]').first();
  await expect(attempt).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/bigrun-timeline-zoomed.png' });
  // a delivery bar selects its event's history step, far past the summary's first steps
  const seq = Number(/#(\d+)/.exec((await attempt.locator('title').textContent()) ?? '')?.[1]);
  expect(seq).toBeGreaterThan(50_000);
  await attempt.click();
  await view(page, 'History').click();
  await expect(slider).toHaveValue(String(seq - 1));
  await view(page, 'Timeline').click();

  // The consumers view counts every delivery of the run, not only those of the summary.
  await view(page, 'Consumers').click();
  await expect(page.getByRole('region', { name: 'Consumer state' })).toContainText('200,000 enacted');
  await page.screenshot({ path: 'test-results/screenshots/bigrun-consumers.png' });

  // The event log reads the whole log from the engine page by page, and shows any seq of it.
  await view(page, 'Event log').click();
  const table = page.getByRole('region', { name: /^Events of / });
  await expect(page.getByRole('region', { name: 'Event log' }).getByRole('status')).toContainText("Reading the run's log");
  await expect(table).toContainText('200,000 events', { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Event log' }).getByRole('status')).toBeHidden();
  await table.getByLabel('Go to seq').fill('187654');
  await table.getByRole('button', { name: 'Go to seq' }).click();
  const row = table.locator('.row.hl');
  await expect(row.getByRole('gridcell').first()).toHaveText('187654');
  await expect(row).toContainText('ItemRestocked');
  await page.screenshot({ path: 'test-results/screenshots/bigrun-eventlog.png' });

  // Clicking that row selects its step in the history, far past the summary's first steps.
  await row.click();
  await view(page, 'History').click();
  await expect(slider).toHaveValue('187653');
  await expect(history.getByRole('status')).toContainText('Step 187,654');
  await expect(history).toContainText('187654');
});

test('once every command of a 2M-command run has arrived, the progress says the run is finishing instead of sitting full', async ({ page }) => {
  test.setTimeout(120_000);
  // 4 workers at 8 ms a decision take twice as long as the arrivals: half the run comes after the last one
  await open(page, 2_000_000, 8);
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  const bar = runs.getByRole('progressbar', { name: 'Run progress' });
  await expect(runs.getByTestId('run-progress-text')).toContainText('commands arrived');
  await expect(runs.getByTestId('run-progress-text')).toHaveText(/finishing: deciding and enacting what is queued…|building the report…/, { timeout: 60_000 });
  // an indeterminate bar: no value claims the run is done
  await expect(bar).not.toHaveAttribute('aria-valuenow');
  await expect(bar).toHaveAttribute('aria-valuetext', /finishing|building the report/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/bigrun-finishing.png' });
  await expect(runs).toContainText('Ran 1 run', { timeout: 90_000 });
});

test('the progress of several runs says which run of how many is running, and a cancelled batch keeps the run that finished and names it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  // two runs of 300,000 restocks: the second is still long when Cancel is clicked
  await open(page, 300_000, undefined, 2);
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs.getByTestId('run-ordinal')).toHaveText('· run 1 of 2');
  await page.screenshot({ path: 'test-results/screenshots/runs-progress-1280.png' });
  await expect(runs.getByTestId('run-ordinal')).toHaveText('· run 2 of 2', { timeout: 60_000 });
  await runs.getByRole('button', { name: 'Cancel' }).click();
  await expect(runs.getByTestId('cancelled-text')).toHaveText('Stopped during “pool of 4 2” (run 2 of 2); kept the 1 run that finished: “pool of 4”.', { timeout: 30_000 });
  await expect(runs.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  // the kept run's outcome is on its card; the stopped one has none
  await expect(runs.getByRole('article', { name: 'Run pool of 4', exact: true }).getByText('accepted')).toBeVisible();
  await expect(runs.getByRole('article', { name: 'Run pool of 4 2', exact: true }).getByText('accepted')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/runs-cancelled-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/runs-cancelled-1440.png' });

  // every view reads the kept run: Metrics has its column only, History steps through it
  await runs.getByRole('button', { name: 'Metrics →' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByRole('columnheader')).toHaveText(['metric', 'pool of 4']);
  await expect(metrics.getByRole('row', { name: /^Commands / }).getByRole('cell')).toHaveText('300,000');
  await view(page, 'History').click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('slider', { name: 'History position' }).fill('250000');
  await expect(history.getByRole('status')).toContainText('Step 250,001 of');
});
