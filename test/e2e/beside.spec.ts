/** Two runs side by side in the Graph, History and Timeline ("Beside [run]"). */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, svelteWarnings, views } from './flows';
import { openBankAndRun } from './moduleFlows';

const beside = (page: Page) => page.getByRole('combobox', { name: 'Beside' });
/** The pane of the current run and the pane beside, in the view whose region is `view`. */
const panes = (page: Page, view: string) => ({
  main: page.getByRole('region', { name: `${view} of one queue`, exact: true }),
  other: page.getByRole('region', { name: `${view} of 8 workers, beside`, exact: true }),
});

test('History beside: two sliders, the 8-workers pane alone marks the invariant it broke; Step together; closing returns to one pane', async ({ page }) => {
  const warnings = svelteWarnings(page);
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await expect(beside(page)).toHaveValue('');
  await expect(history.getByRole('slider', { name: 'History position' })).toHaveCount(1);

  await beside(page).selectOption('8 workers');
  const { main, other } = panes(page, 'State history');
  await expect(history.getByRole('slider', { name: 'History position' })).toHaveCount(2);
  await expect(main).toContainText('201 enactments · 0 with violations');
  await expect(other).toContainText('209 enactments · 1 with violations');
  await expect(other.getByRole('group', { name: 'Violations' })).toBeVisible();
  await expect(main.getByRole('group', { name: 'Violations' })).toHaveCount(0);

  // each slider its own: the violation beside, the current run still before its first enactment
  await other.getByRole('button', { name: 'step 203' }).click();
  await expect(other.locator('.violation')).toContainText('Invariant broken at this step: stock-non-negative');
  await expect(other.getByRole('status')).toContainText('Step 203 of 209');
  await expect(main.getByRole('status')).toContainText('Before the first enactment');

  // step together by step: both at the same enactment index, each held to its own run's end
  await history.getByRole('checkbox', { name: 'Step together' }).check();
  await expect(other.getByRole('status')).toContainText('Before the first enactment');
  await history.getByRole('combobox', { name: 'Step together by' }).selectOption('by step');
  await main.getByRole('button', { name: 'the end of the run' }).click();
  await expect(main.getByRole('status')).toContainText('Step 201 of 201');
  await expect(other.getByRole('status')).toContainText('Step 201 of 209');
  await other.getByRole('button', { name: 'Next step' }).click();
  await expect(other.getByRole('status')).toContainText('Step 202 of 209');
  await expect(main.getByRole('status')).toContainText('Step 201 of 201');
  await other.getByRole('button', { name: 'Previous step' }).click();
  await other.getByRole('button', { name: 'Previous step' }).click();
  await expect(main.getByRole('status')).toContainText('Step 200 of 201');

  await other.getByRole('button', { name: 'Close the run beside' }).click();
  await expect(history.getByRole('slider', { name: 'History position' })).toHaveCount(1);
  await expect(beside(page)).toHaveValue('');
  await expect(history.getByRole('checkbox', { name: 'Step together' })).toHaveCount(0);
  await expect(history.getByRole('status')).toContainText('Step 200 of 201');
  // the next pair opens not stepping together (its pane beside starts before its first enactment)
  await beside(page).selectOption('8 workers');
  await expect(history.getByRole('checkbox', { name: 'Step together' })).not.toBeChecked();
  expect(warnings).toEqual([]);
});

