import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

interface CliSweep {
  points: { values: Record<string, number>; violations: number; oversold: number; metrics: { accepted: number; makespanMs: number; staleDecisions: number } }[];
}

test('a sweep of the flash sale over workers 1..16 plots oversells against workers, with the numbers the CLI prints', async ({ page }) => {
  const cli = JSON.parse(
    execFileSync('node', ['bin/purestream.mjs', 'sweep', 'samples/scenarios/flash-sale.json', '--run', '8 workers', '--param', 'scheduler.workers=1..16', '--json'], { encoding: 'utf8' }),
  ) as CliSweep;

  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByLabel('Run', { exact: true }).locator('option:checked')).toHaveText('8 workers');
  await expect(sweep.getByLabel('Parameter')).toHaveValue('scheduler.workers');
  await expect(sweep.getByLabel('From', { exact: true })).toHaveValue('1');
  await expect(sweep.getByLabel('To', { exact: true })).toHaveValue('16');
  // the line names the sample by its path from the checkout: the command this test runs there (its range spelled with the step)
  await expect(sweep.locator('.cli')).toHaveText('Same as purestream sweep samples/scenarios/flash-sale.json --run "8 workers" --param scheduler.workers=1..16:1 --json, run in a Purestream checkout\'s folder');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('16 points')).toBeVisible({ timeout: 30_000 });

  // the lesson's evidence: units oversold and stale decisions grow with the workers (a count of violations would stay at 1)
  await expect(sweep.getByRole('img', { name: /^units oversold against scheduler workers/ })).toBeVisible();
  await expect(sweep.getByRole('img', { name: /^stale decisions against scheduler workers/ })).toBeVisible();
  await expect(sweep.getByRole('img', { name: /^accepted against scheduler workers/ })).toBeVisible();
  const table = sweep.getByRole('table', { name: 'Sweep results' });
  const header = await table.getByRole('columnheader').allTextContents();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(17);
  const column = (name: string) => header.indexOf(name);
  for (const [i, point] of cli.points.entries()) {
    const cells = await rows.nth(i + 1).getByRole('cell').allTextContents();
    const rowHeader = await rows.nth(i + 1).getByRole('rowheader').textContent();
    expect(Number(rowHeader)).toBe(point.values['scheduler.workers']);
    // cells start after the row header
    expect(Number(cells[column('violations') - 1])).toBe(point.violations);
    expect(Number(cells[column('accepted') - 1])).toBe(point.metrics.accepted);
    expect(Number(cells[column('makespan ms') - 1])).toBeCloseTo(point.metrics.makespanMs, 2);
    // 100 tees in stock, one per order: every order accepted past 100 is a unit oversold
    expect(Number(cells[column('units oversold') - 1])).toBe(Math.max(0, point.metrics.accepted - 100));
    // the view's headline numbers are the CLI's too
    expect(Number(cells[column('units oversold') - 1])).toBe(point.oversold);
    expect(Number(cells[column('stale decisions') - 1])).toBe(point.metrics.staleDecisions);
  }
  expect(Math.max(...cli.points.map((p) => p.metrics.accepted - 100))).toBeGreaterThan(1);
  expect(cli.points[0].violations).toBe(0);
  expect(cli.points.some((p) => p.violations > 0)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/sweep.png' });
});

test('a small sweep averaged over seeds, which says the seeds change nothing here; a bound the run refuses is named beside its field and runs nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByLabel('Parameter').selectOption('scheduler.workers');
  const from = sweep.getByLabel('From', { exact: true });
  await from.fill('0');
  await sweep.getByLabel('To', { exact: true }).fill('2');
  // the run's own rule, as the user types: no run index after Run sweep
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveAccessibleDescription('From: a whole number ≥ 1 (got 0)');
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  await expect(sweep).not.toContainText('runs[1]');
  await expect(sweep.getByRole('table')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/sweep-from-0.png' });

  await sweep.getByLabel('Parameter').selectOption('serviceMs');
  await sweep.getByLabel('From', { exact: true }).fill('5');
  await sweep.getByLabel('To', { exact: true }).fill('15');
  await sweep.getByLabel('Step').fill('10');
  await sweep.getByLabel('Average over seeds').check();
  await sweep.getByLabel('Seed from').fill('1');
  await sweep.getByLabel('Seed to').fill('3');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('2 points, each averaged over 3 seeds')).toBeVisible({ timeout: 30_000 });
  await expect(sweep.getByRole('table', { name: 'Sweep results' }).getByRole('row')).toHaveCount(3);
  await expect(sweep.getByRole('img', { name: /^units oversold against decision time/ })).toBeVisible();
  // fixed arrival times, a constant service time, no random consumer: the average is each seed's result, and said so
  await expect(sweep.getByRole('note')).toHaveText(/^Each of the 3 seeds gives the same numbers: nothing in “8 workers” draws on the seed/);
});

