import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

async function openLogs(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

/** Opens the library's CloudEvents fixture in the Logs view and shows its Records: the table and its BookReturned row. */
async function libraryRecords(logs: Locator) {
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/library-cloudevents.jsonl'));
  await expect(logs.getByRole('status')).toContainText('7 events', { timeout: 20_000 });
  await logs.getByRole('tab', { name: 'Records' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  const row = records.getByRole('row').filter({ hasText: 'BookReturned' });
  await expect(row).toBeVisible();
  return { records, row };
}

test('a foreign log opened without a domain shows its types, streams and causation graph', async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/profiles/kafka-kcat.jsonl'));
  // line 8 is line 4 again (a redelivery): counted once
  await expect(logs.getByRole('status')).toContainText('1 anomaly in 7 events', { timeout: 20_000 });
  const read = logs.getByRole('region', { name: 'How the log was read' });
  await expect(read).toContainText('kafka');
  await expect(read).toContainText('/headers/ce_type');
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('com.acme.order.shipped');
  await expect(logs.getByRole('region', { name: 'Anomalies' })).toContainText('duplicate-id');
  // no domain: nothing claims the invariants hold
  await expect(logs.getByRole('region', { name: 'Invariant violations' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/logs-kafka.png' });
  // a domain that reads none of its events: nothing was replayed, which is not "every invariant holds"
  await logs.getByLabel('Domain').selectOption('commerce');
  const violations = logs.getByRole('region', { name: 'Invariant violations' });
  await expect(violations).toContainText("could be read by domain commerce", { timeout: 20_000 });
  await expect(violations).not.toContainText('satisfies every invariant');
  await logs.getByLabel('Domain').selectOption('');
  await expect(logs.getByRole('region', { name: 'Invariant violations' })).toHaveCount(0);

  await logs.getByRole('tab', { name: 'Streams' }).click();
  const streams = logs.getByRole('region', { name: 'Streams' });
  await expect(streams.getByRole('row', { name: /order-3/ })).toContainText('9007199254740992 … 9007199254740993');
  await streams.getByRole('button', { name: 'order-2' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  await expect(records).toContainText('3 records');
  await expect(records.getByLabel('Filter by stream')).toHaveValue('order-2');

  await logs.getByRole('tab', { name: 'Causation graph' }).click();
  await expect(logs.getByText('com.acme.order.placed').first()).toBeVisible();
  // the redelivered record is drawn once, and said so: the graph shows all of the log, not part of it
  await expect(logs.getByTestId('graph-count')).toHaveText(/^7 nodes \(1 repeated id drawn once\)/);
  await expect(logs.getByRole('group', { name: 'Part of the graph' })).toHaveCount(0);
  await expect(logs).toContainText('2026-01-01T00:00:00Z');
  await logs.getByRole('tab', { name: 'Timeline' }).click();
  await expect(logs.getByText('order-1', { exact: true }).first()).toBeVisible();
});

test('Fields used names every pointer a field was read through, and says when the Kafka topic stood in for the type', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-topic-'));
  const kcat = (offset: number, payload: object) => JSON.stringify({ topic: 'loans', partition: 0, offset, ts: 1767607200000 + offset, key: 'b1', payload: JSON.stringify(payload) });
  writeFileSync(join(dir, 'loans.jsonl'), [kcat(0, { type: 'BookLent', book: 'b1' }), kcat(1, { type: 'BookLent', book: 'b2' }), kcat(2, { book: 'b3' })].join('\n') + '\n');
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'loans.jsonl'));
  await expect(logs.getByRole('status')).toContainText('3 events', { timeout: 20_000 });
  const type = logs.getByRole('region', { name: 'How the log was read' }).getByRole('listitem').filter({ hasText: /^\s*type\b/ });
  await expect(type).toHaveText(/\/payload\/type \(2 records\), \/topic \(1 record; the topic: no type header or payload type\)/);
});

test('a log of which nothing is understood shows a warning, not green; a mapping chosen in the dialog reads it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-map-'));
  const file = join(dir, 'audit.jsonl');
  writeFileSync(
    file,
    [
      { what: 'Opened', acct: 'a-1', at_utc: '2026-02-01T10:00:00Z', body: { limit: 5 } },
      { what: 'Deposited', acct: 'a-1', at_utc: '2026-02-01T10:01:00Z', body: { amount: 3 } },
      { what: 'Opened', acct: 'a-2', at_utc: '2026-02-01T10:02:00Z', body: { limit: 0 } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(file);
  const status = logs.getByRole('status');
  await expect(status).toContainText('Nothing was read as an event', { timeout: 20_000 });
  await expect(status).toContainText('without an event type');
  await expect(status.locator('.pill')).toHaveText('not understood');
  await expect(status.locator('.pill.ok')).toHaveCount(0);

  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  await dialog.getByLabel('type: where from').selectOption('pointer');
  // a pointer that is not one is refused before anything is read: said at the top, Apply stays off
  await dialog.getByLabel('type: JSON Pointer').fill('what');
  await expect(dialog.getByRole('alert')).toContainText('JSON Pointer');
  await expect(dialog.getByRole('button', { name: 'Apply and inspect' })).toBeDisabled();
  await dialog.getByLabel('type: JSON Pointer').fill('/what');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('stream: where from').selectOption('pointer');
  await dialog.getByLabel('stream: JSON Pointer').fill('/acct');
  // the preview reads the first records the new way as they are edited
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('row').nth(1)).toContainText('Opened');
  await expect(preview.getByRole('row').nth(1)).toContainText('a-1');
  await page.screenshot({ path: 'test-results/screenshots/logs-mapping.png' });
  await dialog.getByRole('button', { name: 'Apply and inspect' }).click();
  await expect(status).toContainText('3 events read', { timeout: 20_000 });
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('Deposited');
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('/what');
});

test('an anomaly clicked lands on its row; a domain chosen afterwards replays the stored log, and a row shows its stream before and after', async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/anomalies.jsonl'));
  const anomalies = logs.getByRole('region', { name: 'Anomalies' });
  await expect(anomalies).toContainText('not JSON', { timeout: 20_000 });
  await anomalies.getByRole('button', { name: 'line 3' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  const row = records.locator('.row.hl');
  await expect(row).toHaveAttribute('aria-rowindex', '4');
  await expect(row).toContainText('malformed');
  const details = logs.getByRole('complementary', { name: 'Record details' });
  await expect(details).toContainText('Record #3 on line 3');
  await expect(details).toContainText('this is not json');

  // choose the domain afterwards: the stored log is inspected again at once
  await logs.getByLabel('Domain').selectOption('commerce');
  await expect(logs.getByRole('status')).toContainText('anomalies', { timeout: 20_000 });
  await logs.getByRole('tab', { name: 'Summary' }).click();
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('commerce');
  await expect(logs.getByRole('region', { name: 'Anomalies' })).toContainText('unknown-type');
  await logs.getByRole('tab', { name: 'Records' }).click();
  await records.locator('.row[aria-rowindex="3"]').click();
  await expect(details).toContainText('Stream stock:tee@main');
  await expect(details).toContainText('(none yet: a new stream)');
  await expect(details).toContainText('"stock": 5');
  await page.screenshot({ path: 'test-results/screenshots/logs-domain.png' });
});

test('the sample log with its domain: violations and drift, and both logs kept in the workspace', async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  await expect(logs.getByRole('region', { name: 'Invariant violations' })).toContainText('stock-non-negative');
  await expect(logs.getByRole('region', { name: 'Decision drift' })).toContainText('order-cancelled');
  await logs.getByRole('region', { name: 'Invariant violations' }).getByRole('button').first().click();
  await expect(logs.getByRole('complementary', { name: 'Record details' })).toContainText('"stock": -1', { timeout: 15_000 });
  // the record says which invariant it broke
  await expect(logs.getByRole('list', { name: 'Invariants this record broke' })).toContainText('⚠ broke stock-non-negative');
  await page.screenshot({ path: 'test-results/screenshots/log-record-broke.png' });
  // a drift entry links to its command's record
  await logs.getByRole('tab', { name: 'Summary' }).click();
  await logs.getByRole('region', { name: 'Decision drift' }).getByRole('listitem').filter({ hasText: 'warehouse-7' }).getByRole('button').click();
  await expect(logs.getByRole('complementary', { name: 'Record details' })).toContainText('warehouse-7', { timeout: 15_000 });
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/acme-orders.ndjson'));
  await expect(logs.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  // the sample's domain was for the sample alone: the next file is read as the user chose (no domain)
  await expect(logs.getByLabel('Domain')).toHaveValue('');
  await logs.getByRole('tab', { name: 'Summary' }).click();
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('none');
});

test("the sample log's headline names its decision drift and links to the panel; a drifting command's details say how it is decided now", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  const headline = logs.getByRole('status');
  await expect(headline).toContainText("1 invariant violation and 4 anomalies in 211 events, 4 decisions today's rules decide otherwise and 102 stale decisions.", { timeout: 20_000 });
  // the record count adds up, and "0 roots" says why
  const read = logs.getByRole('region', { name: 'How the log was read' });
  await expect(read).toContainText('411 records: 211 events · 153 commands · 46 rejections · 1 redelivery');
  await expect(read).toContainText('0 root events (every event has a cause) · 0 orphans');
  const drift = logs.getByRole('region', { name: 'Decision drift' });
  await expect(drift).not.toBeInViewport();
  await headline.getByRole('button', { name: "4 decisions today's rules decide otherwise" }).click();
  await expect(drift).toBeInViewport();
  await expect(drift).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/logs-drift-headline-1280.png' });
  await drift.getByRole('listitem').filter({ hasText: 'warehouse-7' }).getByRole('button').click();
  const details = logs.getByRole('complementary', { name: 'Record details' });
  await expect(details).toContainText('warehouse-7', { timeout: 15_000 });
  await expect(details.getByRole('heading', { level: 3 })).toHaveText(/^Record #410 on line 411\s+command$/);
  await expect(details.getByRole('list', { name: "How today's rules decide this command" })).toHaveText(/^⚠ decided otherwise now\s*recorded OrderShipped → now rejected: order-cancelled\s*order o-3 was cancelled$/);
  await page.screenshot({ path: 'test-results/screenshots/logs-drift-record-1280.png' });
});

test("the map's type pointer overrides the detected profile: preview, result and Fields used agree", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/acme-orders.ndjson'));
  await expect(logs.getByRole('status')).toContainText('4 events', { timeout: 20_000 });
  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  await dialog.getByLabel('type: where from').selectOption('pointer');
  await dialog.getByLabel('type: JSON Pointer').fill('/source');
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('row').nth(1)).toContainText('https://shop.acme.example/inventory');
  await expect(preview.getByRole('row').nth(1)).not.toContainText('ItemRestocked');
  await dialog.getByRole('button', { name: 'Apply and inspect' }).click();
  const types = logs.getByRole('region', { name: 'Types' });
  await expect(types).toContainText('https://shop.acme.example/orders', { timeout: 20_000 });
  await expect(types).not.toContainText('com.acme.inventory.ItemRestocked');
  const read = logs.getByRole('region', { name: 'How the log was read' });
  await expect(read).toContainText('cloudevents');
  await expect(read.getByRole('listitem').filter({ hasText: /^type\s/ })).toHaveText(/^type\s+\/source$/);
});

test('the Mapping dialog at 1280×720: a rename to a type the domain lacks keeps Apply off like a syntax error; the footer stays in sight; type and stream are not cut', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/acme-orders.ndjson'));
  await expect(logs.getByRole('status')).toContainText('4 events', { timeout: 20_000 });
  await logs.getByLabel('Domain').selectOption('commerce');
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('commerce', { timeout: 20_000 });
  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  const apply = dialog.getByRole('button', { name: 'Apply and inspect' });
  const renames = dialog.getByLabel('Type renames');

  await renames.fill('<img src=x onerror=alert(1)> = ../../etc/passwd');
  await expect(dialog.getByRole('alert')).toContainText('is not an event type of commerce');
  await expect(apply).toBeDisabled();
  // the footer lies inside the dialog and inside the window, the banner shown
  const box = (await dialog.boundingBox())!;
  const button = (await apply.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(button.y + button.height).toBeLessThanOrEqual(box.y + box.height);
  await page.screenshot({ path: 'test-results/screenshots/logs-mapping-problem.png' });

  await renames.fill('no equals sign');
  await expect(dialog.getByRole('alert')).toContainText('write "their type = our type"');
  await expect(apply).toBeDisabled();
  await renames.fill('com.acme.orders.v2.order.placed = OrderPlaced');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(apply).toBeEnabled();

  // the preview's type and stream values show whole
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('row').nth(1)).toContainText('https://shop.acme.example/inventory');
  const cut = await preview.locator('tbody td').evaluateAll((cells) => cells.filter((c) => /^(com\.acme|https:)/.test(c.textContent ?? '') && c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(cut).toEqual([]);
  await apply.click();
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('OrderPlaced', { timeout: 20_000 });
});

test("a log whose header names a bundled domain offers to replay with it, one click; the workspace list counts events and malformed records alike; a binary file is said not to be UTF-8 text", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/anomalies.jsonl'));
  await expect(logs.getByRole('status')).toContainText('anomalies', { timeout: 20_000 });
  const replay = logs.getByRole('button', { name: "Replay with commerce (named by the log's header)" });
  await expect(logs.getByLabel('Domain')).toHaveValue('');
  await replay.click();
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('commerce', { timeout: 20_000 });
  await expect(logs.getByLabel('Domain')).toHaveValue('commerce');
  await expect(replay).toHaveCount(0);

  const dir = mkdtempSync(join(tmpdir(), 'purestream-broken-'));
  writeFileSync(join(dir, 'broken.json'), '{"id":"e1","type":"Placed"\n');
  await logs.getByLabel('Domain').selectOption('');
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'broken.json'));
  const status = logs.getByRole('status');
  await expect(status).toContainText('1 record malformed, on line 1: the record starting on line 1 is not complete at the end of the file (a missing "}" or "]"); is it an event log?', { timeout: 20_000 });
  const stored = logs.getByRole('region', { name: 'Logs in the workspace' });
  await expect(stored.getByRole('listitem').filter({ hasText: 'anomalies.jsonl' })).toContainText('8 events · 1 malformed');
  await expect(stored.getByRole('listitem').filter({ hasText: 'broken.json' })).toContainText('0 events · 1 malformed');

  writeFileSync(join(dir, 'image.png'), Buffer.concat([Buffer.from([0x89]), Buffer.from('PNG\r\n'), Buffer.from([0x1a, 0x0a, 0, 0, 0xff])]));
  await logs.getByLabel('Log file').setInputFiles(join(dir, 'image.png'));
  await expect(logs.getByRole('alert')).toContainText('image.png is not UTF-8 text: byte 0x89 at byte offset 0, line 1', { timeout: 20_000 });
  await expect(logs).not.toContainText('Unexpected token');
});

