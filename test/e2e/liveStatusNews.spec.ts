/**
 * A live read's status line (LiveStatus) under the Logs view's bar (fresh-user trials, s12: it was a
 * live region re-read at each batch): it is no live region; the app's announcer says the read's
 * start, its catching up, Stop and the log's headline — not each count. Needs nats-server
 * (`bash scripts/servers/install.sh`).
 */
import { test, expect } from '@playwright/test';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { natsForSpec } from './natsServer';
import { views } from './flows';
import { announcements, liveRegions, recordAnnouncements } from './liveRegions';

const shots = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const server = natsForSpec();

async function publish(from: number, to: number): Promise<void> {
  const nc = await connect({ servers: server.url });
  const js = jetstream(nc);
  for (let n = from; n <= to; n++) {
    const event = { specversion: '1.0', id: `e-${n}`, source: '/shop', type: n % 2 ? 'OrderPlaced' : 'OrderPaid', subject: `order-${Math.ceil(n / 2)}`, time: `2026-03-01T10:00:${String(n).padStart(2, '0')}Z`, data: { n } };
    await js.publish('NEWS.orders', JSON.stringify(event), { msgID: `e-${n}` });
  }
  await nc.close();
}

test("a tail's status is said at its start, once caught up, at Stop and by the log's headline, not at each batch; it is no live region of its own", async ({ page }) => {
  const nc = await connect({ servers: server.url });
  await (await jetstreamManager(nc)).streams.add({ name: 'NEWS', subjects: ['NEWS.>'] });
  await nc.close();
  await publish(1, 3);

  await recordAnnouncements(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs', exact: true }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Connect…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
  await dialog.getByRole('textbox', { name: 'URL' }).fill(`${server.wsUrl}/NEWS`);
  await dialog.getByRole('radio', { name: 'stopped: keep tailing new records' }).check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  const live = logs.getByRole('status', { name: 'Live read' });
  await expect(live).toContainText('3 records · position 3');
  await expect(live).toContainText('up to date, waiting for new records');
  // four more batches: the line follows each, the announcer says none of them
  for (let n = 4; n <= 7; n++) {
    await publish(n, n);
    await expect(live).toContainText(`${n} records · position ${n}`);
  }
  expect((await liveRegions(page)).filter((r) => /records · position/.test(r.text))).toEqual([]);
  await page.screenshot({ path: `${shots}/live-status-tailing-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${shots}/live-status-tailing-1440.png` });

  await live.getByRole('button', { name: 'Stop' }).click();
  await expect(live).toContainText('7 records from');
  const display = `${server.wsUrl}/NEWS`;
  const headline = `${display}: no anomalies. 7 events read: no anomalies`;
  await expect.poll(async () => (await announcements(page)).at(-1)).toMatch(headline);
  const said = await announcements(page);
  expect(said.slice(said.indexOf(`Tailing ${display}: its records are read as they come.`)).map((s) => (s.startsWith(headline) ? headline : s))).toEqual([
    `Tailing ${display}: its records are read as they come.`,
    'Up to date: waiting for new records.',
    `Stopping the read of ${display}: what was read is kept.`,
    headline,
  ]);
  await page.screenshot({ path: `${shots}/live-status-done-1440.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${shots}/live-status-done-1280.png` });
});