test('stepping together by step, a run chosen beside opens at the current step at once, held to its own length', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: '8 workers' }).click();
  await beside(page).selectOption('one queue');
  await history.getByRole('checkbox', { name: 'Step together' }).check();
  await history.getByRole('combobox', { name: 'Step together by' }).selectOption('by step');
  const main = page.getByRole('region', { name: 'State history of 8 workers', exact: true });
  await main.getByRole('button', { name: 'the end of the run' }).click();
  await expect(main.getByRole('status')).toContainText('Step 209 of 209');
  const paneBeside = (run: string) => page.getByRole('region', { name: `State history of ${run}, beside`, exact: true });
  await expect(paneBeside('one queue').getByRole('status')).toContainText('Step 201 of 201');

  // another run beside follows at once: step 209 held to its 201 enactments, no slider moved
  await beside(page).selectOption('single writer');
  await expect(paneBeside('single writer').getByRole('status')).toContainText('Step 201 of 201');
  for (let i = 0; i < 9; i++) await main.getByRole('button', { name: 'Previous step' }).click();
  await expect(main.getByRole('status')).toContainText('Step 200 of 209');
  await beside(page).selectOption('inventory-aware');
  await expect(paneBeside('inventory-aware').getByRole('status')).toContainText('Step 200 of 201');
  await expect(main.getByRole('status')).toContainText('Step 200 of 209');
  await page.screenshot({ path: 'test-results/screenshots/beside-history-step-together-chosen.png' });

  // not stepping together, a run chosen beside opens before its first enactment, as before
  await history.getByRole('checkbox', { name: 'Step together' }).uncheck();
  await beside(page).selectOption('one queue');
  await expect(paneBeside('one queue').getByRole('status')).toContainText('Before the first enactment');
});

test('Step together by time (the default): the run beside at the same moment, whichever pane moves; a run tab picked keeps the panes lined up', async ({ page }) => {
  const warnings = svelteWarnings(page);
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: '8 workers' }).click();
  await beside(page).selectOption('one queue');
  await history.getByRole('checkbox', { name: 'Step together' }).check();
  await expect(history.getByRole('combobox', { name: 'Step together by' })).toHaveValue('time');
  const pane = (run: string, role = '') => page.getByRole('region', { name: `State history of ${run}${role}`, exact: true }).getByRole('status');

  // the end of 8 workers (t = 216 ms): one queue as it was then, its last step at or before 216 ms
  const main = page.getByRole('region', { name: 'State history of 8 workers', exact: true });
  await main.getByRole('button', { name: 'the end of the run' }).click();
  await expect(pane('8 workers')).toContainText('Step 209 of 209 · t = 216 ms');
  await expect(pane('one queue', ', beside')).toContainText('Step 43 of 201 · t = 210 ms');
  // the pane beside moved: 8 workers follows to the same moment (step 40 is the first of one queue's
  // steps at 200 ms, so 8 workers takes its first at 200 ms, step 192)
  const other = page.getByRole('region', { name: 'State history of one queue, beside', exact: true });
  for (let i = 0; i < 3; i++) await other.getByRole('button', { name: 'Previous step' }).click();
  await expect(pane('one queue', ', beside')).toContainText('Step 40 of 201 · t = 200 ms');
  await expect(pane('8 workers')).toContainText('t = 200 ms');
  await expect(pane('8 workers')).toContainText('Step 192 of 209');
  await page.screenshot({ path: 'test-results/screenshots/beside-history-step-together-by-time.png' });

  // the run beside picked as a tab: the two swap, each run where it was
  await history.getByRole('tab', { name: 'one queue' }).click();
  await expect(pane('one queue')).toContainText('Step 40 of 201 · t = 200 ms');
  await expect(pane('8 workers', ', beside')).toContainText('Step 192 of 209');
  // another run picked: it lines up with the pane beside, which stays
  await history.getByRole('tab', { name: 'single writer' }).click();
  await expect(pane('single writer')).toContainText('Step 40 of 201 · t = 200 ms');
  await expect(pane('8 workers', ', beside')).toContainText('Step 192 of 209');
  expect(warnings).toEqual([]);
});

