import { describe, expect, it } from 'vitest';
import { headers, wsconnect } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { natsForTests, requireServer, uniqueName } from '../servers';

describe('NATS JetStream (real nats-server -js)', () => {
  const nats = natsForTests();

  it('stores messages with headers, dedupes by Nats-Msg-Id, and reads them back in order through an ordered consumer', async () => {
    const stream = uniqueName('orders').toUpperCase();
    const jsm = await jetstreamManager(nats.nc);
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    const js = jetstream(nats.nc);
    const h = headers();
    h.set('ce-specversion', '1.0');
    h.set('ce-type', 'OrderPlaced');
    h.set('ce-source', '/shop');
    h.set('ce-id', 'e-1');
    const first = await js.publish(`${stream}.o-1`, JSON.stringify({ orderId: 'o-1' }), { msgID: 'e-1', headers: h });
    const again = await js.publish(`${stream}.o-1`, JSON.stringify({ orderId: 'o-1' }), { msgID: 'e-1', headers: h });
    await js.publish(`${stream}.o-2`, JSON.stringify({ orderId: 'o-2' }), { msgID: 'e-2' });
    expect(first.seq).toBe(1);
    expect(again.duplicate).toBe(true);

    const consumer = await js.consumers.get(stream); // no name: an ordered ephemeral consumer
    const read = [];
    for await (const m of await consumer.fetch({ max_messages: 2, expires: 2000 })) {
      read.push({ seq: m.seq, subject: m.subject, type: m.headers?.has('ce-type') ? m.headers.get('ce-type') : null, data: m.json() });
    }
    expect(read).toEqual([
      { seq: 1, subject: `${stream}.o-1`, type: 'OrderPlaced', data: { orderId: 'o-1' } },
      { seq: 2, subject: `${stream}.o-2`, type: null, data: { orderId: 'o-2' } },
    ]);
  });

  it('accepts a WebSocket connection (the browser path) on the same server', async () => {
    const ws = await wsconnect({ servers: requireServer('nats').wsUrl });
    const subject = uniqueName('ping');
    const sub = ws.subscribe(subject, { max: 1 });
    await ws.flush(); // the subscription is on the server before anything is published
    nats.nc.publish(subject, 'pong');
    await nats.nc.flush();
    for await (const m of sub) expect(m.string()).toBe('pong');
    await ws.close();
  });
});