test("a CloudEvents log whose source names a bundled domain offers to replay with it, one click, and the replay finds the oversell", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('samples/logs/flash-sale-oversell.cloudevents.json'));
  await expect(logs.getByRole('status')).toContainText('events', { timeout: 20_000 });
  await expect(logs.getByLabel('Domain')).toHaveValue('');
  await expect(logs.getByRole('region', { name: 'Invariant violations' })).toHaveCount(0);
  const replay = logs.getByRole('button', { name: "Replay with commerce (named by the log's CloudEvents source)" });
  await expect(replay).toBeVisible();
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/logs-source-domain-${width}.png` });
  }
  await replay.click();
  await expect(logs.getByLabel('Domain')).toHaveValue('commerce', { timeout: 20_000 });
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('commerce', { timeout: 20_000 });
  await expect(logs.getByRole('region', { name: 'Invariant violations' })).toContainText('stock-non-negative');
  await expect(replay).toHaveCount(0);
});

test('at 1280×720 the Records table shows whole times and streams, the data the rest; a graph node keeps the end of a long type, whole in its name', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const logs = await openLogs(page);
  const { row } = await libraryRecords(logs);
  const cells = row.getByRole('gridcell');
  // time (UTC) and stream whole, not cut by the column
  await expect(cells.nth(2)).toHaveText('2026-01-05T10:00:06.123456Z');
  await expect(cells.nth(3)).toHaveText('book:tolkien-the-hobbit');
  for (const k of [2, 3]) expect(await cells.nth(k).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // the type keeps its last part where it is shortened; the whole type and data are in the tooltips
  await expect(cells.nth(5)).toHaveText(/(^|…|\.)BookReturned$/);
  await expect(cells.nth(5)).toHaveAttribute('title', 'com.example.library.BookReturned');
  await expect(cells.nth(6)).toHaveAttribute('title', 'member=m-0 loanId=loan-0');
  // the same with times in the machine's zone
  await logs.getByLabel('local time').check();
  await expect.poll(() => cells.nth(2).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(cells.nth(2)).toHaveText(/^2026-01-05 \d\d:\d\d:06\.123456 [+-]\d\d:\d\d$/);

  await logs.getByRole('tab', { name: 'Causation graph' }).click();
  const node = logs.getByRole('group', { name: /^Event com\.example\.library\.BookReturned, / });
  await expect(node).toBeVisible();
  await expect(node.locator('.label')).toHaveText(/^….*library\.BookReturned$/);
  expect(await node.locator('.label').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(node.locator('.flow-node')).toHaveAttribute('title', /^com\.example\.library\.BookReturned — /);
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height} with a sample's lesson open, the Records table shows every column and its filters; the record's details go below when beside it they would cut the columns`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: /^Flash sale/ }).click();
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
    // the lesson folds to its strip in Logs; unfolded there, it takes its room again
    await page.getByRole('button', { name: 'Show the lesson' }).click();
    await expect(page.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
    const logs = page.getByRole('region', { name: 'Logs', exact: true });
    const { records, row } = await libraryRecords(logs);
    await row.click();
    await expect(page.getByRole('complementary', { name: 'Record details' })).toContainText('Record #7');
    await page.screenshot({ path: `test-results/screenshots/logs-records-lesson-${size.width}.png` });

    const table = (await records.boundingBox())!;
    const inside = async (name: string, box: { x: number; y: number; width: number; height: number } | null) => {
      expect(box, name).not.toBeNull();
      expect(box!.x, `${name} starts inside the table`).toBeGreaterThanOrEqual(table.x);
      expect(box!.x + box!.width, `${name} ends inside the table (${table.x + table.width})`).toBeLessThanOrEqual(table.x + table.width);
      expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(size.width);
    };
    for (const name of ['Filter by type', 'Filter by stream', 'Filter by text', 'Go to record']) await inside(name, await records.getByLabel(name, { exact: true }).boundingBox());
    for (const name of ['type', 'data']) await inside(`the ${name} column`, await records.getByRole('columnheader', { name, exact: true }).boundingBox());
    // the whole type and the start of the data read in the row, nothing cut at the table's edge
    await expect(row.getByRole('gridcell').nth(5)).toHaveText(/BookReturned$/);
    await inside('the data cell', await row.getByRole('gridcell').nth(6).boundingBox());
    expect(await records.locator('[role="row"]').first().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // the details beside the table or below it, never over it
    const details = (await page.getByRole('complementary', { name: 'Record details' }).boundingBox())!;
    expect(details.x >= table.x + table.width || details.y >= table.y + table.height).toBe(true);
  });
}

