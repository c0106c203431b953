/**
 * Keyboard and screen-reader flows (the keyboard-only trial): after each action the focus lands
 * on the view's heading or on the item the action is about — never on the page's body — and
 * results away from the focus are said by the app's one live region (#announcer), present from
 * the start. Driven with the keyboard; the focus is checked by role and name after each step.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';
import { announcements, recordAnnouncements } from './liveRegions';

const announcer = (page: Page) => page.locator('#announcer');

/** Presses Enter on `name`'s button (focused first, as Tab would). */
async function press(page: Page, locator: ReturnType<Page['getByRole']>, key = 'Enter'): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

test('a view chosen in the top menu has its heading focused and is said; Tab goes on inside the view', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await press(page, views(page).getByRole('button', { name: 'Metrics', exact: true }));
  await expect(page.getByRole('heading', { name: 'Metrics', level: 2 })).toBeFocused();
  await expect(announcer(page)).toHaveText(/^Metrics view\s*$/);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main-content')!.contains(document.activeElement))).toBe(true);

  await press(page, views(page).getByRole('button', { name: 'Graph', exact: true }));
  await expect(page.getByRole('heading', { name: 'Causation graph', level: 2 })).toBeFocused();
  await expect(announcer(page)).toHaveText(/^Graph view\s*$/);
});

test('Graph: "Causation graph →" lands on the graph; a node\'s details close with Escape or Close details back to the node', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  const runs = page.getByRole('region', { name: 'Runs' });
  await press(page, runs.getByRole('button', { name: 'Causation graph →' }));
  await expect(page.getByRole('heading', { name: 'Causation graph', level: 2 })).toBeFocused();

  const graph = page.getByRole('region', { name: 'Causation graph' }).first();
  const node = graph.locator('.svelte-flow__node').first();
  await node.focus();
  const name = (await node.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Enter');
  const details = graph.getByRole('complementary', { name: 'Node details' });
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(graph.getByRole('group', { name })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(details).toBeVisible();
  await press(page, details.getByRole('button', { name: 'Close details' }));
  await expect(details).toBeHidden();
  await expect(graph.getByRole('group', { name })).toBeFocused();

  // a group's "Show these": its nodes shown, the focus on what is shown
  await press(page, graph.getByRole('group', { name: /^Group / }).first());
  await press(page, details.getByRole('button', { name: /^Show these \d+$/ }));
  await expect(graph.getByText(/^Showing /)).toBeFocused();
});

test('History: "the first violation" focuses the slider at it; "show in graph →" lands on that event\'s details', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await press(page, views(page).getByRole('button', { name: 'History', exact: true }));
  await expect(page.getByRole('heading', { name: 'State history', level: 2 })).toBeFocused();
  const history = page.getByRole('region', { name: 'State history' }).first();
  await press(page, history.getByRole('tab', { name: '8 workers' }));
  await press(page, history.getByRole('button', { name: 'the first violation' }));
  const slider = history.getByRole('slider', { name: 'History position' });
  await expect(slider).toBeFocused();
  await expect(slider).toHaveAttribute('aria-valuetext', /^step \d+ of \d+$/);

  await press(page, history.getByRole('button', { name: 'show in graph →' }));
  const details = page.getByRole('complementary', { name: 'Node details' });
  await expect(details.getByRole('heading', { level: 3 })).toBeFocused();
  // Tab goes on inside the details, not 32 stops away
  await page.keyboard.press('Tab');
  expect(await details.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

test('Sweep: Run sweep and Cancel keep the focus; the progress is said at coarse steps, the end in the status line; Escape cancels', async ({ page }) => {
  test.setTimeout(120_000);
  await recordAnnouncements(page);
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await press(page, views(page).getByRole('button', { name: 'Sweep', exact: true }));
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByRole('heading', { name: 'Sweep', level: 2 })).toBeFocused();
  const run = sweep.getByRole('button', { name: 'Run sweep' });
  await press(page, run);
  await expect(sweep.getByText('16 points')).toBeVisible({ timeout: 60_000 });
  await expect(run).toBeFocused();
  await expect(sweep.locator('.status[aria-live="polite"]')).toContainText('done 16 points');
  await expect(sweep.locator('.progress-line')).toHaveCount(0);
  const steps = (await announcements(page)).filter((s) => s.startsWith('Sweeping'));
  // 16 runs, said at most once per 10 %
  expect(steps.length).toBeGreaterThan(0);
  expect(steps.length).toBeLessThanOrEqual(11);
  for (const s of steps) expect(s).toMatch(/^Sweeping: \d*0% \(\d+ of 16 runs\)$/);

  // long enough to cancel: each point averaged over 200 seeds; Escape in the view cancels
  await sweep.getByLabel('Average over seeds').check();
  await sweep.getByLabel('Seed to', { exact: true }).fill('200');
  await press(page, run);
  const cancel = sweep.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(cancel).toHaveAttribute('title', /Escape/);
  await page.keyboard.press('Escape');
  await expect(sweep.getByText('cancelled')).toBeVisible();
  await expect(run).toBeFocused();
});

/** The 1M-restock benchmark scenario cut to `commands` arrivals. */
const restocks = (commands: number): Buffer => {
  const s = JSON.parse(readFileSync(new URL('../../bench/scenario-1m-restocks.json', import.meta.url), 'utf8'));
  s.commands[0].repeat = commands;
  return Buffer.from(JSON.stringify(s));
};

test("Runs: a big run's progress is said at coarse steps (the line on screen is not live); Escape cancels it", async ({ page }) => {
  test.setTimeout(120_000);
  await recordAnnouncements(page);
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: 'restocks.json', mimeType: 'application/json', buffer: restocks(200_000) });
  await press(page, views(page).getByRole('button', { name: 'Runs', exact: true }));
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByRole('heading', { name: 'Runs', level: 2 })).toBeFocused();
  await press(page, runs.getByRole('button', { name: 'Run', exact: true }));
  const cancel = runs.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(cancel).toHaveAttribute('title', /Escape/);
  await expect(runs.locator('.progress-line')).toHaveAttribute('aria-live', 'off');
  await expect.poll(async () => (await announcements(page)).filter((s) => / of the commands arrived$/.test(s)).length).toBeGreaterThan(1);
  await page.keyboard.press('Escape');
  await expect(runs.getByTestId('cancelled-text')).toBeVisible();
  await expect(runs.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  const progress = (await announcements(page)).filter((s) => s.startsWith('Running'));
  for (const s of progress) expect(s).toMatch(/: (\d*0% of the commands arrived|finishing: .*|building the report…|starting…)$/);
  expect(new Set(progress).size).toBe(progress.length);
  expect(progress.length).toBeLessThanOrEqual(13);
});

