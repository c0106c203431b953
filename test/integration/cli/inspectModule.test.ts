/**
 * `purestream inspect URL --domain PATH`: a live source replayed through a domain module, read in
 * the module's worker by the same readers as without one — PostgreSQL (Emmett), JetStream and
 * Kafka on the real servers; `--until live` tails and ends on Ctrl-C; the module's faults and the
 * watchdog stop the read in one line; and `publish` sends a module's run.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, natsForTests, needsServer, requireServer, topicWith, uniqueName } from '../servers';
import { seedEmmett } from '../seed/emmett';
import { appendMartenEvents, createMartenSchema } from '../seed/marten';
import { counter, counterScenario, folderWith } from '../../unit/modules/moduleFiles';
import { moduleVariant } from '../../fixtures/modules/moduleVariants';
import { cli, cliProcess } from './cli';

const bank = 'samples/domains/bank.ts';
const bankScenario = 'samples/domains/bank.scenario.json';

/** A folder holding the counter module (`counter.ts`, or `evolve` replaced) and its scenario. */
const counterFolder = (evolve?: string) => {
  const module = counter();
  return folderWith({ 'counter.ts': evolve ? module.replace(/evolve: .*\n/, `evolve: ${evolve},\n`) : module, 'counter.scenario.json': counterScenario('counter.ts') });
};

/** The counter's `Added` event as a structured CloudEvent (a JetStream message's body). */
const added = (id: string, by: number) => JSON.stringify({ specversion: '1.0', id, source: '/counter', type: 'Added', data: { id: 'a', by } });

