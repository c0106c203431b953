/**
 * `purestream inspect <source-url> --domain ./payments.ts --checkpoint FILE` (README, "Checkpoints"):
 * the platform engineer's nightly gate. Read 1 (from the start) writes the checkpoint; then a new
 * payment over-captured and a capture that breaks an old payment are produced; read 2, resumed
 * from the checkpoint, reports both (exit 3 with --fail-on violations) where a read --from the
 * position checks nothing on a broker — Kafka and JetStream (no stream revisions), and Emmett on
 * PostgreSQL. A malformed checkpoint, --from beside one, a changed module and a failed read leave
 * the file as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createTopic, freshDatabase, natsForTests, needsServer, requireServer, uniqueName } from '../servers';
import { NATS_PASSWORD, NATS_USER } from '../servers/nats';
import { seedEmmett, type EmmettMessage } from '../seed/emmett';
import { folderWith } from '../../unit/modules/moduleFiles';
import { cli, type CliRun } from './cli';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const paymentsModule = readFileSync(new URL('../../fixtures/modules/payments/payments.ts', import.meta.url), 'utf8');

/** One payment event, as the trial's producers give it. */
interface Payment {
  readonly id: string;
  readonly type: 'PaymentAuthorized' | 'PaymentCaptured';
  readonly amount: number;
}
const authorized = (id: string): Payment => ({ id, type: 'PaymentAuthorized', amount: 1000 });
const captured = (id: string, amount: number): Payment => ({ id, type: 'PaymentCaptured', amount });
/** pay-<i> authorized and captured twice: over-captured when i is a multiple of 7 (the trial's generator). */
const paid = (i: number): Payment[] => [authorized(`pay-${i}`), captured(`pay-${i}`, 600), captured(`pay-${i}`, i % 7 === 0 ? 600 : 400)];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** Last night: pay-1 … pay-7 (pay-7 over-captured). */
const night1 = range(1, 7).flatMap(paid);
/** Tonight: pay-21 over-captured, pay-22 fine, pay-3 captured once more (1100 of 1000), pay-7 (already broken) once more. */
const night2 = [...paid(21), ...paid(22), captured('pay-3', 100), captured('pay-7', 50)];

/** The violations found, by stream (a Kafka topic's partitions are read interleaved: no order across them). */
const broken = (report: { violations: { stream: string; invariant: string }[] }) => report.violations.map((v) => `${v.stream} ${v.invariant}`).sort();
const lastPosition = (r: CliRun) => /^last position read: (\S+) /m.exec(r.err)?.[1];
const checkpointAt = (cwd: string) => JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8'));

