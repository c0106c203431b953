/** What issue 16 found in the run views: saving a run's log, Unicode filtering, the SQL box, consumers with any name. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** Opens a scenario document given as an object and runs it. */
async function openAndRun(page: Page, scenario: object): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });
}

test('"Save log…" writes the same bytes as `purestream export`, in both formats', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Event log' }).click();
  const eventlog = page.getByRole('region', { name: 'Event log' });
  await eventlog.getByRole('tab', { name: '8 workers' }).click();
  const cli = (format: string) => execFileSync(process.execPath, ['bin/purestream.mjs', 'export', 'samples/scenarios/flash-sale.json', '--run', '8 workers', '--format', format], { encoding: 'utf8' });
  for (const [format, label] of [['events', 'JSON Lines (purestream/events@1)'], ['cloudevents', 'CloudEvents (JSON batch)']] as const) {
    await eventlog.getByLabel('Log format to save').selectOption({ label });
    const [download] = await Promise.all([page.waitForEvent('download'), eventlog.getByRole('button', { name: 'Save log…' }).click()]);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toBe(cli(format));
  }
});

test('the event log filter folds case in every script and matches the text as shown', async ({ page }) => {
  const profile = (id: string, bio: string) => ({ type: 'AddProfile', actor: id, data: { profileId: id, userId: id, title: 'T', bio, name: { first: 'A', last: 'B' } } });
  await openAndRun(page, {
    format: 'purestream/scenario@1',
    name: 'Unicode bios',
    domain: 'profiles',
    commands: [profile('p1', 'Großer Ärger im Büro, sagt Zoë'), profile('p2', 'she said "hi"'), profile('p3', 'plain ASCII')],
  });
  await views(page).getByRole('button', { name: 'Event log' }).click();
  const table = page.getByRole('region', { name: /^Events of / });
  await expect(table).toContainText('3 events');
  const filter = table.getByLabel('Filter by text');
  for (const [needle, count] of [['ärger', 1], ['BÜRO', 1], ['ZOË', 1], ['GROSSER', 1], ['said "hi"', 1], ['ProfileAdded', 3], ['nothing like it', 0]] as const) {
    await filter.fill(needle);
    await expect(table).toContainText(`${count} event${count === 1 ? '' : 's'}`);
  }
});

test('the SQL box: exact integers, blobs as hex, Cancel and a time limit that leave the rest of the app working', async ({ page }) => {
  test.setTimeout(90_000);
  await openSampleAndRun(page, /^Flexible consumers/);
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const tables = page.getByRole('region', { name: 'Consumer tables' });
  const query = tables.getByLabel('Read-only query');
  await query.fill("SELECT 9007199254740993 AS big, -9223372036854775808 AS least, x'00ff10' AS blob, 0.5 AS half");
  await tables.getByRole('button', { name: 'Run query' }).click();
  const result = tables.getByRole('table', { name: 'tables query result' });
  await expect(result.getByRole('cell')).toHaveText(['9007199254740993', '-9223372036854775808', "x'00ff10'", '0.5']);

  // an endless query: Cancel stops it, and the old answer is not left on screen as if it were this one's
  const endless = 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r';
  await query.fill(endless);
  await tables.getByRole('button', { name: 'Run query' }).click();
  await expect(tables.getByRole('status')).toContainText('Running the query');
  await expect(result).toBeHidden();
  // meanwhile the event log answers (the query has a worker of its own)
  await views(page).getByRole('button', { name: 'Event log' }).click();
  await expect(page.getByRole('region', { name: /^Events of / })).toContainText(/\d+ events/);
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  await tables.getByRole('button', { name: 'Cancel' }).click();
  await expect(tables.getByRole('alert')).toHaveText('The query was cancelled.');

  // the time limit stops it too; a later query works again
  await tables.getByRole('button', { name: 'Run query' }).click();
  await expect(tables.getByRole('alert')).toContainText('ran longer than 10 s and was stopped', { timeout: 30_000 });
  await query.fill('SELECT count(*) AS n FROM orders');
  await tables.getByRole('button', { name: 'Run query' }).click();
  await expect(result.getByRole('cell')).toHaveText([/^\d+$/]);
});

test('consumers named like Object.prototype members show like any other', async ({ page }) => {
  const consumers = ['__proto__', 'constructor', 'toString'].map((name) => ({ name, interpreter: 'notifier' }));
  await openAndRun(page, {
    format: 'purestream/scenario@1',
    name: 'Odd consumer names',
    domain: 'commerce',
    setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 5 } }],
    commands: [{ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u-1', sku: 'tee', qty: 1 } }],
    runs: [{ name: 'odd', consumers: [{ name: 'state', interpreter: 'state-store' }, ...consumers] }],
  });
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  for (const { name } of consumers) {
    const region = page.getByRole('region', { name: `Consumer ${name}` });
    await expect(region).toContainText('Outbox');
    await expect(region).toContainText(/\d+ enacted/);
  }
});

test('the history marks every step where a stream is still broken, not only the step that broke it', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: '8 workers' }).click();
  const slider = history.getByRole('slider', { name: 'History position' });
  const last = Number(await slider.getAttribute('max'));
  const band = history.locator('.band').first();
  const from = Number(await band.getAttribute('data-from'));
  expect(Number(await band.getAttribute('data-to'))).toBe(last);
  // a later step than the one that broke it still says so
  await slider.fill(String(last));
  await expect(history.locator('.violation')).toContainText('Still broken at this step: stock-non-negative (stock:tee@main)');
  await slider.fill(String(from - 1));
  await expect(history.locator('.violation')).toBeHidden();
});
