import { describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { headers } from '@nats-io/nats-core';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { natsForTests, needsServer, requireServer, uniqueName } from '../servers';
import { readSource } from './read';

const cloudEvent = (id: string, type: string, subject: string, data: unknown) => JSON.stringify({ specversion: '1.0', id, source: '/shop', type, subject, time: '2026-01-01T00:00:00Z', datacontenttype: 'application/json', data });

describe('NATS JetStream, read live through an ordered consumer', () => {
  const nats = natsForTests();


  async function orders(): Promise<string> {
    const stream = uniqueName('orders').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    return stream;
  }

  it('reads structured and binary-mode CloudEvents and plain JSON; a republished event is an identical duplicate; deleted messages leave no gap', async () => {
    const stream = await orders();
    await nats.js.publish(`${stream}.o-1`, cloudEvent('e-1', 'OrderPlaced', 'order-1', { orderId: 'o-1' }), { msgID: 'e-1' });
    const binary = headers();
    for (const [k, v] of Object.entries({ 'ce-specversion': '1.0', 'ce-id': 'e-2', 'ce-source': '/shop', 'ce-type': 'OrderPaid', 'ce-subject': 'order-1', 'ce-time': '2026-01-01T00:00:01Z' })) binary.set(k, v);
    await nats.js.publish(`${stream}.o-1`, JSON.stringify({ orderId: 'o-1', amount: 5 }), { headers: binary });
    await nats.js.publish(`${stream}.o-2`, JSON.stringify({ type: 'OrderPlaced', id: 'e-3', orderId: 'o-2' }));
    const gone = await nats.js.publish(`${stream}.o-2`, JSON.stringify({ type: 'Noise', id: 'e-4' }));
    // the producer sends e-1 again after its dedupe window (no Nats-Msg-Id this time): a redelivery
    await nats.js.publish(`${stream}.o-1`, cloudEvent('e-1', 'OrderPlaced', 'order-1', { orderId: 'o-1' }));
    await nats.jsm.streams.deleteMessage(stream, gone.seq);

    const { report, position, rows } = await readSource(nats.url(stream), { batch: 2 });
    expect(report.profile).toBe('jetstream');
    expect(report.framing).toBe('messages');
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '5']);
    expect(position).toBe('5');
    expect(report.types).toEqual({ OrderPlaced: 2, OrderPaid: 1 });
    expect(report.events).toBe(3); // the redelivery is counted once, as the record it repeats
    expect(report.redeliveries).toBe(1);
    expect(report.streams.map((s) => [s.stream, s.events])).toEqual([
      ['order-1', 2],
      [`${stream}.o-2`, 1],
    ]);
    expect(report.anomalies).toEqual([expect.objectContaining({ kind: 'duplicate-id', identical: true, line: 4, stream: 'order-1', position: '5' })]);
    expect(report.sources).toEqual([{ source: stream, events: 3 }]);
    expect(report.timeRange?.first).toBe('2026-01-01T00:00:00Z');
  });

  it('resumes after a printed position, filters by subject, and leaves the stream and its durable consumers as they were', async () => {
    const stream = await orders();
    for (let i = 1; i <= 6; i++) await nats.js.publish(`${stream}.${i % 2 ? 'odd' : 'even'}`, JSON.stringify({ type: 'Counted', id: `c-${i}`, n: i }));
    await nats.jsm.consumers.add(stream, { durable_name: 'billing', ack_policy: AckPolicy.Explicit });
    const billing = await nats.js.consumers.get(stream, 'billing');
    const taken = await billing.next();
    expect(await taken!.ackAck()).toBe(true);
    const before = await nats.jsm.consumers.info(stream, 'billing');

    const first = await readSource(nats.url(stream), { batch: 4, until: 'head' });
    expect(first.rows.length).toBe(6);
    const resumed = await readSource(nats.url(stream), { from: '4' });
    expect(resumed.rows.map((r) => r.seq)).toEqual(['5', '6']);
    const odd = await readSource(nats.url(stream, `?subject=${stream}.odd`));
    expect(odd.rows.map((r) => r.seq)).toEqual(['1', '3', '5']);

    const after = await nats.jsm.consumers.info(stream, 'billing');
    expect([after.delivered.stream_seq, after.ack_floor.stream_seq, after.num_pending]).toEqual([before.delivered.stream_seq, before.ack_floor.stream_seq, before.num_pending]);
    const info = await nats.jsm.streams.info(stream);
    expect(info.state.messages).toBe(6);
  });

  it('tails new messages until stopped, over WebSocket too (the browser path)', async () => {
    const stream = await orders();
    await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
    const stop = new AbortController();
    let published = false;
    const ws = requireServer('nats').wsUrl;
    const { rows, position } = await readSource(`${ws}/${stream}`, {
      until: 'live',
      signal: stop.signal,
      pollMs: 100,
      onBatch: async (records) => {
        if (records === 1 && !published) {
          published = true;
          await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-2' }));
        } else if (records === 2) stop.abort();
      },
    });
    expect(rows.map((r) => (JSON.parse(r.data as string) as { id: string }).id)).toEqual(['t-1', 't-2']);
    expect(position).toBe('2');
  });

  it('starts at the end (only what comes) or at a time', async () => {
    const stream = await orders();
    await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-2' }));
    expect((await readSource(nats.url(stream), { from: since })).rows.map((r) => r.seq)).toEqual(['2']);
    const atEnd = await readSource(nats.url(stream), { from: 'end' });
    // nothing read: the read resumes after the stream's last sequence when it began
    expect([atEnd.rows, atEnd.position]).toEqual([[], '2']);
  });

  it('an empty stream reads nothing at once', async () => {
    const stream = await orders();
    const { rows, position } = await readSource(nats.url(stream));
    expect(rows).toEqual([]);
    expect(position).toBeUndefined();
  });
});

describe('NATS JetStream: a server that goes away mid-read', () => {
  needsServer('nats');
  it('ends the read with the position reached, so a later read can resume', async () => {
    const { findNats, startNats } = await import('../servers/nats');
    const own = await startNats(findNats()!);
    const nc = await connect({ servers: own.url });
    await (await jetstreamManager(nc)).streams.add({ name: 'GONE', subjects: ['GONE.>'] });
    const js = jetstream(nc);
    for (let i = 1; i <= 5; i++) await js.publish('GONE.a', JSON.stringify({ type: 'Ticked', id: `t-${i}` }));
    await nc.close();
    let stopped = false;
    const read = await readSource(`${own.url}/GONE`, {
      until: 'live',
      onBatch: async (records) => {
        if (records === 5 && !stopped) {
          stopped = true;
          await own.stop();
        }
      },
    });
    expect(read.rows.length).toBe(5);
    expect(read.position).toBe('5');
    expect(read.lost?.message).toMatch(/^read failed: /);
  });
});