/** The chain of two reads every engine is put through; `produce` appends to the source. */
async function twoNights(url: string, cwd: string, produce: (events: readonly Payment[]) => Promise<void>, extra: readonly string[] = []) {
  const args = ['inspect', url, '--domain', './payments.ts', ...extra, '--checkpoint', 'cp.json', '--fail-on', 'violations', '--json'];
  await produce(night1);
  const first = await cli(args, { cwd });
  expect(first.err).toMatch(/^last position read: \S+ \(written to checkpoint cp\.json: the next read with it resumes there\)$/m);
  expect(first.code).toBe(3);
  const one = JSON.parse(first.out);
  expect(broken(one)).toEqual(['payment:pay-7 capture-within-authorization']);
  expect(one.checkpoint).toEqual({ file: 'cp.json', streamsCarried: 0, unknownCarried: 0, chainFromStart: true });
  const saved = checkpointAt(cwd);
  expect(saved).toMatchObject({ format: 'purestream/checkpoint@1', source: url, domain: { id: 'payments', module: './payments.ts' }, position: lastPosition(first), fromStart: true, unknown: [], streams: 7 });
  expect(saved.domain.sourceHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(saved.states['payment:pay-7']).toEqual({ paymentId: 'pay-7', authorized: 1000, captured: 1200, refunded: 0, currency: 'EUR', voided: false });

  await produce(night2);
  // without the checkpoint, a read --from the position (what the trial ran)
  const blind = await cli(['inspect', url, '--domain', './payments.ts', ...extra, '--from', saved.position, '--json'], { cwd });
  const second = await cli(args, { cwd });
  expect(second.err).toMatch(/^last position read: \S+ \(written to checkpoint cp\.json: the next read with it resumes there\)$/m);
  expect(second.code).toBe(3);
  const two = JSON.parse(second.out);
  expect(broken(two)).toEqual(['payment:pay-21 capture-within-authorization', 'payment:pay-3 capture-within-authorization']);
  expect(two.events).toBe(night2.length);
  expect(two.streamsBeforeRead).toBeUndefined();
  expect(two.earlierEvents).toBeUndefined();
  expect(two.checkpoint).toEqual({ file: 'cp.json', resumedFrom: saved.position, streamsCarried: 7, unknownCarried: 0, chainFromStart: true });
  expect(two.notes).toContain(`resumed from checkpoint cp.json at position ${saved.position} (7 streams' states carried)`);
  // the same final state as one read of everything
  const whole = JSON.parse((await cli(['inspect', url, '--domain', './payments.ts', ...extra, '--json'], { cwd })).out);
  expect(two.stateHash).toBe(whole.stateHash);
  expect(broken(whole)).toEqual(['payment:pay-21 capture-within-authorization', 'payment:pay-3 capture-within-authorization', 'payment:pay-7 capture-within-authorization']);
  const after = checkpointAt(cwd);
  expect(after).toMatchObject({ position: lastPosition(second), streams: 9, fromStart: true });
  expect(after.states['payment:pay-3'].captured).toBe(1100);

  // caught up: nothing new since the checkpoint is not bad input; the file stays as it is
  const text = readFileSync(join(cwd, 'cp.json'), 'utf8');
  const third = await cli(['inspect', url, '--domain', './payments.ts', ...extra, '--checkpoint', 'cp.json', '--fail-on', 'violations'], { cwd });
  expect([third.code, third.out, third.err]).toEqual([
    0,
    `${url}: nothing new read after position ${after.position}, where checkpoint cp.json resumed (0 events; the file is unchanged)\n`,
    `no new position read: checkpoint cp.json resumes after position ${after.position}, unchanged\n`,
  ]);
  expect(readFileSync(join(cwd, 'cp.json'), 'utf8')).toBe(text);
  return { blind: JSON.parse(blind.out), saved: after };
}

describe('purestream inspect <kafka URL> --domain ./payments.ts --checkpoint FILE', () => {
  needsServer('kafka');
  let producer: Producer;
  beforeAll(async () => {
    if (!requireServerOk('kafka')) return;
    producer = new Kafka({ brokers: [requireServer('kafka').bootstrap], clientId: 'purestream-test', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => producer?.disconnect());

  /** The trial's producer: key = payment id, a JSON value with the event type and the payment's fields. */
  const produce = (topic: string) => async (events: readonly Payment[]) => {
    const value = (e: Payment, n: number) =>
      JSON.stringify({ eventType: e.type, eventId: `${e.id}-${n}`, occurredAt: new Date(Date.UTC(2026, 10, 30) + n * 1000).toISOString(), paymentId: e.id, amount: e.amount, ...(e.type === 'PaymentAuthorized' ? { currency: 'EUR', merchantId: 'm-7' } : {}) });
    await producer.send({ topic, messages: events.map((e) => ({ key: e.id, value: value(e, ++sent) })) });
  };
  let sent = 0;

  it('read 2 resumes from the checkpoint and reports the new payment over-captured and the old one broken (exit 3); a read --from the position finds neither', async () => {
    const topic = uniqueName('payments');
    await createTopic(topic, 2);
    const url = `kafka://${requireServer('kafka').bootstrap}/${topic}`;
    const cwd = folderWith({ 'payments.ts': paymentsModule });
    const { blind } = await twoNights(url, cwd, produce(topic));
    expect(broken(blind)).toEqual([]);
    expect(blind.streamsBeforeRead).toBe(4);
  });

  it('--from beside an existing checkpoint, a malformed one, one of another source, a changed module and a failed read: one line each, the file as it was', async () => {
    const topic = uniqueName('payments');
    await createTopic(topic, 1);
    const url = `kafka://${requireServer('kafka').bootstrap}/${topic}`;
    const cwd = folderWith({ 'payments.ts': paymentsModule });
    await produce(topic)(night1);
    const args = (...more: string[]) => ['inspect', url, '--domain', './payments.ts', '--checkpoint', 'cp.json', ...more];
    expect((await cli(args(), { cwd })).code).toBe(0);
    const text = readFileSync(join(cwd, 'cp.json'), 'utf8');
    const position = JSON.parse(text).position;
    const unchanged = () => expect(readFileSync(join(cwd, 'cp.json'), 'utf8')).toBe(text);

    const from = await cli(args('--from', '0:3'), { cwd });
    expect([from.code, from.out, from.err]).toEqual([2, '', `purestream inspect: --from 0:3 with --checkpoint cp.json: the checkpoint says where the read resumes (after position ${position}); delete the file to read from elsewhere\n`]);

    // another source: a usage error naming the member
    const other = await cli(['inspect', `${url}x`, '--domain', './payments.ts', '--checkpoint', 'cp.json'], { cwd });
    expect(other.code).toBe(2);
    expect(other.err).toBe(`purestream inspect: cp.json: source: the checkpoint is of ${url}, not ${url}x (name another --checkpoint file for this source)\n`);

    // the module changed between the reads: refused, the file kept
    writeFileSync(join(cwd, 'payments.ts'), paymentsModule.replace('p.captured > p.authorized', 'p.captured > p.authorized + 100'));
    const changed = await cli(args(), { cwd });
    expect(changed.code).toBe(2);
    expect(changed.err).toBe(
      'purestream inspect: cp.json: domain.sourceHash: the module ./payments.ts changed since the checkpoint was written: its states may not be what the domain\'s evolve makes now; delete cp.json to read again from the start with it (a read without the file begins at --from, start by default)\n',
    );
    unchanged();
    writeFileSync(join(cwd, 'payments.ts'), paymentsModule);

    // a read that fails (a record that cannot be read): exit 1, the file as it was
    await producer.send({ topic, messages: [{ key: 'pay-9', value: '{"eventType": "PaymentAuthorized", ' }] });
    const failed = await cli(args(), { cwd });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('the source was not inspected');
    expect(failed.err).toContain(`note: resumed from checkpoint cp.json at position ${position} (7 streams' states carried)\n`);
    unchanged();

    // malformed files: bad input naming the file and the member, nothing overwritten
    const malformed: [string, string][] = [
      ['{"format": "purestream/checkpoint@1",', 'cp.json: not JSON: '],
      ['[]', 'cp.json: $: expected a JSON object (a purestream/checkpoint@1 checkpoint), got []'],
      [JSON.stringify({ ...JSON.parse(text), format: 'purestream/checkpoint@2' }), 'cp.json: format: expected "purestream/checkpoint@1", got "purestream/checkpoint@2"'],
      [JSON.stringify({ ...JSON.parse(text), states: [] }), 'cp.json: states: expected an object from stream id to state, got []'],
      [JSON.stringify({ ...JSON.parse(text), unknown: ['payment:pay-1', 7] }), 'cp.json: unknown[1]: expected a stream id (a string), got 7'],
      [JSON.stringify({ ...JSON.parse(text), position: 'abc' }), 'cp.json: position: "abc" is not a position of'],
    ];
    for (const [bad, message] of malformed) {
      writeFileSync(join(cwd, 'cp.json'), bad);
      const r = await cli(args(), { cwd });
      expect(r.code, bad).toBe(1);
      expect(r.err.split('\n').length, r.err).toBe(2);
      expect(r.err.startsWith(message), r.err).toBe(true);
      expect(readFileSync(join(cwd, 'cp.json'), 'utf8')).toBe(bad);
    }
  });
});

describe('purestream inspect <nats URL> --domain ./payments.ts --map … --checkpoint FILE', () => {
  const nats = natsForTests();
  const mapFile = JSON.stringify({
    format: 'purestream/map@1',
    fields: { type: '/payload/meta/kind', id: '/payload/meta/msg_id', time: '/payload/meta/occurred' },
    types: { 'payment.authorized': 'PaymentAuthorized', 'payment.captured': 'PaymentCaptured' },
    data: { PaymentAuthorized: { paymentId: '/payload/body/pid', amount: '/payload/body/amt_minor', currency: '/payload/body/ccy', merchantId: '/payload/body/mid' }, PaymentCaptured: { paymentId: '/payload/body/pid', amount: '/payload/body/amt_minor' } },
  });
  let n = 0;
  /** The trial's legacy publisher: subject payments.<id>, a body the map reads. */
  const publish = (stream: string) => async (events: readonly Payment[]) => {
    const kind = { PaymentAuthorized: 'payment.authorized', PaymentCaptured: 'payment.captured' };
    for (const e of events)
      await nats.js.publish(`${stream}.${e.id}`, JSON.stringify({ meta: { msg_id: `m-${++n}`, kind: kind[e.type], occurred: new Date(Date.UTC(2026, 10, 30) + n * 1000).toISOString() }, body: { pid: e.id, amt_minor: e.amount, ccy: 'EUR', mid: 'm-7' } }));
  };

  it('read 2 resumes from the checkpoint and reports both violations (exit 3); a tail resumed from it and ended by Ctrl-C writes it too', async () => {
    const stream = uniqueName('PAYMENTS').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    const url = nats.url(stream);
    const cwd = folderWith({ 'payments.ts': paymentsModule, 'legacy.nats.map.json': mapFile });
    const { blind, saved } = await twoNights(url, cwd, publish(stream), ['--map', 'legacy.nats.map.json']);
    expect(broken(blind)).toEqual([]);

    // tonight's tail: a new payment over-captured while it reads, then Ctrl-C
    let stop: (() => void) | undefined;
    let published = false;
    const tail = await cli(['inspect', url, '--domain', './payments.ts', '--map', 'legacy.nats.map.json', '--checkpoint', 'cp.json', '--until', 'live'], {
      cwd,
      errIsTTY: true,
      onInterrupt: (handler) => (stop = handler),
      onErr: (_t, all) => {
        if (published || !all.includes('up to date')) return;
        published = true;
        void publish(stream)(paid(28));
      },
      onOut: (_t, all) => {
        if (all.includes('violation:')) stop!();
      },
    });
    expect(tail.code).toBe(0);
    expect(tail.out).toMatch(/^violation: sequence \d+ {2}payment:pay-28 {2}capture-within-authorization /);
    const after = checkpointAt(cwd);
    expect(Number(after.position)).toBe(Number(saved.position) + 3);
    expect(after.states['payment:pay-28'].captured).toBe(1200);
  });

  it('keeps no password in the file; a checkpoint past the source\'s end (a stream made anew) is bad input saying to delete it, not a caught-up read', async () => {
    const stream = uniqueName('PAYMENTS').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    const url = nats.url(stream).replace('nats://', `nats://${NATS_USER}:${NATS_PASSWORD}@`);
    const cwd = folderWith({ 'payments.ts': paymentsModule, 'legacy.nats.map.json': mapFile });
    await publish(stream)(paid(1));
    const args = ['inspect', url, '--domain', './payments.ts', '--map', 'legacy.nats.map.json', '--checkpoint', 'cp.json'];
    const first = await cli(args, { cwd });
    expect(first.code, first.err).toBe(0);
    const text = readFileSync(join(cwd, 'cp.json'), 'utf8');
    expect(text).not.toContain(NATS_PASSWORD);
    expect(JSON.parse(text).source).toBe(url.replace(NATS_PASSWORD, '***'));

    // the stream made anew: it ends at 3 where the checkpoint resumes after 1000
    writeFileSync(join(cwd, 'cp.json'), text.replace(/"position": "3"/, '"position": "1000"'));
    const kept = readFileSync(join(cwd, 'cp.json'), 'utf8');
    expect(kept).toContain('"position": "1000"');
    const past = await cli(args, { cwd });
    expect(past.code).toBe(1);
    expect(past.err).toContain(`nothing after position 1000 (the stream's last position is 3); checkpoint cp.json resumes after position 1000, which this source does not reach: delete it to read from the start`);
    expect(past.err).not.toContain(NATS_PASSWORD);
    expect(readFileSync(join(cwd, 'cp.json'), 'utf8')).toBe(kept);
  });
});

describe('purestream inspect <postgres URL> (Emmett) --domain ./payments.ts --checkpoint FILE', () => {
  needsServer('postgres');

  it("read 2 resumes from the checkpoint: both violations, and no store query for earlier events (their states are carried)", async () => {
    const db = await freshDatabase('checkpoint_emmett');
    const url = `${db}?store=emmett`;
    const cwd = folderWith({ 'payments.ts': paymentsModule });
    const append = async (events: readonly Payment[]) => {
      const message = (e: Payment): EmmettMessage => ({ type: e.type, data: { paymentId: e.id, amount: e.amount, ...(e.type === 'PaymentAuthorized' ? { currency: 'EUR', merchantId: 'm-7' } : {}) } });
      await seedEmmett(db, events.map((e) => ({ streamName: `payment-${e.id}`, messages: [message(e)] })));
    };
    const { blind } = await twoNights(url, cwd, append);
    // a store queried by stream: the read --from the position loads the old payments' earlier events (README), and finds both too
    expect(broken(blind)).toEqual(['payment:pay-21 capture-within-authorization', 'payment:pay-3 capture-within-authorization']);
    expect(blind.earlierEvents).toEqual({ streams: 2, events: 6 });
  });
});

/** Whether a server runs (needsServer fails each test with its one line when not). */
function requireServerOk(name: 'kafka'): boolean {
  try {
    requireServer(name);
    return true;
  } catch {
    return false;
  }
}
