/**
 * Logs → Connect… in web mode: a JetStream stream read over WebSocket (nats-server's websocket
 * listener, started here on loopback), tailed while new messages arrive, stopped with what was
 * read kept; the engines a browser cannot reach are explained. Needs nats-server
 * (`bash scripts/servers/install.sh`).
 */
import { test, expect, type Page } from '@playwright/test';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { natsForSpec } from './natsServer';
import { views } from './flows';
import { connectWithLibrary, LIBRARY, openModule } from './libraryModule';

const server = natsForSpec();

const cloudEvent = (n: number, type: string) => JSON.stringify({ specversion: '1.0', id: `e-${n}`, source: '/shop', type, subject: `order-${Math.ceil(n / 2)}`, time: `2026-03-01T10:00:0${n}Z`, data: { n } });

async function publish(stream: string, from: number, to: number): Promise<void> {
  const nc = await connect({ servers: server.url });
  const js = jetstream(nc);
  for (let n = from; n <= to; n++) await js.publish(`${stream}.orders`, cloudEvent(n, n % 2 ? 'OrderPlaced' : 'OrderPaid'), { msgID: `e-${n}` });
  await nc.close();
}

async function openLogs(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

test('Connect… tails a JetStream stream over WebSocket, keeps what was read when stopped, and explains what a browser cannot reach', async ({ page }) => {
  const nc = await connect({ servers: server.url });
  await (await jetstreamManager(nc)).streams.add({ name: 'SHOP', subjects: ['SHOP.>'] });
  await nc.close();
  await publish('SHOP', 1, 3);

  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Connect…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
  await expect(dialog.getByRole('note')).toContainText('only NATS JetStream over WebSocket can be reached');
  const url = dialog.getByRole('textbox', { name: 'URL' });
  await expect(url).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/connect-1440.png' });

  /** Connects to `text` and returns the dialog's alert. */
  const tryUrl = async (text: string) => {
    await url.fill(text);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    return dialog.getByRole('alert');
  };
  // a store a browser cannot open: said beside the connection, password hidden
  await expect(await tryUrl('postgres://app:hunter2@db.example:5432/events?store=emmett')).toHaveText('postgres://app:***@db.example:5432/events?store=emmett: a browser cannot open a PostgreSQL connection: read it in the desktop app, or with purestream inspect on the command line');
  // a password typed with characters a URL reserves: hidden whole, what is wrong said
  await expect(await tryUrl('postgres://app:hunter2@TopSecretTail@db.example:5432/events?store=emmett')).toHaveText('postgres://app:***@db.example:5432/events?store=emmett: a browser cannot open a PostgreSQL connection: read it in the desktop app, or with purestream inspect on the command line');
  await expect(await tryUrl('ws://app:Hunter2/Secret@127.0.0.1:1/SHOP')).toHaveText('ws://app:***@127.0.0.1:1/SHOP: the password has a / ? or # in it, which must be percent-encoded (%2F %3F %23; an @ is %40)');
  await expect(await tryUrl('ws://app:50%off@127.0.0.1:1/SHOP')).toHaveText('ws://app:***@127.0.0.1:1/SHOP: malformed percent-encoding in the password: a % must start a %XX escape (a % itself is %25)');
  // nothing listens there: the same place says so
  await expect(await tryUrl('ws://127.0.0.1:1/SHOP')).toContainText('ws://127.0.0.1:1/SHOP: cannot connect');
  // no stream: the example is in the scheme typed (a browser refuses nats://)
  await expect(await tryUrl('ws://127.0.0.1:4523')).toHaveText('ws://127.0.0.1:4523: no stream: ws://host:port/STREAM');
  // an empty URL replaces the last failure with what to do
  await expect(await tryUrl('')).toHaveText('enter a URL: ws://host:port/STREAM');
  await expect(url).toBeFocused();

  await url.fill(`${server.wsUrl}/SHOP`);
  await dialog.getByRole('radio', { name: 'stopped: keep tailing new records' }).check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toBeHidden();
  const live = logs.getByRole('status', { name: 'Live read' });
  await expect(live).toContainText('tailing');
  await expect(live).toContainText('3 records · position 3');
  await expect(live).toContainText('up to date, waiting for new records');

  // while the tail is live, the summary follows it: the report so far, every second or so
  const readAs = logs.getByRole('region', { name: 'How the log was read' });
  const types = logs.getByRole('region', { name: 'Types' });
  await expect(readAs).toContainText('3 events');
  await expect(types.getByRole('row', { name: /^OrderPlaced/ })).toHaveText(/OrderPlaced\s*2/);
  await publish('SHOP', 4, 5);
  await expect(live).toContainText('5 records · position 5');
  await expect(readAs).toContainText('5 events');
  await expect(types.getByRole('row', { name: /^OrderPlaced/ })).toHaveText(/OrderPlaced\s*3/);
  await expect(types.getByRole('row', { name: /^OrderPaid/ })).toHaveText(/OrderPaid\s*2/);
  await expect(live).toContainText('tailing');
  await page.screenshot({ path: 'test-results/screenshots/connect-tailing-summary-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/connect-tailing-summary-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  // the streams and the records too, and the timeline reads the records stored so far
  const tabs = logs.getByRole('tablist', { name: 'Parts of the log' });
  await tabs.getByRole('tab', { name: 'Streams' }).click();
  const streams = logs.getByRole('region', { name: 'Streams' });
  await expect(streams).toContainText('order-3');
  await tabs.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = logs.getByRole('application', { name: /^Records over time/ });
  await expect(timeline).toBeVisible();
  await expect(logs.getByTitle('order-3', { exact: true })).toBeVisible();
  await publish('SHOP', 6, 7);
  await expect(logs.getByTitle('order-4', { exact: true })).toBeVisible();
  await expect(live).toContainText('tailing');
  await page.screenshot({ path: 'test-results/screenshots/connect-tailing-timeline-1440.png' });
  await tabs.getByRole('tab', { name: 'Causation graph' }).click();
  await expect(logs.locator('.svelte-flow__node')).toHaveCount(7);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/connect-tailing-graph-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await tabs.getByRole('tab', { name: 'Streams' }).click();
  await expect(streams).toContainText('order-4');
  await tabs.getByRole('tab', { name: 'Records' }).click();
  await expect(logs.getByRole('region', { name: 'Records of the log' })).toContainText('7 records');
  await page.screenshot({ path: 'test-results/screenshots/connect-tailing-1440.png' });

  // Stop closes the WebSocket cleanly: the browser logs nothing about the close (nats-server 2.9 answers a close without status with the reserved 1005, which Chromium logs)
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await live.getByRole('button', { name: 'Stop' }).click();
  await expect(logs.getByRole('status').filter({ hasText: 'events read' })).toContainText('7 events read: no anomalies', { timeout: 20_000 });
  await expect(live).toContainText('7 records from');
  await expect(live).toContainText('last position 7');
  await tabs.getByRole('tab', { name: 'Summary' }).click();
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('jetstream');
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('OrderPlaced');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/connect-done-1280.png' });
  expect(consoleErrors).toEqual([]);

  // read on: the recent connection is offered, from the position reached
  await publish('SHOP', 8, 8);
  await live.getByRole('button', { name: 'Read on from here…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Position or time' })).toHaveValue('7');
  await expect(dialog.getByRole('region', { name: 'Recent connections' })).toContainText(`${server.wsUrl}/SHOP`);
  await page.screenshot({ path: 'test-results/screenshots/connect-1280.png' });
  await dialog.getByRole('radio', { name: 'the head: what is there now' }).check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(logs.getByRole('status').filter({ hasText: /events? read/ })).toContainText('1 event read', { timeout: 20_000 });
  await expect(live).toContainText('last position 8');
  // the one record read on is the stream's sequence 8, the first of this read: the Records table says its sequence
  await logs.getByRole('tablist', { name: 'Parts of the log' }).getByRole('tab', { name: 'Records' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  await expect(records.getByRole('columnheader').nth(1)).toHaveText('sequence');
  const first = records.locator('[role=row][aria-rowindex="2"]').getByRole('gridcell');
  await expect(first.nth(0)).toHaveText('1');
  await expect(first.nth(1)).toHaveText('8');
});

test('Connect… reads a JetStream stream with a domain module: checked in the module\'s worker as it is tailed, and Cancel keeps nothing', async ({ page }) => {
  const nc = await connect({ servers: server.url });
  await (await jetstreamManager(nc)).streams.add({ name: 'LIB', subjects: ['LIB.>'] });
  const js = jetstream(nc);
  const book = async (n: number, type: string, data: Record<string, string>) =>
    js.publish('LIB.books', JSON.stringify({ specversion: '1.0', id: `b-${n}`, source: '/library', type, subject: `book:${data.bookId}`, time: `2026-03-01T10:00:0${n}Z`, data }), { msgID: `b-${n}` });
  await book(1, 'BookAdded', { bookId: 'b1' });
  await book(2, 'BookLent', { bookId: 'b1', member: 'ada' });

  const { logs, dialog } = await connectWithLibrary(page, `${server.wsUrl}/LIB`, 'stopped: keep tailing new records');
  await expect(dialog).toBeHidden();
  const live = logs.getByRole('status', { name: 'Live read' });
  await expect(live).toContainText('2 records · position 2', { timeout: 30_000 });
  await expect(logs.getByRole('region', { name: 'How the log was read' })).toContainText('2 events');
  const headline = logs.locator('.log-head .health');
  await expect(headline).toHaveText('reading 2 events so far: no anomalies, every invariant holds');
  // the domain is named as the Domain menu names it, while it reads as once it has read
  const domainRead = logs.getByRole('region', { name: 'How the log was read' }).locator('dd').nth(2);
  await expect(domainRead).toHaveText('library.ts');

  // the module's invariant follows the tail: a second loan of b1 breaks it
  await book(3, 'BookLent', { bookId: 'b1', member: 'alan' });
  await nc.close();
  const violations = logs.getByRole('region', { name: 'Invariant violations' });
  await expect(violations).toContainText('b1 is lent to ada and alan', { timeout: 15_000 });
  // the headline counts what was found so far as the finished one will: the violation, not "0 anomalies"
  await expect(headline).toHaveText('reading 1 invariant violation in 3 events so far');
  await page.screenshot({ path: 'test-results/screenshots/connect-module-tailing-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/connect-module-tailing-1280.png' });
  await live.getByRole('button', { name: 'Stop' }).click();
  await expect(logs.getByRole('status').filter({ hasText: 'violation' })).toContainText('1 invariant violation in 3 events', { timeout: 20_000 });
  await expect(live).toContainText('3 records from');
  await expect(domainRead).toHaveText('library.ts');
  await expect(violations).toContainText('b1 is lent to ada and alan');
  await expect(logs.getByRole('region', { name: 'Logs in the workspace' })).toContainText('library.ts');
  // a record's stream before and after it is replayed with the module
  // named by its stream sequence, as the command line names it
  await violations.getByRole('button', { name: 'sequence 3' }).click();
  const details = logs.getByRole('complementary', { name: 'Record details' });
  await expect(details).toContainText('Stream book:b1', { timeout: 15_000 });
  await expect(details).toContainText(/before\s*\{\s*"bookId": "b1",\s*"lentTo": \[\s*"ada"\s*\]\s*\}\s*after\s*\{\s*"bookId": "b1",\s*"lentTo": \[\s*"ada",\s*"alan"\s*\]/);

  // read again with Cancel: nothing of it is kept
  const stored = await logs.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem').count();
  await logs.getByRole('button', { name: 'Connect…' }).click();
  await dialog.getByRole('textbox', { name: 'URL' }).fill(`${server.wsUrl}/LIB`);
  await dialog.getByRole('radio', { name: 'stopped: keep tailing new records' }).check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(live).toContainText('3 records · position 3', { timeout: 30_000 });
  await live.getByRole('button', { name: 'Cancel' }).click();
  await expect(logs.getByText('The import was stopped; nothing of it was kept.')).toBeVisible({ timeout: 15_000 });
  await expect(live).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/connect-module-cancelled-1280.png' });
  await expect(logs.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem')).toHaveCount(stored);
});

test("a module's fault while it tails a live source ends the read with the module's one-line message, keeping nothing half-stored", async ({ page }) => {
  test.setTimeout(120_000);
  const faulty: [name: string, text: string, message: RegExp][] = [
    ['cursed.ts', LIBRARY.replace("case 'BookLent':", "case 'BookLent': if (event.data.bookId === 'b2') throw new Error('b2 is cursed');"), /^cursed\.ts: evolve threw .*b2 is cursed.*\(at cursed\.ts:\d+\)/],
    // a live read cannot be made again: the watchdog names the function only
    ['spin.ts', LIBRARY.replace("case 'BookLent':", "case 'BookLent': if (event.data.bookId === 'b2') for (;;) {}"), /^spin\.ts: evolve ran for more than 1 second and was stopped/],
  ];
  await page.goto('/');
  for (const [name, text] of faulty) await openModule(page, name, text, 'Library');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  const nc = await connect({ servers: server.url });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  for (const [name, , message] of faulty) {
    const stream = name.replace('.ts', '').toUpperCase();
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    const book = (n: number, type: string, data: Record<string, string>) =>
      js.publish(`${stream}.books`, JSON.stringify({ specversion: '1.0', id: `b-${n}`, source: '/library', type, subject: `book:${data.bookId}`, time: `2026-03-01T10:00:0${n}Z`, data }), { msgID: `b-${n}` });
    await book(1, 'BookAdded', { bookId: 'b2' });
    await logs.getByLabel('Domain').selectOption(name);
    await logs.getByRole('button', { name: 'Connect…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${server.wsUrl}/${stream}`);
    await dialog.getByRole('radio', { name: 'stopped: keep tailing new records' }).check();
    await dialog.getByRole('button', { name: 'Connect' }).click();
    const live = logs.getByRole('status', { name: 'Live read' });
    await expect(live).toContainText('1 record · position 1', { timeout: 30_000 });
    await book(2, 'BookLent', { bookId: 'b2', member: 'grace' });
    const alert = logs.getByRole('alert');
    await expect(alert).toContainText(name, { timeout: 30_000 });
    expect(((await alert.textContent()) ?? '').trim().replace('Could not read the log: ', '')).toMatch(message);
    expect(await alert.textContent()).not.toMatch(/\n\s+at |blob:|\.worker-/);
    // the read ended with the import: nothing is tailed on, and nothing of the log was kept
    await expect(live.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await expect(live.locator('.pill')).toHaveText('failed');
    await expect(logs.getByRole('region', { name: 'Logs in the workspace' })).toHaveCount(0);
  }
  await nc.close();
});

test("a live read that fails on a module's fault says it failed, beside the log read before, which stays as it was read: no green chip, no counts of the failed read as if kept", async ({ page }) => {
  test.setTimeout(120_000);
  const nc = await connect({ servers: server.url });
  await (await jetstreamManager(nc)).streams.add({ name: 'SHELF', subjects: ['SHELF.>'] });
  const js = jetstream(nc);
  const book = (n: number, type: string, data: Record<string, string>) =>
    js.publish('SHELF.books', JSON.stringify({ specversion: '1.0', id: `s-${n}`, source: '/library', type, subject: `book:${data.bookId}`, time: `2026-03-01T10:00:0${n}Z`, data }), { msgID: `s-${n}` });
  await book(1, 'BookAdded', { bookId: 'b1' });
  await book(2, 'BookLent', { bookId: 'b1', member: 'ada' });
  await book(3, 'BookAdded', { bookId: 'b2' });
  await book(4, 'BookLent', { bookId: 'b2', member: 'grace' });
  await book(5, 'BookLent', { bookId: 'b1', member: 'alan' });

  await page.goto('/');
  // evolve throws on a loan to mallory: an event on a stream the module has started, read from the start
  await openModule(page, 'cursed.ts', LIBRARY.replace("case 'BookLent':", "case 'BookLent': if (event.data.member === 'mallory') throw new Error('mallory is cursed');"), 'Library');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
  const readFromStart = async () => {
    await logs.getByRole('button', { name: 'Connect…' }).click();
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${server.wsUrl}/SHELF`);
    await dialog.getByRole('radio', { name: 'the beginning' }).check();
    await dialog.getByRole('radio', { name: 'the head: what is there now' }).check();
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog).toBeHidden();
  };

  // the first read: kept
  await logs.getByLabel('Domain').selectOption('cursed.ts');
  await readFromStart();
  const live = logs.getByRole('status', { name: 'Live read' });
  const headline = logs.getByRole('status').filter({ hasText: 'violation' });
  await expect(headline).toContainText('1 invariant violation in 5 events', { timeout: 30_000 });
  await expect(live).toContainText('5 records from');
  const group = logs.getByRole('group', { name: 'Inspect command line' });
  const before = await group.getByTestId('command-line').textContent();
  expect(before).toContain('--domain ./cursed.ts --from start');

  // a loan to mallory comes; read again from the start: evolve throws on it
  await book(6, 'BookLent', { bookId: 'b2', member: 'mallory' });
  await nc.close();
  await readFromStart();
  const alert = logs.getByRole('alert');
  await expect(alert).toContainText('cursed.ts: evolve threw', { timeout: 30_000 });
  await expect(alert).toContainText('The log below is the one read before: nothing of this read was kept.');
  // the chip says it failed, never "read", and offers nothing to read on from
  await expect(live.locator('.pill')).toHaveText('failed');
  await expect(live).toContainText(`The read of ${server.wsUrl}/SHELF failed after`);
  await expect(live).toContainText('nothing of it was kept');
  await expect(live.getByRole('button', { name: 'Read on from here…' })).toHaveCount(0);
  // the log below is the first read, as it was read: its headline, its reading, its command line
  await expect(headline).toContainText('1 invariant violation in 5 events');
  await expect(logs.getByLabel('Domain')).toHaveValue('cursed.ts');
  await expect(group.getByTestId('command-line')).toHaveText(before!);
  await expect(logs.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem')).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/connect-failed-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/connect-failed-1440.png' });

  // another log opened: the failure is no longer said
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status').filter({ hasText: 'violation' })).toContainText('invariant violation', { timeout: 20_000 });
  await expect(live).toHaveCount(0);
});
