/**
 * Each view that stands for a command says which ("Same as `purestream …`"), and the line is one
 * the CLI takes: run here, from the checkout's folder, through a POSIX shell, it exits 0. Copy puts
 * the command on the clipboard and says so. Screenshots at 1280x720 and 1440x900.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSampleAndRun } from './flows';
import { openModule } from './libraryModule';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** Runs a shown command in `cwd` (the checkout's folder unless said), as a shell would, with the checkout's CLI; its exit code. */
function exitCode(command: string, cwd = process.cwd()): number {
  try {
    execFileSync('sh', ['-c', command.replace(/^purestream /, `node ${resolve('bin/purestream.mjs')} `)], { stdio: 'ignore', timeout: 60_000, cwd });
    return 0;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}

/** The line's command; checks the line says it in full in its tooltip, and that Copy copies it. */
async function shownCommand(page: Page, group: Locator): Promise<string> {
  const line = group.getByTestId('command-line');
  await expect(line).toBeVisible();
  const command = (await line.locator('code').textContent()) ?? '';
  await expect(line).toHaveAttribute('title', `${(await line.textContent()) ?? ''}`);
  await group.getByRole('button', { name: 'Copy' }).click();
  await expect(group.getByTestId('copy-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  return command;
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/cmdline-${name}-${width}.png` });
  }
}

test('Runs says the run command for the open sample, which the CLI runs from the checkout', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  const group = page.getByRole('region', { name: 'Runs' }).getByRole('group', { name: 'Run command line' });
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream run samples/scenarios/flash-sale.json, run in a Purestream checkout's folder");
  const command = await shownCommand(page, group);
  expect(exitCode(command)).toBe(0);
  await screenshots(page, 'runs');
});

test('an edited sample: the run command is said to be the edited scenario once saved to its file (a Save keeps it in the workspace, not there); downloaded, the file holds it and the CLI runs it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('seed', { exact: true }).fill('8');
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Ran 4 runs', { timeout: 30_000 });
  const group = page.getByRole('region', { name: 'Runs' }).getByRole('group', { name: 'Run command line' });
  const line = group.getByTestId('command-line');
  const edited = "Same as purestream run flash-sale.json with your edits, once saved to that file (Download scenario), run in the scenario file's folder";
  await expect(line).toHaveText(edited);
  expect(await shownCommand(page, group)).toBe('purestream run flash-sale.json');
  await screenshots(page, 'runs-edited');

  // Save keeps the edits in the workspace: nothing unsaved, but flash-sale.json still is the sample
  const saved = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await saved).suggestedFilename()).toMatch(/\.purestream$/);
  await expect(page.getByRole('banner').locator('.pill')).toHaveCount(0);
  await expect(line).toHaveText(edited);

  // Download scenario writes the edits to flash-sale.json: the line names that file as it is, and the CLI runs it there
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'purestream-edited-'));
  await (await downloaded).saveAs(join(dir, 'flash-sale.json'));
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  // named as the downloaded file, not the sample of the same name the checkout ships
  await expect(line).toHaveText('Same as purestream run flash-sale.json, run in the folder of the downloaded flash-sale.json');
  await screenshots(page, 'runs-downloaded');
  expect(exitCode(await shownCommand(page, group), dir)).toBe(0);
});

test('Metrics says the same run command as Runs (the command that prints these metrics), on one line above the charts', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const group = metrics.getByRole('group', { name: 'Run command line' });
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream run samples/scenarios/flash-sale.json, run in a Purestream checkout's folder");
  expect(await shownCommand(page, group)).toBe('purestream run samples/scenarios/flash-sale.json');
  // the lesson closed, the charts sit beside the table: the line costs one line, and they stay on screen
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    const line = (await group.getByTestId('command-line').boundingBox())!;
    expect(line.height).toBeLessThan(24);
    const chart = (await metrics.getByRole('img', { name: /^Decision queue depth/ }).boundingBox())!;
    expect(chart.y).toBeLessThan(height / 2);
  }
  await screenshots(page, 'metrics');
});

test('Compare says the compare command (every run: the CLI takes no subset), which the CLI runs from the checkout', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  const group = compare.getByRole('group', { name: 'Compare command line' });
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream compare samples/scenarios/flash-sale.json, run in a Purestream checkout's folder");
  await compare.getByRole('checkbox', { name: 'single writer' }).uncheck();
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream compare samples/scenarios/flash-sale.json, run in a Purestream checkout's folder (it compares every run)");
  const command = await shownCommand(page, group);
  expect(exitCode(command)).toBe(0);
  await screenshots(page, 'compare');
});

test('Logs says the inspect command for the log on screen as the reading bar reads it, which the CLI runs where it says', async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  const group = logs.getByRole('group', { name: 'Inspect command line' });
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream inspect samples/logs/flash-sale-oversell.cloudevents.json --domain commerce, run in a Purestream checkout's folder");
  expect(exitCode(await shownCommand(page, group))).toBe(0);
  await screenshots(page, 'logs');

  // a file of the user's, its name quoted, with the profile and framing chosen: run in the file's folder
  const dir = mkdtempSync(join(tmpdir(), 'cmdline-'));
  copyFileSync('test/fixtures/logs/profiles/kafka-kcat.jsonl', join(dir, 'kafka orders.jsonl'));
  await page.setViewportSize({ width: 1440, height: 900 });
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'kafka orders.jsonl'));
  await expect(logs.getByRole('heading', { name: 'kafka orders.jsonl' })).toBeVisible({ timeout: 20_000 });
  await logs.getByLabel('Domain', { exact: true }).selectOption('');
  await logs.getByLabel('Profile', { exact: true }).selectOption('kafka');
  await logs.getByLabel('Framing', { exact: true }).selectOption('lines');
  await expect(group.getByTestId('command-line')).toHaveText('Same as purestream inspect "kafka orders.jsonl" --profile kafka --framing lines, run in the log file\'s folder', { timeout: 20_000 });
  await expect(logs.getByRole('status')).toContainText('7 events', { timeout: 20_000 });
  expect(exitCode(await shownCommand(page, group), dir)).toBe(0);
});

test("Logs names a file of the user's by its name even when a bundled sample has that name; the sample shown again from the workspace is still the checkout's", async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  const group = logs.getByRole('group', { name: 'Inspect command line' });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });

  // the user's own log, saved under the sample's name: not the checkout's file
  const dir = mkdtempSync(join(tmpdir(), 'cmdline-'));
  copyFileSync('test/fixtures/logs/library-cloudevents.jsonl', join(dir, 'flash-sale-oversell.cloudevents.json'));
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'flash-sale-oversell.cloudevents.json'));
  await expect(logs.getByRole('status')).toContainText('7 events', { timeout: 20_000 });
  await expect(group.getByTestId('command-line')).toHaveText(/^Same as purestream inspect flash-sale-oversell\.cloudevents\.json( .*)?, run in the log file's folder$/);
  expect(exitCode(await shownCommand(page, group), dir)).toBe(0);

  // each shown again from the workspace's list: the first is the sample, the second the user's file
  const stored = logs.getByRole('region', { name: 'Logs in the workspace' }).getByRole('button', { name: 'flash-sale-oversell.cloudevents.json', exact: true });
  await expect(stored).toHaveCount(2);
  await stored.first().click();
  await expect(group.getByTestId('command-line')).toHaveText(/^Same as purestream inspect samples\/logs\/flash-sale-oversell\.cloudevents\.json( .*)?, run in a Purestream checkout's folder$/);
  await stored.last().click();
  await expect(group.getByTestId('command-line')).toHaveText(/run in the log file's folder$/);
});

test("Logs: a log whose unreadable records the app skipped is shown with --skip-invalid, and the line gives the app's report (exit 0 where the bare line is refused)", async ({ page }) => {
  const folder = 'test/fixtures/modules/credit';
  const dir = mkdtempSync(join(tmpdir(), 'cmdline-'));
  for (const file of ['credit.ts', 'credit-emmett.jsonl']) copyFileSync(join(folder, file), join(dir, file));
  await page.goto('/');
  await openModule(page, 'credit.ts', readFileSync(join(folder, 'credit.ts'), 'utf8'), 'Credit limits');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Domain', { exact: true }).selectOption('credit.ts');
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'credit-emmett.jsonl'));
  await expect(logs.getByRole('status').filter({ hasText: 'violations' })).toContainText('7 invariant violations and 9 anomalies in 83 events', { timeout: 30_000 });
  const group = logs.getByRole('group', { name: 'Inspect command line' });
  await expect(group.getByTestId('command-line')).toHaveText("Same as purestream inspect credit-emmett.jsonl --domain ./credit.ts --skip-invalid, run in the log file's folder, with the module credit.ts in it");
  expect(exitCode(await shownCommand(page, group), dir)).toBe(0);
  expect(exitCode('purestream inspect credit-emmett.jsonl --domain ./credit.ts', dir)).toBe(1);
  await screenshots(page, 'logs-skip-invalid');
});
