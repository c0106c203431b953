/**
 * What a platform engineer's trial found missing in the Logs and Domains views: the Streams list
 * and the Timeline mark what broke an invariant, as Records marks its row; a live source's
 * records are named by their place in the broker (`sequence 5`), as the command line names them,
 * not by their number in the read; and a module being opened shows that it is working. Needs
 * nats-server (`bash scripts/servers/install.sh`).
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { natsForSpec } from './natsServer';
import { views } from './flows';
import { connectWithLibrary, LIBRARY, moduleFile } from './libraryModule';

const SHOTS = process.env.SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()!.width}.png`) });
}

async function openLogs(page: Page) {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

test("the sample log's stream that broke an invariant is marked in Streams, and its record on the Timeline", async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });

  await logs.getByRole('tab', { name: 'Streams' }).click();
  const streams = logs.getByRole('region', { name: 'Streams' });
  const tee = streams.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: 'stock:tee@main' }) });
  // the mark says what it is in words (seen and heard), the record's own words in its tooltip
  await expect(tee.getByRole('rowheader')).toContainText('⚠ 1 invariant violation');
  await expect(tee.getByText('⚠ 1 invariant violation')).toHaveAttribute('title', /broke stock-non-negative/);
  await expect(streams.getByRole('heading')).toContainText('⚠ 1 stream broke an invariant');
  // the streams with problems alone: the marked ones, and no other
  const rows = streams.getByRole('row');
  const all = await rows.count();
  await streams.getByRole('checkbox', { name: /only streams with problems/ }).check();
  const marked = await rows.count();
  expect(marked).toBeLessThan(all);
  for (let i = 1; i < marked; i++) await expect(rows.nth(i).getByRole('rowheader')).toContainText('⚠');
  await expect(tee).toBeVisible();
  await shot(page, 'logs-streams-marked');

  await logs.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = logs.getByRole('application', { name: /^Records over time/ });
  await expect(timeline).toBeVisible();
  const marks = timeline.locator('path.mark');
  await expect(marks).toHaveCount(1);
  await expect(marks.first().locator('title')).toHaveText(/^⚠ purestream\.commerce\.StockReserved @\d+ broke stock-non-negative · 20\d\d-\d\d-\d\dT[\d:.]+Z$/);
  await expect(logs.getByRole('list', { name: 'Outcomes' })).toContainText('broke an invariant');
  // its stream's lane says so too
  await expect(logs.getByTitle('stock:tee@main · broke an invariant', { exact: true })).toHaveText('⚠ stock:tee@main');
  await shot(page, 'logs-timeline-marked');
  // the button goes to the record, as a click on its point does
  await logs.getByRole('button', { name: 'Show the invariant violation' }).click();
  await expect(logs.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
  await expect(logs.getByRole('list', { name: 'Invariants this record broke' })).toContainText('⚠ broke stock-non-negative', { timeout: 15_000 });
});

test('a domain module being opened says what its load is doing, in place of "No module open", until its card is there', async ({ page }) => {
  // the bundler's WebAssembly is held back until the page has been looked at: the load is seen while it runs
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/esbuild.*\.wasm/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Domains' }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const empty = domains.getByRole('group', { name: 'No module open' });
  await expect(empty).toBeVisible();
  const before = (await empty.boundingBox())!;
  const bundledBefore = (await domains.getByRole('heading', { name: 'Bundled' }).boundingBox())!;
  await page.getByLabel('Domain module file').first().setInputFiles(moduleFile('library.ts', LIBRARY));
  await page.getByRole('dialog', { name: 'Run library.ts?' }).getByRole('button', { name: 'Trust and run' }).click();

  const opening = domains.getByRole('status', { name: 'Opening library.ts' });
  await expect(opening).toBeVisible();
  await expect(opening).toContainText(/Preparing the module compiler .*then checking library\.ts…|Checking library\.ts in its worker/);
  await expect(opening.getByRole('progressbar', { name: 'Opening library.ts' })).toBeVisible();
  await expect(empty).toHaveCount(0);
  await expect(domains).not.toContainText('No module open');
  await expect(domains.getByRole('group', { name: 'Your modules' })).toHaveAttribute('aria-busy', 'true');
  // in the place of the panel it replaces, as tall: nothing below it moves
  const box = (await opening.boundingBox())!;
  expect(Math.abs(box.y - before.y)).toBeLessThan(1);
  expect(Math.abs(box.height - before.height)).toBeLessThan(1);
  expect(Math.abs((await domains.getByRole('heading', { name: 'Bundled' }).boundingBox())!.y - bundledBefore.y)).toBeLessThan(1);
  await shot(page, 'domains-opening');

  release();
  await expect(domains.getByRole('article', { name: 'Domain Library' })).toBeVisible({ timeout: 30_000 });
  await expect(opening).toHaveCount(0);
  await expect(domains.getByRole('group', { name: 'Your modules' })).toHaveAttribute('aria-busy', 'false');
});

test.describe('a JetStream read', () => {
  const server = natsForSpec();

  test("names its records by their stream sequence, as the command line does: the violation's link, the Records table's column", async ({ page }) => {
    // two messages published and purged: the stream's sequences go on from 3, while the read counts from 1
    const nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'LIBSEQ', subjects: ['LIBSEQ.>'] });
    const js = jetstream(nc);
    await js.publish('LIBSEQ.old', '{}');
    await js.publish('LIBSEQ.old', '{}');
    await jsm.streams.purge('LIBSEQ');
    const book = async (n: number, type: string, data: Record<string, string>) =>
      js.publish('LIBSEQ.books', JSON.stringify({ specversion: '1.0', id: `b-${n}`, source: '/library', type, subject: `book:${data.bookId}`, time: `2026-03-01T10:00:0${n}Z`, data }), { msgID: `b-${n}` });
    await book(1, 'BookAdded', { bookId: 'b1' });
    await book(2, 'BookLent', { bookId: 'b1', member: 'ada' });
    await book(3, 'BookLent', { bookId: 'b1', member: 'alan' });
    await nc.close();

    const { logs } = await connectWithLibrary(page, `${server.wsUrl}/LIBSEQ`, 'the head: what is there now');
    await expect(logs.getByRole('status').filter({ hasText: 'violation' })).toContainText('1 invariant violation in 3 events', { timeout: 30_000 });

    // the third message read is the stream's sequence 5
    const violations = logs.getByRole('region', { name: 'Invariant violations' });
    await expect(violations.getByRole('button', { name: 'sequence 5' })).toBeVisible();
    await expect(violations.getByRole('button', { name: 'message 3' })).toHaveCount(0);
    await shot(page, 'nats-summary-sequence');
    await violations.getByRole('button', { name: 'sequence 5' }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    const headers = records.getByRole('columnheader');
    await expect(headers.nth(1)).toHaveText('sequence');
    // one column says the sequence: a JetStream message has no position in a stream to show beside it
    await expect(headers).toHaveText(['#', 'sequence', 'time (UTC)', 'stream', 'type', 'data']);
    await expect(records.getByRole('grid')).toHaveAttribute('aria-colcount', '6');
    const row = (n: number) => records.locator(`[role=row][aria-rowindex="${n + 1}"]`).getByRole('gridcell');
    await expect(row(1).nth(1)).toHaveText('3');
    await expect(row(3).nth(0)).toContainText('⚠');
    await expect(row(3).nth(1)).toHaveText('5');
    // the header is whole: the column is as wide as its word
    const header = (await headers.nth(1).boundingBox())!;
    expect(await headers.nth(1).evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    expect(header.width).toBeGreaterThan(0);
    await shot(page, 'nats-records-sequence');

    await logs.getByRole('tab', { name: 'Streams' }).click();
    await expect(logs.getByRole('region', { name: 'Streams' }).getByRole('row').filter({ hasText: 'book:b1' }).getByRole('rowheader')).toContainText('⚠ 1 invariant violation');
    await logs.getByRole('tab', { name: 'Timeline' }).click();
    await expect(logs.getByRole('application', { name: /^Records over time/ }).locator('path.mark')).toHaveCount(1);
  });
});