test('a sweep run again keeps the last results on screen until the new ones are in; one cancelled offers the last full sweep back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await sweep.getByLabel('To', { exact: true }).fill('4');
  const runButton = sweep.getByRole('button', { name: 'Run sweep' });
  await runButton.click();
  await expect(sweep.getByText('4 points')).toBeVisible({ timeout: 30_000 });
  const table = sweep.getByRole('table', { name: 'Sweep results' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  // beside the lesson at 1280, the plotted metrics come first, all in sight: units oversold among them
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.slice(0, 6)).toEqual(['scheduler.workers', 'violations', 'accepted', 'makespan ms', 'stale decisions', 'units oversold']);
  const [wrap, oversold] = [(await sweep.locator('.table-wrap').boundingBox())!, (await table.getByRole('columnheader', { name: 'units oversold' }).boundingBox())!];
  expect(oversold.x + oversold.width).toBeLessThanOrEqual(wrap.x + wrap.width);

  // from here on, note whether the results table ever leaves the page
  await page.evaluate(() => {
    const w = window as unknown as { tableGone: boolean };
    w.tableGone = false;
    new MutationObserver(() => {
      if (!document.querySelector('table[aria-label="Sweep results"]')) w.tableGone = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await sweep.getByLabel('To', { exact: true }).fill('6');
  await runButton.click();
  await expect(sweep.locator('.status')).toContainText(/done\s*6 points\./, { timeout: 30_000 });
  await expect(rows).toHaveCount(7);
  expect(await page.evaluate(() => (window as unknown as { tableGone: boolean }).tableGone)).toBe(false);

  // many runs, cancelled: what finished shows, and the last full sweep comes back on request
  await sweep.getByLabel('To', { exact: true }).fill('16');
  await sweep.getByLabel('Average over seeds').check();
  await sweep.getByLabel('Seed to').fill('200');
  await runButton.click();
  await expect(sweep.getByText('The last sweep\'s results stay below until this one is done.')).toBeVisible();
  await expect(rows).toHaveCount(7);
  await sweep.getByRole('button', { name: 'Cancel' }).click();
  await expect(sweep.getByText(/cancelled\s*\d+ of 16 points finished/)).toBeVisible();
  await sweep.getByRole('button', { name: 'Show the last full sweep instead' }).click();
  await expect(sweep.locator('.status')).toContainText(/done\s*6 points\./);
  await expect(rows).toHaveCount(7);
});

test('a bad range is named beside its field as the user types; Run sweep waits, the command line never says null, and the last results stay', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  const from = sweep.getByLabel('From', { exact: true });
  const to = sweep.getByLabel('To', { exact: true });
  const step = sweep.getByLabel('Step', { exact: true });
  const runButton = sweep.getByRole('button', { name: 'Run sweep' });
  await to.fill('3');
  await runButton.click();
  await expect(sweep.getByText('3 points')).toBeVisible({ timeout: 30_000 });
  const results = sweep.getByRole('table', { name: 'Sweep results' });

  await from.fill('10');
  await to.fill('2');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription('To: the range 10..2 is empty (TO must not be below FROM)');
  await expect(runButton).toBeDisabled();
  await expect(runButton).toHaveAttribute('title', /To: the range 10\.\.2 is empty/);
  await expect(sweep).toContainText('The equivalent command line shows once the range is valid.');
  await from.press('Enter');
  await expect(results.getByRole('row')).toHaveCount(4);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/sweep-bad-range.png' });

  await from.fill('');
  await expect(from).toHaveAccessibleDescription('From: enter a number');
  await expect(sweep).not.toContainText('null');
  await from.fill('1');
  await step.fill('-1');
  await expect(step).toHaveAccessibleDescription('Step: the step must be greater than 0');
  await expect(runButton).toBeDisabled();
  await step.fill('1');
  await expect(step).not.toHaveAttribute('aria-invalid');
  await expect(runButton).toBeEnabled();
  await expect(sweep).toContainText('--param scheduler.workers=1..2:1 --json');
  await expect(results.getByRole('row')).toHaveCount(4);
});

test('Sweep follows its run through a rename in the Runs view; a name another run has is refused at both names, and Sweep still shows the renamed run and its parameters', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  const runChoice = sweep.getByLabel('Run', { exact: true });
  await expect(runChoice.locator('option:checked')).toHaveText('8 workers');

  // the swept run takes the name of the first run
  await tab(page, 'Runs').click();
  const runs = page.getByRole('region', { name: 'Runs' });
  const [first, second] = [0, 1].map((i) => runs.getByRole('article').nth(i).getByLabel('run name'));
  await second.fill('one queue');
  await expect(second).toHaveAccessibleDescription('name: the 1st run is called "one queue" too; each run needs a name of its own');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toHaveAccessibleDescription('name: the 2nd run is called "one queue" too; each run needs a name of its own');
  await expect(runs.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();

  // Sweep: the renamed run (the second of two of that name) with its workers to vary; nothing runs while the names clash
  await tab(page, 'Sweep').click();
  await expect(runChoice.locator('option:checked')).toHaveText('one queue');
  await expect(runChoice).toHaveValue('1');
  await expect(sweep.getByLabel('Parameter')).toHaveValue('scheduler.workers');
  await expect(sweep.getByLabel('Parameter').locator('option:checked')).toHaveText('scheduler workers');
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  // the problem is in a run's configuration: Sweep says it is fixed in the Runs view (not the Scenario view), and goes there
  const toFix = sweep.getByTestId('sweep-to-fix');
  await expect(toFix).toContainText(/Fix this first, on the card of run "one queue" in the Runs view — name: the \d\w\w run is called "one queue" too/);
  await expect(toFix).not.toContainText('Scenario view');
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toHaveAttribute('title', /^Fix this first, on the card of run "one queue" in the Runs view/);
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/sweep-to-fix-runs-${width}.png` });
  }
  await expect(toFix.getByRole('button', { name: 'Go to Scenario →' })).toHaveCount(0);
  await toFix.getByRole('button', { name: 'Go to Runs →' }).click();
  await expect(tab(page, 'Runs')).toHaveAttribute('aria-current', 'page');

  // a name of its own: Sweep names it, on the command line too, and can run
  await second.fill('8 pool workers');
  await expect(second).not.toHaveAttribute('aria-invalid');
  await expect(first).not.toHaveAttribute('aria-invalid');
  await tab(page, 'Sweep').click();
  await expect(runChoice.locator('option:checked')).toHaveText('8 pool workers');
  await expect(sweep.getByLabel('Parameter')).toHaveValue('scheduler.workers');
  await expect(sweep).toContainText('--run "8 pool workers" --param scheduler.workers=1..16:1');
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await expect(sweep.getByTestId('sweep-to-fix')).toHaveCount(0);
});

test('a problem outside the runs (the seed) is fixed in the Scenario view: Sweep says so and goes there', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Scenario').click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Scenario JSON');
  await json.fill((await json.inputValue()).replace(/"seed": \d+/, '"seed": "seven"'));
  await expect(page.getByRole('tabpanel')).toContainText('seed');
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  const toFix = sweep.getByTestId('sweep-to-fix');
  await expect(toFix).toContainText('Fix this first, in the Scenario view.');
  await expect(toFix.getByRole('button', { name: 'Go to Runs →' })).toHaveCount(0);
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  await toFix.getByRole('button', { name: 'Go to Scenario →' }).click();
  await expect(tab(page, 'Scenario')).toHaveAttribute('aria-current', 'page');
});

test('a run renamed to another run\'s name before Sweep is first shown: Sweep shows the pool, not the first run of that name', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Runs').click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: 'Run 8 workers' }).getByLabel('run name').fill('one queue');
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByLabel('Run', { exact: true })).toHaveValue('1');
  await expect(sweep.getByLabel('Parameter').locator('option:checked')).toHaveText('scheduler workers');
});

test("Sweep's command line names a scenario of the user's by its name, and says it is the edited scenario, once saved to that file, while the file does not hold the edits, as the Runs view's line does", async ({ page }) => {
  await page.goto('/');
  const scenario = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as { runs: { name: string }[] };
  await page.getByLabel('Scenario file').setInputFiles({ name: 'my sale.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.locator('.cli')).toHaveText(/^Same as purestream sweep "my sale.json" .* --json, run in the scenario file's folder$/);

  // an edit in the Runs view: the file on disk is not the scenario shown any more
  await tab(page, 'Runs').click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('article').nth(0).getByLabel('run name').fill('a single queue');
  await expect(runs.getByRole('group', { name: 'Run command line' }).getByTestId('command-line')).toHaveText(
    `Same as purestream run "my sale.json" with your edits, once saved to that file (Download scenario), run in the scenario file's folder`,
  );
  await tab(page, 'Sweep').click();
  await expect(sweep.locator('.cli')).toHaveText(/^Same as purestream sweep "my sale.json" .* --json with your edits, once saved to that file \(Download scenario\), run in the scenario file's folder$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/sweep-command-line-unsaved-1280.png' });
});

test('a domain with nothing to oversell (profiles) sweeps without a units oversold column, chart or plot choice, as the CLI prints it', async ({ page }) => {
  const cli = execFileSync('node', ['bin/purestream.mjs', 'sweep', 'samples/scenarios/profile-gallery-batch.json', '--run', '4 workers', '--param', 'scheduler.workers=1..2'], { encoding: 'utf8' });
  const cliHead = cli.split('\n')[2].split(/\s{2,}/);
  expect(cliHead).not.toContain('units oversold');

  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' }).click();
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByLabel('Run', { exact: true }).selectOption({ label: '4 workers' });
  await sweep.getByLabel('Parameter').selectOption('scheduler.workers');
  await sweep.getByLabel('From', { exact: true }).fill('1');
  await sweep.getByLabel('To', { exact: true }).fill('2');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('2 points')).toBeVisible({ timeout: 30_000 });

  const header = await sweep.getByRole('table', { name: 'Sweep results' }).getByRole('columnheader').allTextContents();
  expect(header).not.toContain('units oversold');
  // the CLI's columns, less the delivery ones it names under its table (0 throughout)
  expect(cliHead.every((label) => header.includes(label))).toBe(true);
  const plot = sweep.getByRole('group', { name: 'Plot' });
  await expect(plot).toContainText('stale decisions');
  await expect(plot).not.toContainText('units oversold');
  await expect(sweep.getByRole('img', { name: /^units oversold/ })).toHaveCount(0);
  // the other charts picked by default are there
  await expect(sweep.getByRole('img', { name: /^stale decisions against scheduler workers/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sweep-profiles.png' });
});

test("the Sweep view's opening sentence takes its example from the open scenario's domain", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('region', { name: 'Bring your own rules' }).getByRole('button', { name: 'Bring your own rules: a bank with overdrafts' }).click();
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Bring your own rules: a bank with overdrafts' })).toBeVisible({ timeout: 30_000 });
  await tab(page, 'Sweep').click();
  const intro = page.getByRole('region', { name: 'Sweep' }).locator('header p');
  // a bank has no units to oversell: its own invariant is the example
  await expect(intro).toHaveText("Run one configuration over a range of a parameter and see how each metric moves — for example, as a pool's workers grow, how many of its decisions read stale state and whether within-overdraft-limit breaks.");
  await expect(intro.locator('code')).toHaveText('within-overdraft-limit');
  await page.screenshot({ path: 'test-results/screenshots/sweep-intro-bank-1280.png' });

  await tab(page, 'Start').click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await tab(page, 'Sweep').click();
  await expect(intro).toContainText('whether stock-non-negative breaks');
});