test('Step together by time lines up runs with the same steps exactly: single writer beside one queue shows the same step, several steps sharing a moment', async ({ page }) => {
  const warnings = svelteWarnings(page);
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await beside(page).selectOption('single writer');
  await history.getByRole('checkbox', { name: 'Step together' }).check();
  await expect(history.getByRole('combobox', { name: 'Step together by' })).toHaveValue('time');
  // the rule is on screen beside the choice, not only in its tooltip
  await expect(history.getByRole('combobox', { name: 'Step together by' })).toHaveAccessibleDescription("the other run's state at the same moment");
  await expect(history.getByText("the other run's state at the same moment")).toBeVisible();

  const main = page.getByRole('region', { name: 'State history of one queue', exact: true });
  const other = page.getByRole('region', { name: 'State history of single writer, beside', exact: true });
  // the trial: the left slider moved 20 steps, to step 20 at t = 100 ms, one of several at that moment
  await main.getByRole('slider', { name: 'History position' }).focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect(main.getByRole('status')).toContainText('Step 20 of 201 · t = 100 ms');
  await expect(other.getByRole('status')).toContainText('Step 20 of 201 · t = 100 ms');
  await expect(other.getByRole('status')).toHaveText((await main.getByRole('status').textContent())!);
  await page.screenshot({ path: 'test-results/screenshots/beside-history-same-steps-by-time-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(history.getByText("the other run's state at the same moment")).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/beside-history-same-steps-by-time-1280.png' });
  // each step of the next ones, from either pane, the same step beside
  for (let i = 0; i < 3; i++) {
    await other.getByRole('button', { name: 'Next step' }).click();
    await expect(main.getByRole('status')).toContainText(`Step ${21 + i} of 201`);
    await expect(main.getByRole('status')).toHaveText((await other.getByRole('status').textContent())!);
  }
  // by step, the rule beside says so
  await history.getByRole('combobox', { name: 'Step together by' }).selectOption('by step');
  await expect(history.getByText("the other run's state after as many enactments")).toBeVisible();
  expect(warnings).toEqual([]);
});

test('the run beside stays when moving between Graph, History and Timeline; each graph keeps its own selection; timelines share the time axis', async ({ page }) => {
  const warnings = svelteWarnings(page);
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  await beside(page).selectOption('8 workers');
  const graph = panes(page, 'Causation graph');
  await expect(graph.other.getByRole('button', { name: /Show the invariant violation/ })).toBeVisible();
  await expect(graph.main.getByRole('button', { name: /Show the invariant violation/ })).toHaveCount(0);
  // a node opened beside opens there only
  await graph.other.getByRole('button', { name: /Show the invariant violation/ }).click();
  await expect(graph.other.getByRole('complementary', { name: 'Node details' })).toContainText('stock-non-negative');
  await expect(graph.main.getByRole('complementary', { name: 'Node details' })).toHaveCount(0);
  await graph.main.getByRole('group', { name: /PlaceOrder/ }).first().click();
  await expect(graph.main.getByRole('complementary', { name: 'Node details' })).toContainText('PlaceOrder');
  await expect(graph.other.getByRole('complementary', { name: 'Node details' })).toContainText('stock-non-negative');

  await views(page).getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(beside(page)).toHaveValue('8 workers');
  const timeline = panes(page, 'Timeline');
  await expect(timeline.other.getByText('worker 4', { exact: true })).toBeVisible();
  await expect(timeline.main.getByText('worker 4', { exact: true })).toHaveCount(0);
  // one time axis: both fit to the longer run, and zooming one zooms both
  const inView = (pane: typeof timeline.main) => pane.getByTitle('Time in view');
  await expect(inView(timeline.main)).toHaveText('0–1500 ms');
  await expect(inView(timeline.other)).toHaveText('0–1500 ms');
  await timeline.other.getByRole('button', { name: 'Zoom in' }).click();
  await expect(inView(timeline.other)).not.toHaveText('0–1500 ms');
  await expect(inView(timeline.main)).toHaveText((await inView(timeline.other).textContent())!);
  await timeline.main.getByRole('button', { name: 'Fit' }).click();
  await expect(inView(timeline.other)).toHaveText('0–1500 ms');

  await views(page).getByRole('button', { name: 'History', exact: true }).click();
  await expect(beside(page)).toHaveValue('8 workers');
  await expect(panes(page, 'State history').other).toBeVisible();

  // picking the run beside as the current run swaps the two
  await page.getByRole('region', { name: 'State history' }).getByRole('tab', { name: '8 workers' }).click();
  await expect(beside(page)).toHaveValue('one queue');
  await expect(page.getByRole('region', { name: 'State history of 8 workers', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'State history of one queue, beside', exact: true })).toBeVisible();
  expect(warnings).toEqual([]);
});

test('run again, the same two runs stay on screen: the first run current (as a new result starts), the run that was current beside it', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  await page.getByRole('region', { name: 'Causation graph' }).getByRole('tab', { name: 'single writer' }).click();
  await beside(page).selectOption('one queue');
  await expect(page.getByRole('region', { name: 'Causation graph of single writer', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Causation graph of one queue, beside', exact: true })).toBeVisible();

  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run', exact: true }).click();
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Causation graph of one queue', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Causation graph of single writer, beside', exact: true })).toBeVisible();
  await expect(beside(page)).toHaveValue('single writer');
});

test('Beside is reached and worked from the keyboard, and a run removed from the scenario is no longer beside once run again', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: 'inventory-aware' }).focus();
  await page.keyboard.press('Tab');
  await expect(beside(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(beside(page)).toHaveValue('8 workers');
  await expect(panes(page, 'Causation graph').other).toBeVisible();
  const close = panes(page, 'Causation graph').other.getByRole('button', { name: 'Close the run beside' });
  for (let i = 0; i < 30 && !(await close.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panes(page, 'Causation graph').other).toHaveCount(0);

  await beside(page).selectOption('8 workers');
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Remove run 8 workers' }).click();
  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs).toContainText(/Ran 3 runs/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  await expect(beside(page)).toHaveValue('');
  await expect(beside(page).getByRole('option')).toHaveText(['none', 'single writer', 'inventory-aware']);
  await expect(graph.getByRole('region')).toHaveCount(0);
});

test('with one run, the views say how to get a second instead of offering Beside', async ({ page }) => {
  const scenario = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as { runs: unknown[] };
  scenario.runs = scenario.runs.slice(0, 1);
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: 'one-run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });
  for (const [view, region] of [['Graph', 'Causation graph'], ['History', 'State history'], ['Timeline', 'Timeline']] as const) {
    await views(page).getByRole('button', { name: view, exact: true }).click();
    const shown = page.getByRole('region', { name: region, exact: true });
    await expect(shown).toContainText('One run only: add a run to see two side by side.');
    await expect(beside(page)).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'add a run' }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toBeVisible();
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height}, one pane and two in each view: both panes' controls on screen or a scroll away, nothing wider than the view`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    for (const [view, region] of [['Graph', 'Causation graph'], ['History', 'State history'], ['Timeline', 'Timeline']] as const) {
      await views(page).getByRole('button', { name: view, exact: true }).click();
      const shown = page.getByRole('region', { name: region, exact: true });
      await expect(shown).toBeVisible();
      await beside(page).selectOption('');
      await page.screenshot({ path: `test-results/screenshots/beside-${view.toLowerCase()}-one-${size.width}.png` });
      await beside(page).selectOption('8 workers');
      const { main, other } = panes(page, region);
      await expect(other).toBeVisible();
      for (const pane of [main, other]) {
        const box = (await pane.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
      const close = other.getByRole('button', { name: 'Close the run beside' });
      await close.scrollIntoViewIfNeeded();
      await expect(close).toBeInViewport();
      if (view === 'History') await expect(other.getByRole('slider')).toBeInViewport();
      await main.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/beside-${view.toLowerCase()}-two-${size.width}.png` });
    }
  });
}

test('"Show the invariant violation" in the graph beside scrolls the page to that graph, the violation in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openBankAndRun(page);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  await beside(page).selectOption('4 workers');
  const other = page.getByRole('region', { name: 'Causation graph of 4 workers, beside', exact: true });
  const canvas = other.locator('.canvas');
  await other.getByRole('button', { name: 'Show the invariant violation' }).click();
  await expect(other.getByRole('complementary', { name: 'Node details' })).toContainText('within-overdraft-limit');
  // the whole canvas of the pane beside is on screen, and the selected node (the violation) inside it
  await expect.poll(async () => { const b = await canvas.boundingBox(); return b !== null && b.y >= 0 && b.y + b.height <= 720; }).toBe(true);
  const node = other.locator('.svelte-flow__node.selected');
  await expect(node).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/beside-graph-violation-scrolled-1280.png' });
});
