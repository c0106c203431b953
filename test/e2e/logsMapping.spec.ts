/**
 * A type mapping set before a log is read applies to the next one, and one set while a live
 * source is tailed applies to the read from its start, which goes on (NATS JetStream over
 * WebSocket, started here on loopback; needs nats-server: `bash scripts/servers/install.sh`).
 */
import { test, expect, type Page } from '@playwright/test';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { join } from 'node:path';
import { natsForSpec } from './natsServer';

const SHOTS = process.env.SHOTS_DIR;
const server = natsForSpec();

const cloudEvent = (n: number) => JSON.stringify({ specversion: '1.0', id: `e-${n}`, source: '/shop', type: n % 2 ? 'order_placed' : 'payment_captured', subject: `order-${Math.ceil(n / 2)}`, time: `2026-03-01T10:00:0${n}Z`, data: { n } });

async function publish(stream: string, from: number, to: number): Promise<void> {
  const nc = await connect({ servers: server.url });
  const js = jetstream(nc);
  for (let n = from; n <= to; n++) await js.publish(`${stream}.orders`, cloudEvent(n), { msgID: `e-${n}` });
  await nc.close();
}

async function openLogs(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

async function renameTypes(page: Page, renames: string): Promise<void> {
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  await dialog.getByLabel('Type renames').fill(renames);
  await dialog.getByRole('button', { name: 'Apply and inspect' }).click();
  await expect(dialog).toBeHidden();
}

test('a mapping set before any log is read applies to the next log opened', async ({ page }) => {
  const logs = await openLogs(page);
  await expect(logs.getByRole('button', { name: /Mapping/ })).toBeEnabled();
  await renameTypes(page, 'order_placed = OrderPlaced');
  await expect(logs.getByRole('button', { name: /Mapping/ })).toContainText('on');
  await logs.getByLabel('Log file').setInputFiles({ name: 'shop.jsonl', mimeType: 'application/json', buffer: Buffer.from([1, 2, 3].map(cloudEvent).join('\n')) });
  await expect(logs.getByRole('status').first()).toContainText('3 events', { timeout: 20_000 });
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('OrderPlaced');
  await expect(logs.getByRole('region', { name: 'Types' })).not.toContainText('order_placed');
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`a mapping applied while a stream is tailed reads it again from its start with the mapping, and the tail goes on (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const name = `MAP${viewport.width}`;
    const nc = await connect({ servers: server.url });
    await (await jetstreamManager(nc)).streams.add({ name, subjects: [`${name}.>`] });
    await nc.close();
    await publish(name, 1, 3);

    const logs = await openLogs(page);
    await logs.getByRole('button', { name: 'Connect…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${server.wsUrl}/${name}`);
    await dialog.getByRole('radio', { name: 'stopped: keep tailing new records' }).check();
    await dialog.getByRole('button', { name: 'Connect' }).click();
    const live = logs.getByRole('status', { name: 'Live read' });
    await expect(live).toContainText('3 records · position 3');
    const types = logs.getByRole('region', { name: 'Types' });
    await expect(types).toContainText('order_placed');

    await expect(logs.getByRole('button', { name: /Mapping/ })).toBeEnabled();
    await renameTypes(page, 'order_placed = OrderPlaced\npayment_captured = PaymentCaptured');
    await expect(logs.getByRole('note').filter({ hasText: 'Read again from its start with the mapping applied' })).toBeVisible({ timeout: 20_000 });
    await expect(live).toContainText('tailing');
    await expect(live).toContainText('3 records · position 3');
    await expect(types.getByRole('row', { name: /^OrderPlaced/ })).toHaveText(/OrderPlaced\s*2/, { timeout: 20_000 });
    await publish(name, 4, 5);
    await expect(live).toContainText('5 records · position 5');
    await expect(types.getByRole('row', { name: /^OrderPlaced/ })).toHaveText(/OrderPlaced\s*3/);
    await expect(types.getByRole('row', { name: /^PaymentCaptured/ })).toHaveText(/PaymentCaptured\s*2/);
    await expect(types).not.toContainText('order_placed');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `mapping-while-tailing-${viewport.width}.png`) });
    await live.getByRole('button', { name: 'Stop' }).click();
    await expect(live).toContainText('5 records from');
    await expect(logs.getByTestId('command-line')).toContainText('--map map.json');
  });
}