test("the sample log's graph marks the event that broke an invariant and its command; a button shows it, though it is far down the graph", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  await logs.getByRole('tab', { name: 'Causation graph' }).click();
  await logs.getByRole('button', { name: 'Show the invariant violation' }).click();
  const event = logs.getByRole('group', { name: /^Event purestream\.commerce\.StockReserved, stock:tee@main .*, broke stock-non-negative$/ });
  await expect(event).toBeVisible();
  await expect(event).toContainText('broke stock-non-negative');
  const details = logs.getByRole('complementary', { name: 'Node details' });
  await expect(details.getByRole('region', { name: 'Invariants broken' })).toContainText('stock-non-negative on stock:tee@main: stock of tee@main is -1');
  await expect(logs.getByRole('group', { name: /^Command \S*PlaceOrder, .*broke stock-non-negative$/ })).toHaveCount(1);
});

test("the sample log (CloudEvents of commerce) read with another domain: its note names the events' source and the domain to replay it with", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  await logs.getByLabel('Domain').selectOption('profiles');
  await logs.getByRole('tab', { name: 'Summary' }).click();
  await expect(logs.getByRole('paragraph').filter({ hasText: "the log's CloudEvents source" })).toHaveText(
    'note the log\'s CloudEvents source "/purestream/commerce" names domain "commerce"; it was replayed with domain "profiles", as chosen; "profiles" does not know some of its types: replay it with domain "commerce" instead',
    { timeout: 20_000 },
  );
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/logs-other-domain-note-${width}.png` });
  }
});
