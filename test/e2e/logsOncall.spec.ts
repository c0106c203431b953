/** The Logs view as an on-call developer uses it on a store's export: finding, following and reading records (small copies of the trial's logs under test/fixtures/logs/oncall). */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openModule } from './libraryModule';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/logs/oncall/${name}`, import.meta.url));
const SHOTS = process.env.SHOTS_DIR;
/** Characters that must never reach the screen raw: controls and bidirectional overrides. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function openLog(page: Page, file: string, events: string): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Log file').setInputFiles(file);
  await expect(logs.getByRole('status').first()).toContainText(events, { timeout: 20_000 });
  return logs;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()!.width}.png`) });
}

const EVIL = 'evil"\\u000a\\u001b[31mRED\\u001b[0m\\u202eTXE.exe';

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`a log's hostile names show escaped everywhere, as the CLI prints them; the command line quotes the file's name for a shell (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // the trial's file name: a quote, a newline and ESC
    const dir = mkdtempSync(join(tmpdir(), 'purestream-hostile-'));
    const file = join(dir, 'bad"name\n\u001b[31mred.jsonl');
    copyFileSync(fixture('hostile-names.jsonl'), file);
    const logs = await openLog(page, file, '4 events');
    await expect(logs.getByRole('heading', { name: 'bad"name\\u000a\\u001b[31mred.jsonl' })).toBeVisible();
    await expect(logs.getByTestId('command-line')).toContainText(`purestream inspect $'bad"name\\n\\033[31mred.jsonl'`);
    await expect(logs.getByRole('region', { name: 'Types' })).toContainText('pay"ment\\u000acaptured\\u0007');
    await expect(logs.getByRole('region', { name: 'Anomalies' })).toContainText('\\u202eTXE.exe');
    expect(await logs.innerText()).not.toMatch(RAW_CONTROL);

    await logs.getByRole('tab', { name: 'Records' }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    // the file's 4th record: the first on the hostile stream
    const row = records.locator('[role=row][aria-rowindex="5"]');
    await expect(row.getByRole('gridcell').nth(3)).toHaveAttribute('title', EVIL);
    await row.click();
    const details = logs.getByRole('complementary', { name: 'Record details' });
    await expect(details).toContainText(EVIL);
    await expect(details).toContainText('pay"ment\\u000acaptured\\u0007');
    expect(await logs.innerText()).not.toMatch(RAW_CONTROL);
    await shot(page, 'hostile-records');

    await logs.getByRole('tab', { name: 'Streams' }).click();
    await expect(logs.getByRole('region', { name: 'Streams' }).getByRole('button', { name: EVIL })).toBeVisible();
    await logs.getByRole('tab', { name: 'Timeline' }).click();
    await expect(logs.getByText(EVIL, { exact: true })).toBeVisible();
    await logs.getByRole('tab', { name: 'Causation graph' }).click();
    await expect(logs.getByRole('group', { name: `Event pay"ment\\u000acaptured\\u0007, ${EVIL} @3 2026-03-13T22:00:02.400555Z` })).toBeVisible();
    expect(await logs.innerText()).not.toMatch(RAW_CONTROL);
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`Records finds a flow, a header and a cause by text, a stream by a part of its id; a record's details show its metadata and link its cause, its flow and what it caused (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const logs = await openLog(page, fixture('marten-incident.jsonl'), '26 events');
    await logs.getByRole('tab', { name: 'Records' }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    const count = records.locator('.count');
    await expect(count).toHaveText('28 records');
    const text = records.getByLabel('Filter by text');
    await expect(text).toHaveAttribute('placeholder', 'id, type, data, metadata…');
    await text.fill('180413ea');
    await expect(count).toHaveText('7 records');
    await text.fill('x-retry');
    await expect(count).toHaveText('1 record');
    await text.fill('b0e28193');
    await expect(count).toHaveText('3 records');
    await text.fill('');
    await records.getByLabel('Filter by stream').fill('6D7675C8');
    await expect(count).toHaveText('6 records');
    await shot(page, 'filter-stream-part');
    await records.getByLabel('Filter by stream').fill('');
    await expect(count).toHaveText('28 records');

    // the retried capture: its headers as metadata, its cause a link
    await records.getByLabel('Go to record').fill('22');
    await records.getByRole('button', { name: 'Go to record' }).click();
    const details = logs.getByRole('complementary', { name: 'Record details' });
    await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #22');
    await expect(details.getByLabel('Metadata')).toContainText('"x-retry": "1"');
    await expect(details.getByLabel('Metadata')).toContainText('"webhook-id": "wh_809d2d4c5a"');
    await shot(page, 'record-metadata');
    await details.getByRole('button', { name: 'b0e28193-fb09-7515-8ace-704926fb4660' }).click();
    await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #20');
    const caused = details.getByRole('list', { name: 'Records it caused' });
    await expect(caused.getByRole('button')).toHaveText(['#21 payment_captured · 6d7675c8-25bf-7797-88e2-0220836f5825', '#22 payment_captured · 6d7675c8-25bf-7797-88e2-0220836f5825']);
    await details.getByRole('button', { name: 'show them in Records' }).click();
    await expect(records.getByRole('group', { name: 'Records caused by b0e28193-fb09-7515-8ace-704926fb4660' })).toBeVisible();
    await expect(count).toHaveText('2 records');
    await shot(page, 'record-caused');
    await details.getByRole('button', { name: 'req-180413ea20d90f1f283b' }).click();
    await expect(records.getByRole('group', { name: 'Records of the flow req-180413ea20d90f1f283b' })).toBeVisible();
    await expect(count).toHaveText('7 records');
    await records.getByRole('button', { name: 'Remove the flow filter' }).click();
    await expect(count).toHaveText('28 records');

    // the order: caused by an HTTP request kept elsewhere
    await records.getByLabel('Go to record').fill('17');
    await records.getByRole('button', { name: 'Go to record' }).click();
    await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #17');
    await expect(details).toContainText('(not in this log)');
    await expect(caused.getByRole('button')).toHaveText([/^#18 stock_reserved/, /^#20 payment_authorized/]);
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`an archived Marten row is said to be archived, not counted as a stream with events, and kept out of the Timeline's first view; the graph draws an orphan cause as not in this log, its counts agreeing (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const logs = await openLog(page, fixture('marten-incident.jsonl'), '26 events');
    const read = logs.getByRole('region', { name: 'How the log was read' });
    await expect(read).toContainText('28 records: 26 events · 0 commands · 1 archived record · 1 redelivery');
    await expect(read).toContainText('11 streams with events · 1 with archived records only');
    await shot(page, 'summary-archived');

    await logs.getByRole('tab', { name: 'Streams' }).click();
    const streams = logs.getByRole('region', { name: 'Streams' });
    await expect(streams.getByRole('heading')).toContainText('11with events, and 1 with archived records only');
    await expect(streams.getByRole('row', { name: /6d183329/ })).toContainText('0 (archived)');
    await streams.getByRole('row', { name: /6d183329/ }).scrollIntoViewIfNeeded();
    await shot(page, 'streams-archived');

    await logs.getByRole('tab', { name: 'Timeline' }).click();
    const inView = logs.getByTitle('Time in view');
    await expect(inView).toHaveText('2026-03-13T21:00:00.000Z – 2026-03-14T05:02:14.623Z');
    const aside = logs.getByRole('note').filter({ hasText: "Showing the events' time" });
    await expect(aside).toContainText("1 archived record outside the events' time");
    await shot(page, 'timeline-events-time');
    await aside.getByRole('button', { name: 'Show all' }).click();
    await expect(inView).toHaveText(/^2026-02-01T22:00:00\.000Z – /);
    await expect(aside).toHaveCount(0);
    await logs.getByRole('button', { name: 'Fit' }).click();
    await expect(inView).toHaveText(/^2026-03-13T21:00:00\.000Z – /);

    await logs.getByRole('tab', { name: 'Causation graph' }).click();
    await expect(logs.getByTestId('graph-count')).toHaveText(/^27 nodes \(1 repeated id drawn once\) · 7 causes not in this log/);
    await expect(logs.getByRole('group', { name: 'Part of the graph' })).toHaveCount(0);
    const orphan = logs.getByRole('group', { name: 'Cause http-db87cee52504ca57, not in this log' });
    await expect(orphan).toBeVisible();
    await orphan.click();
    await expect(logs.getByRole('complementary', { name: 'Node details' })).toContainText('No record of this log has this id');
    await shot(page, 'graph-orphan-cause');
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`with the team's domain, the Invariant violations card comes first, the Anomalies next, and a violating record's state before and after takes the room it needs; the Start page opens Logs (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const start = page.getByRole('region', { name: 'Inspect an event log' });
    await expect(start).toBeVisible();
    await shot(page, 'start-logs-entry');
    await start.getByRole('button', { name: 'Open an event log' }).click();
    await expect(page.getByRole('region', { name: 'Logs', exact: true })).toBeVisible();

    await openModule(page, 'shop.ts', readFileSync(new URL('../fixtures/modules/shop/shop.ts', import.meta.url), 'utf8'), 'Shop (payments + inventory)');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
    const logs = page.getByRole('region', { name: 'Logs', exact: true });
    await logs.getByLabel('Log file').setInputFiles(fixture('marten-orders.jsonl'));
    await expect(logs.getByRole('status').first()).toContainText('20 events', { timeout: 20_000 });
    await logs.getByLabel('Domain').selectOption('shop.ts');
    await expect(logs.getByRole('status').first()).toContainText('1 invariant violation', { timeout: 30_000 });

    const cards = logs.locator('.summary > section');
    await expect(cards.first()).toHaveAttribute('aria-label', 'Invariant violations');
    const violations = logs.getByRole('region', { name: 'Invariant violations' });
    await expect(violations.getByRole('heading')).toBeInViewport();
    await expect(cards.nth(1)).toHaveAttribute('aria-label', 'Anomalies');
    await expect(logs.getByRole('region', { name: 'Anomalies' }).getByRole('heading', { level: 3 })).toBeInViewport();
    await shot(page, 'summary-violations-first');

    await violations.getByRole('button', { name: 'line 21' }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    const details = logs.getByRole('complementary', { name: 'Record details' });
    await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #21');
    await expect(details.getByText('after', { exact: true })).toBeVisible();
    const table = (await records.boundingBox())!;
    // the states are whole, never in a box of their own that scrolls
    for (const state of await details.locator('pre.state').all()) expect(await state.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await details.getByText('after', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, 'violation-record');
    // another record selected: the table stays where it was
    await records.getByLabel('Go to record').fill('20');
    await records.getByRole('button', { name: 'Go to record' }).click();
    await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #20');
    expect((await records.boundingBox())!.height).toBe(table.height);
  });
}