describe('purestream inspect <nats URL> --domain PATH', () => {
  const nats = natsForTests();

  /** Resolves once the module's worker reads `stream` (its ordered consumer is there) and has had time to catch up. */
  const reading = async (stream: string) => {
    const consumers = async () => (await (await nats.jsm.consumers.list(stream)).next()).length;
    while ((await consumers()) === 0) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
  };

  it("a module's run published, then its stream inspected with the module: the run's state and violations, --fail-on as with a file", async () => {
    const url = nats.url(uniqueName('bank').toUpperCase());
    const published = await cli(['publish', bankScenario, '--run', '4 workers', '--to', url]);
    expect([published.code, published.err]).toEqual([0, '']);
    expect(published.out).toMatch(/^published 50 events \(46 of the run, 4 setup\) of run "4 workers" to nats:/);
    const run = JSON.parse((await cli(['run', bankScenario, '--run', '4 workers', '--json'])).out);

    const r = await cli(['inspect', url, '--domain', bank, '--json']);
    expect([r.code, r.err]).toEqual([0, 'last position read: 50 (resume with --from 50)\n']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ domain: 'bank', source: url, profile: 'jetstream', events: 50, stateHash: run.runs[0].stateHash });
    expect(report.violations.map((v: { invariant: string }) => v.invariant)).toEqual(['within-overdraft-limit']);
    // its place: the JetStream sequence, said apart from the stream's position
    const [violation] = report.violations;
    expect(violation).toMatchObject({ globalPosition: violation.position, source: url.slice(url.lastIndexOf('/') + 1) });
    expect((await cli(['inspect', url, '--domain', bank])).out).toContain(`invariant violations (1):\n    sequence ${violation.position}  ${violation.stream}  within-overdraft-limit  `);
    expect((await cli(['inspect', url, '--domain', bank, '--fail-on', 'violations'])).code).toBe(3);
    // the same log exported to a file and inspected with the module ends in the same state
    const dir = folderWith({});
    await cli(['export', bankScenario, '--run', '4 workers', '--format', 'cloudevents', '--out', join(dir, 'bank.json')]);
    expect(JSON.parse((await cli(['inspect', join(dir, 'bank.json'), '--domain', bank, '--json'])).out).stateHash).toBe(report.stateHash);
  });

  it("a read --from after the stream's start: the streams the module cannot start without their earlier events are left out, said in one note (the trial's tail)", async () => {
    const url = nats.url(uniqueName('bankmid').toUpperCase());
    expect((await cli(['publish', bankScenario, '--run', 'one queue', '--to', url])).code).toBe(0);
    // the accounts were opened by the first four events: bank.ts's evolve cannot fold a withdrawal into no account
    const r = await cli(['inspect', url, '--domain', bank, '--from', '4', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^last position read: \d+/);
    const report = JSON.parse(r.out);
    expect(report.notes).toEqual([
      "2 streams began before the read; their invariants are not checked, nor their commands decided again, as their earlier events were not read (first: stream \"account:a1\" at sequence 5: the read began after the log's start, and nothing in the log shows where a stream begins (no stream revisions); a read --from start checks them); " +
        `both were left out of the replay where evolve failed on their events without the earlier ones (first: ${bank}: evolve threw while evolving a MoneyWithdrawn event: TypeError: Cannot read properties of undefined (reading 'balance') (at ${bank}:41))`,
    ]);
    expect([report.anomalies, report.violations, report.finalState, report.streamsBeforeRead]).toEqual([[], [], {}, 2]);
    // tailed live, the note comes on stderr when the first such stream is met, not only in the report (a stream cannot be queried here)
    let stop: (() => void) | undefined;
    const tail = await cli(['inspect', url, '--domain', bank, '--from', '4', '--until', 'live'], {
      onInterrupt: (handler) => (stop = handler),
      onErr: (_t, all) => {
        if (all.includes('note:')) stop!();
      },
    });
    expect(tail.code).toBe(0);
    expect(tail.err).toMatch(/^note: \d streams? began before the read; (its|their) invariants are not checked, nor (its|their) commands decided again, as (its|their) earlier events were not read \((first: )?stream "account:a\d" at sequence 5: the read began after the log's start, and nothing in the log shows where a stream begins \(no stream revisions\); a read --from start checks them\).*; the report counts them all\n/);
    // from the start, every stream is replayed: no note
    const whole = JSON.parse((await cli(['inspect', url, '--domain', bank, '--json'])).out);
    expect([whole.notes, Object.keys(whole.finalState).sort()]).toEqual([undefined, ['account:a1', 'account:a2']]);
  });

  it('--until live with a module: new anomalies as they come, the report when interrupted', async () => {
    const cwd = counterFolder();
    const stream = uniqueName('tail').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await nats.js.publish(`${stream}.a`, added('e-1', 2));
    let stop: (() => void) | undefined;
    const tail = cli(['inspect', nats.url(stream), '--domain', './counter.ts', '--until', 'live'], {
      cwd,
      onInterrupt: (handler) => (stop = handler),
      onOut: (_t, all) => {
        if (all.includes('anomaly:')) stop!();
      },
    });
    await reading(stream);
    await nats.js.publish(`${stream}.a`, added('e-1', 2)); // the same event again: a redelivery
    const r = await tail;
    expect([r.code, r.err]).toEqual([0, 'last position read: 2 (resume with --from 2)\n']);
    expect(r.out).toMatch(/^anomaly: sequence 2 {2}duplicate-id {2}stream .*\.a {2}event id "e-1" .* appeared before \(the same record again: a redelivery\); not replayed again\n/);
    expect(r.out).toContain('jetstream profile, messages, domain counter: 1 event, 0 commands (and 1 redelivery)');

    // Ctrl-C before anything new came: "nothing new", exit 0
    const quietStream = uniqueName('quiet').toUpperCase();
    await nats.jsm.streams.add({ name: quietStream, subjects: [`${quietStream}.>`] });
    for (const id of ['e-1', 'e-2']) await nats.js.publish(`${quietStream}.a`, added(id, 1));
    let stopQuiet: (() => void) | undefined;
    const quiet = cli(['inspect', nats.url(quietStream), '--domain', './counter.ts', '--from', 'end', '--until', 'live'], { cwd, onInterrupt: (handler) => (stopQuiet = handler) });
    await reading(quietStream);
    stopQuiet!();
    const q = await quiet;
    expect([q.code, q.out, q.err]).toEqual([0, `${nats.url(quietStream)}: nothing new read: no record came after the end (--from end) before the tail was ended (0 events)\n`, 'last position read: 2 (resume with --from 2)\n']);

    // Ctrl-C before the tail's first batch came (a slow machine): the end it started from is still where to resume, not the start
    const early = await cli(['inspect', nats.url(quietStream), '--domain', './counter.ts', '--from', 'end', '--until', 'live'], { cwd, onInterrupt: (handler) => void setTimeout(handler, 0) });
    expect([early.code, early.err]).toEqual([0, 'last position read: 2 (resume with --from 2)\n']);
  });

  it('--until live with a module: new invariant violations as they come, placed as the report places them', async () => {
    const capped = counter().replace('  streamOf:', "  invariants: [{ name: 'at-most-ten', violation: (_stream, count) => (count.total > 10 ? 'the total is ' + count.total : undefined) }],\n  streamOf:");
    const cwd = folderWith({ 'counter.ts': capped, 'counter.scenario.json': counterScenario('counter.ts') });
    const stream = uniqueName('viol').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await nats.js.publish(`${stream}.a`, added('e-1', 2));
    let stop: (() => void) | undefined;
    const tail = cli(['inspect', nats.url(stream), '--domain', './counter.ts', '--until', 'live'], {
      cwd,
      onInterrupt: (handler) => (stop = handler),
      onOut: (_t, all) => {
        if (all.includes('violation:')) stop!();
      },
    });
    await reading(stream);
    await nats.js.publish(`${stream}.a`, added('e-2', 20));
    const r = await tail;
    expect([r.code, r.err]).toEqual([0, 'last position read: 2 (resume with --from 2)\n']);
    expect(r.out.startsWith('violation: sequence 2  counter:a  at-most-ten  the total is 22\n')).toBe(true);
    expect(r.out).toContain('invariant violations (1):\n    sequence 2  counter:a  at-most-ten  the total is 22\n');
  });

  it("the module's fault, a call past the watchdog's second, an unreachable server: one line each, exit 1, no stack", async () => {
    const stream = uniqueName('faults').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await nats.js.publish(`${stream}.a`, added('e-1', 2));

    const throws = await cli(['inspect', nats.url(stream), '--domain', './counter.ts'], { cwd: counterFolder("() => { throw new Error('no counting today'); }") });
    expect([throws.code, throws.out]).toEqual([1, '']);
    expect(throws.err).toMatch(/^\.\/counter\.ts: evolve threw while evolving an Added event: Error: no counting today \(at \.\/counter\.ts:\d+\), replaying the record at sequence 1\n$/);

    const stuck = await cli(['inspect', nats.url(stream), '--domain', './counter.ts'], { cwd: counterFolder('() => { for (;;); }') });
    expect([stuck.code, stuck.out]).toEqual([1, '']);
    expect(stuck.err).toMatch(/^\.\/counter\.ts: evolve ran for more than 1 second while evolving an Added event.* and was stopped \(at \.\/counter\.ts:\d+\)\n$/);

    const down = await cli(['inspect', 'nats://127.0.0.1:1/ANY', '--domain', './counter.ts'], { cwd: counterFolder() });
    expect([down.code, down.out, down.err]).toEqual([1, '', 'nats://127.0.0.1:1/ANY: cannot connect: connection refused (is nats-server running there?)\n']);
  });
});

describe('purestream inspect <postgres URL> --domain PATH', () => {
  needsServer('postgres');

  it("a Marten store read --from its middle with the on-call trial's shop module: a stream that began before has its earlier events loaded from the store and replayed first, not counted as read (exit 0)", async () => {
    const url = await freshDatabase('cli_marten_mid');
    await createMartenSchema(url);
    const shopFile = (name: string) => readFileSync(new URL(`../../fixtures/modules/shop/${name}`, import.meta.url), 'utf8');
    const cwd = folderWith({ 'shop.ts': shopFile('shop.ts'), 'shop-tolerant.ts': moduleVariant('shop-tolerant.ts') });
    const placed = (orderId: string, total: number) => ({ id: randomUUID(), type: 'order_placed', data: { orderId, orderNumber: `SO-${total}`, customerId: 'c', lines: [], total, currency: 'EUR' } });
    const payment = (type: string, orderId: string, amount: number) => ({ id: randomUUID(), type, data: { orderId, paymentId: 'p', amount, currency: 'EUR', psp: 'x', pspReference: 'r' } });
    const old = randomUUID();
    const fresh = randomUUID();
    const [from] = await appendMartenEvents(url, old, [placed(old, 10)]);
    await appendMartenEvents(url, old, [payment('payment_authorized', old, 10), payment('payment_captured', old, 10)]);
    // placed after the read's start and charged twice: a true violation
    await appendMartenEvents(url, fresh, [placed(fresh, 5), payment('payment_captured', fresh, 5), payment('payment_captured', fresh, 5)]);
    for (const module of ['./shop-tolerant.ts', './shop.ts']) {
      const r = await cli(['inspect', `${url}?store=marten`, '--from', from, '--domain', module, '--json'], { cwd });
      expect([r.code, module]).toEqual([0, module]);
      const report = JSON.parse(r.out);
      expect(report.violations.map((v: { stream: string; invariant: string }) => `${v.stream} ${v.invariant}`)).toEqual([`order:${fresh} charged-at-most-once`]);
      expect(report).toMatchObject({ events: 5, earlierEvents: { streams: 1, events: 1 } });
      expect(report.streamsBeforeRead).toBeUndefined();
      expect(report.notes.at(-1)).toBe(
        "1 stream's earlier events loaded from the store (1 event) and replayed before its events read: its invariants are checked and commands decided on its whole history; those events are not counted among the events read",
      );
      expect(report.notes.join('\n')).not.toContain('began before the read');
      // the old order's state is its whole history: placed (loaded), then authorized and captured (read)
      expect(Object.keys(report.finalState).sort()).toEqual([`order:${fresh}`, `order:${old}`].sort());
    }
  });

  it("an Emmett store's events replayed through the module: its state per stream", async () => {
    const url = await freshDatabase('cli_module');
    await seedEmmett(url, [
      { streamName: 'counter:a', messages: [{ type: 'Added', data: { id: 'a', by: 2 } }, { type: 'Added', data: { id: 'a', by: 3 } }] },
      { streamName: 'counter:b', messages: [{ type: 'Added', data: { id: 'b', by: 1 } }] },
    ]);
    const r = await cli(['inspect', `${url}?store=emmett`, '--domain', './counter.ts', '--json'], { cwd: counterFolder() });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^last position read: \d+:3 \(resume with --from \d+:3\)\n$/);
    expect(JSON.parse(r.out)).toMatchObject({ domain: 'counter', profile: 'emmett', events: 3, anomalies: [], finalState: { 'counter:a': { total: 5 }, 'counter:b': { total: 1 } } });
    // on a terminal, the worker's progress, drawn and cleared before the report: nothing of it after the last line
    const tty = await cli(['inspect', `${url}?store=emmett`, '--domain', './counter.ts', '--batch', '1'], { cwd: counterFolder(), errIsTTY: true });
    expect(tty.err).toMatch(/^\r\x1b\[Kreading .*: 1 record, position \d+:1/);
    expect(tty.err).toMatch(/\r\x1b\[Klast position read: \d+:3 \(resume with --from \d+:3\)\n$/);
  });
});

describe('purestream inspect <kafka URL> --domain PATH', () => {
  needsServer('kafka');

  it("a topic replayed through the module, as a user runs it: kafkajs's warning muted in the module's worker too", async () => {
    const { bootstrap } = requireServer('kafka');
    const ce = (id: string) => ({ ce_specversion: '1.0', ce_type: 'Added', ce_id: id, ce_source: '/counter' });
    const topic = await topicWith('module_cli', [{ key: 'counter:a', value: '{"id":"a","by":2}', headers: ce('e-1') }, { key: 'counter:a', value: '{"id":"a","by":3}', headers: ce('e-2') }]);
    const r = cliProcess(['inspect', `kafka://${bootstrap}/${topic}`, '--domain', './counter.ts'], counterFolder());
    expect([r.status, r.stderr]).toEqual([0, 'last position read: 0:1 (resume with --from 0:1)\n']);
    expect(r.stdout).toContain('kafka profile, messages, domain counter: 2 events');
    expect(r.stdout).toMatch(/final state: 1 stream, stateHash [0-9a-f]{64}/);
  });
});
