/** Sweep with a domain module: the points run in workers of the module, with the numbers `purestream sweep` prints; Cancel, and a module's fault. */
import { execFileSync } from 'node:child_process';
import { test, expect, type Page } from '@playwright/test';
import { views } from './flows';
import { decider, js, openBankAndRun, openScenarioAndLocate } from './moduleFlows';

const tab = (page: Page, name: string) => views(page).getByRole('button', { name, exact: true });

interface CliSweep {
  points: { values: Record<string, number>; violations: number; metrics: { accepted: number; rejected: number; makespanMs: number; staleDecisions: number } }[];
}

test("a sweep of the bank module's 4 workers over workers 1..4: overdrafts from 2 workers up, the CLI's numbers, and the run's views still read its result", async ({ page }) => {
  test.setTimeout(120_000);
  const cli = JSON.parse(
    execFileSync('node', ['bin/purestream.mjs', 'sweep', 'samples/domains/bank.scenario.json', '--run', '4 workers', '--param', 'scheduler.workers=1..4', '--json'], { encoding: 'utf8' }),
  ) as CliSweep;
  await openBankAndRun(page);

  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByLabel('Run', { exact: true }).locator('option:checked')).toHaveText('4 workers');
  await expect(sweep.getByLabel('Parameter')).toHaveValue('scheduler.workers');
  await sweep.getByLabel('To', { exact: true }).fill('4');
  await expect(sweep.locator('.cli')).toContainText('purestream sweep samples/domains/bank.scenario.json --run "4 workers" --param scheduler.workers=1..4:1 --json');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('4 points')).toBeVisible({ timeout: 60_000 });
  await expect(sweep.getByRole('alert')).toHaveCount(0);

  // the bank declares an invariant (the opening sentence's example): its violations are plotted without asking
  await expect(sweep.getByRole('group', { name: 'Plot' }).getByLabel('violations')).toBeChecked();
  await expect(sweep.getByRole('img', { name: /^violations against scheduler workers/ })).toBeVisible();
  const table = sweep.getByRole('table', { name: 'Sweep results' });
  const header = await table.getByRole('columnheader').allTextContents();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  const column = (name: string) => header.indexOf(name) - 1; // cells start after the row header
  for (const [i, point] of cli.points.entries()) {
    const cells = await rows.nth(i + 1).getByRole('cell').allTextContents();
    expect(Number(await rows.nth(i + 1).getByRole('rowheader').textContent())).toBe(point.values['scheduler.workers']);
    expect(Number(cells[column('violations')])).toBe(point.violations);
    expect(Number(cells[column('accepted')])).toBe(point.metrics.accepted);
    expect(Number(cells[column('rejected')])).toBe(point.metrics.rejected);
    expect(Number(cells[column('stale decisions')])).toBe(point.metrics.staleDecisions);
    expect(Number(cells[column('makespan ms')])).toBeCloseTo(point.metrics.makespanMs, 2);
  }
  // the lesson: one worker keeps within the overdraft limit; from two up, stale balances overdraw a1
  expect(cli.points[0].violations).toBe(0);
  expect(cli.points.slice(1).every((p) => p.violations > 0)).toBe(true);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/module-sweep-${width}x${height}.png` });
  }
  // the numbers, below the charts (the view scrolls inside the page)
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/module-sweep-table.png' });

  // the sweep ran in workers of its own: the scenario's result, kept in the module's worker, still reads
  await tab(page, 'Metrics').click();
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText('4 workers');
  await tab(page, 'Compare').click();
  await expect(page.getByRole('region', { name: 'Compare' })).toContainText('capacity-aware');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Cancel stops a sweep of the module, keeping the points finished; the next sweep loads the module again and finishes', async ({ page }) => {
  test.setTimeout(120_000);
  await openBankAndRun(page);
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  // 16 points × 200 seeds: far more than the time it takes to press Cancel
  await sweep.getByLabel('Average over seeds').check();
  await sweep.getByLabel('Seed from').fill('1');
  await sweep.getByLabel('Seed to').fill('200');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
  await sweep.getByRole('button', { name: 'Cancel' }).click();
  await expect(sweep.getByText(/cancelled\s*\d+ of 16 points finished/)).toBeVisible();
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeEnabled();

  await sweep.getByLabel('Average over seeds').uncheck();
  await sweep.getByLabel('To', { exact: true }).fill('2');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.getByText('2 points')).toBeVisible({ timeout: 60_000 });
  await expect(sweep.getByRole('table', { name: 'Sweep results' }).getByRole('row')).toHaveCount(3);
});

test("a module's fault during a sweep stops it with the module's one-line message, as a run does", async ({ page }) => {
  await openScenarioAndLocate(page, js('clock.mjs', decider('    const t = Date.now();')));
  await tab(page, 'Sweep').click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByLabel('Parameter')).toHaveValue('serviceMs');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  const alert = sweep.getByRole('alert');
  await expect(alert).toContainText('clock.mjs: decide read the clock while deciding c1', { timeout: 30_000 });
  await expect(alert).toContainText('(Date.now() at clock.mjs:3)');
  expect(await alert.textContent()).not.toMatch(/at .*blob:|\n\s+at /);
  await expect(sweep.getByRole('table')).toHaveCount(0);
});