test('Logs: Open sample log lands on the log and says its headline; a "caused" record lands on its details, Tab goes on inside them', async ({ page }) => {
  await recordAnnouncements(page);
  await page.goto('/');
  await press(page, views(page).getByRole('button', { name: 'Logs', exact: true }));
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await expect(logs.getByRole('heading', { name: 'Logs', level: 2 })).toBeFocused();
  await press(page, logs.getByRole('button', { name: 'Open sample log' }));
  await expect(logs.getByRole('heading', { name: 'flash-sale-oversell.cloudevents.json', level: 3 })).toBeFocused({ timeout: 20_000 });
  await expect(announcer(page)).toContainText('flash-sale-oversell.cloudevents.json: violations.');
  await expect(announcer(page)).toContainText('invariant violation');

  // a record with records it caused: the first listed one's button, then its own details
  await press(page, logs.getByRole('tab', { name: 'Records' }));
  await logs.getByRole('textbox', { name: 'Go to record' }).fill('1');
  await page.keyboard.press('Enter');
  const details = logs.getByRole('complementary', { name: 'Record details' });
  await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #1');
  const caused = details.getByRole('list', { name: 'Records it caused' }).getByRole('button').first();
  const target = ((await caused.textContent()) ?? '').match(/^#(\d+)/)![1];
  await press(page, caused);
  const heading = details.getByRole('heading', { level: 3 });
  await expect(heading).toContainText(`Record #${target}`);
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await details.evaluate((d) => d.contains(document.activeElement))).toBe(true);
});

test('Scenario: Undo rename (after Ctrl+S) lands on the scenario\'s name; Save is seen and said', async ({ page }) => {
  await recordAnnouncements(page);
  await openSampleAndRun(page, /^Flash sale/);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  const notice = page.getByRole('status', { name: 'Workspace notice' });
  await expect(notice).toContainText('Saved the workspace as');
  await expect(announcer(page)).toContainText('Saved the workspace as');

  await press(page, views(page).getByRole('button', { name: 'Scenario', exact: true }));
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('name', { exact: true }).fill('Concert');
  const again = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await again;
  await expect(notice).toContainText('Renamed “Flash sale: 150 orders for 100 units” to “Concert”');
  await expect(announcer(page)).toContainText('Renamed “Flash sale: 150 orders for 100 units” to “Concert”');
  await press(page, notice.getByRole('button', { name: 'Undo rename' }));
  await expect(page.locator('#main-content').getByRole('heading', { name: 'Flash sale: 150 orders for 100 units', level: 2 })).toBeFocused();
  await expect(announcer(page)).toContainText('has its name again');
});

test('Workspace: Ctrl+S there shows and says that it saved', async ({ page }) => {
  await page.goto('/');
  await press(page, views(page).getByRole('button', { name: 'Workspace', exact: true }));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  await expect(page.getByRole('status', { name: 'Workspace notice' })).toContainText(/^Saved the workspace as .+ \(downloaded\)\./);
  await expect(announcer(page)).toContainText('Saved the workspace as');
});

test('Domains: the bank sample, once trusted and loaded, lands on its card and is said', async ({ page }) => {
  await page.goto('/');
  await press(page, views(page).getByRole('button', { name: 'Domains', exact: true }));
  await expect(page.getByRole('heading', { name: 'Domains', level: 2 })).toBeFocused();
  await press(page, page.getByRole('button', { name: 'Open the bank sample' }));
  const dialog = page.getByRole('dialog', { name: 'Run bank.ts?' });
  await press(page, dialog.getByRole('button', { name: 'Trust and run' }));
  const card = page.getByRole('article', { name: /^Domain / }).filter({ hasText: 'module · bank.ts' });
  await expect(card.getByRole('heading', { level: 3 })).toBeFocused({ timeout: 30_000 });
  await expect(announcer(page)).toHaveText(/^Loaded the domain module bank\.ts\.\s*$/);
});

test('Scenario and Runs: Move up/down are off where the node cannot move; the service time field is named', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  const tree = page.getByRole('tree');
  await tree.getByRole('treeitem').nth(1).click();
  const tools = page.getByRole('toolbar', { name: 'Command tree tools' });
  await expect(tools.getByRole('button', { name: 'Move up' })).toBeDisabled();
  await press(page, views(page).getByRole('button', { name: 'Runs', exact: true }));
  await expect(page.getByRole('article', { name: 'Run one queue' }).getByRole('spinbutton', { name: 'service time in ms' })).toBeVisible();
});
