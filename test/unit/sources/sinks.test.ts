import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenario } from '../../../src/engine/run';
import type { ConsumerConfig } from '../../../src/engine/types';
import { defaultStateStore } from '../../../src/engine/sim/consumers';
import { brokerPolicy, deadLetterSubject, injectionPlan, natsToken, retryDelays } from '../../../src/sources/sinks/deliveryPolicy';
import { parseRealRun, REAL_RUN_FORMAT, RealRun, type RealRunHeader } from '../../../src/sources/sinks/realRun';
import { comparableState, simulatedCounts } from '../../../src/sources/sinks/compareReal';
import { logEntryOf } from '../../../src/sources/sinks/runCloudEvents';
import { toCloudEvent } from '../../../src/logs/cloudEventWriter';
import { bundledDomain } from '../../../src/engine/module/bundled';

const consumer = (c: Partial<ConsumerConfig>): ConsumerConfig => ({ ...defaultStateStore('c'), interpreter: 'audit-log', idempotent: false, ...c });

describe('a run\'s delivery policy as the broker\'s', () => {
  it('retry becomes max_deliver (with headroom for timeouts and restarts) and backoff (each at least ack_wait); at-most-once acknowledges nothing', () => {
    const flaky = consumer({ delivery: 'at-least-once', retry: { max: 3, backoffMs: 5, factor: 2 }, deadLetter: true });
    expect(retryDelays(flaky)).toEqual([5, 10, 20]);
    expect(brokerPolicy(flaky, 1000)).toEqual({ ackPolicy: 'explicit', attempts: 4, maxDeliver: 6, ackWaitMs: 1000, backoffMs: [1000, 1000, 1000], doubleAck: false, deduplicate: false, deadLetter: true });
    expect(brokerPolicy(consumer({ delivery: 'exactly-once', retry: { max: 2, backoffMs: 2000, factor: 2 } }), 1000, 0)).toMatchObject({ maxDeliver: 3, backoffMs: [2000, 4000], doubleAck: true, deduplicate: true });
    expect(brokerPolicy(consumer({ delivery: 'at-most-once', retry: { max: 3, backoffMs: 5, factor: 2 } }), 1000)).toMatchObject({ ackPolicy: 'none', attempts: 1, maxDeliver: 1, deadLetter: false });
    expect(brokerPolicy(consumer({ delivery: 'at-least-once', idempotent: true }), 500)).toMatchObject({ attempts: 1, maxDeliver: 3, deduplicate: true });
  });

  it('names JetStream takes', () => {
    expect(natsToken('flaky email.v2 > *')).toBe('flaky_email_v2____');
    expect(deadLetterSubject('UPTIME', 'audit log')).toBe('UPTIME_DLQ.audit_log');
  });

  it('injects the simulated run\'s failures and repeats, event by event', () => {
    const parsed = parseScenario(readFileSync('samples/scenarios/decoupled-uptime.json', 'utf8'), 'decoupled-uptime.json');
    if (!parsed.ok) throw new Error('sample does not parse');
    const { traces } = runScenario(parsed.scenario, { runs: ['flaky + retries', 'at-least-once'], trace: true });
    const [flaky, alo] = traces;
    const plan = injectionPlan(flaky, 'email');
    const idOf = new Map(flaky.log.map((e) => [e.seq, e.id]));
    for (const id of new Set(flaky.attempts.filter((a) => a.consumer === 'email').map((a) => idOf.get(a.eventSeq)!))) {
      const outcomes = flaky.attempts.filter((a) => a.consumer === 'email' && idOf.get(a.eventSeq) === id).map((a) => a.outcome);
      outcomes.forEach((o, n) => expect(plan.fails(id, n)).toBe(o !== 'enacted'));
      expect(plan.fails(id, outcomes.length)).toBe(false);
    }
    expect(flaky.deadLetters.email.length).toBe(2);
    const repeats = injectionPlan(alo, 'audit');
    const duplicated = alo.attempts.filter((a) => a.consumer === 'audit' && a.outcome === 'duplicate');
    expect(duplicated.length).toBeGreaterThan(0);
    const aloId = new Map(alo.log.map((e) => [e.seq, e.id]));
    expect(repeats.repeats(aloId.get(duplicated[0].eventSeq)!)).toBe(duplicated.filter((d) => d.eventSeq === duplicated[0].eventSeq).length);
    // the setup's event is enacted outside any policy: one delivery, counted so
    expect(simulatedCounts(flaky, 'email', (t) => t === 'OrderPlaced')).toMatchObject({ deadLettered: 2, lost: 0 });
    expect(simulatedCounts(flaky, 'state', () => true).enacted).toBe(flaky.log.length);
  });
});

describe('a real run (purestream/real-run@1)', () => {
  const header: RealRunHeader = { format: REAL_RUN_FORMAT, source: 'nats://h/S', stream: 'S', consumer: consumer({ name: 'audit' }), domain: 'commerce', seed: 42, ackWaitMs: 1000 };
  const entry = (id: string, seq: number) => ({ seq, id, type: 'OrderPlaced', stream: `order:${id}`, data: {}, causationId: 'c', correlationId: 'c', at: 0, appendedAt: 0 }) as never;

  it('counts deliveries, redeliveries, failures, duplicates and dead letters; rebuilds the consumer\'s state from what was enacted', () => {
    const run = new RealRun(header);
    run.add({ t: 'session', at: 0, started: '2026-01-01T00:00:00Z' });
    run.add({ t: 'delivery', at: 1, seq: '1', event: 'e-1', delivery: 1, outcome: 'failed' });
    run.add({ t: 'delivery', at: 2, seq: '1', event: 'e-1', delivery: 2, outcome: 'enacted', repeat: true, entry: entry('e-1', 1) });
    run.add({ t: 'delivery', at: 3, seq: '1', event: 'e-1', delivery: 3, outcome: 'enacted', again: true, entry: entry('e-1', 1) });
    run.add({ t: 'delivery', at: 4, seq: '2', event: 'e-2', delivery: 1, outcome: 'failed' });
    run.add({ t: 'dead-letter', at: 5, seq: '2', event: 'e-2', deliveries: 3, parked: true });
    run.add({ t: 'dead-letter', at: 6, seq: '2', event: 'e-2', deliveries: 3, parked: true });
    expect(run.tally()).toEqual({ deliveries: 4, redeliveries: 2, failures: 2, duplicates: 1, deadLettered: 1, lost: 0, enacted: 1, skipped: 0, sessions: 1 });
    expect([run.failures('e-1'), run.repeats('e-1'), run.enacted('e-1'), run.enacted('e-2')]).toEqual([1, 1, true, false]);
    expect((run.rebuild(bundledDomain('commerce')!).output() as unknown[]).map((e) => (e as { id: string }).id)).toEqual(['e-1', 'e-1']);
  });

  it('reads its file back; a last line cut short by a crash is dropped; anything else names the line', () => {
    const text = [JSON.stringify(header), JSON.stringify({ t: 'session', at: 0, started: 'x' }), '{"t":"delivery","at":1,"se'].join('\n');
    expect(parseRealRun(text, 'r.jsonl').tally().sessions).toBe(1);
    expect(() => parseRealRun('{"format":"purestream/report@1"}\n', 'r.jsonl')).toThrow('r.jsonl:1: not a purestream/real-run@1 file (format: "purestream/report@1")');
    expect(() => parseRealRun(`${JSON.stringify(header)}\n{"t":"party"}\n`, 'r.jsonl')).toThrow('r.jsonl:2: unknown line kind "party"');
  });
});

describe('compare-real\'s parts', () => {
  it('compares lists as sets of entries without their receive times', () => {
    expect(comparableState([{ seq: 2, at: 9 }, { seq: 1, at: 3 }])).toEqual(comparableState([{ seq: 1, at: 100 }, { seq: 2, at: 200 }]));
    expect(comparableState({ 'order:1': { status: 'placed' } })).toEqual({ 'order:1': { status: 'placed' } });
  });

  it('reads back what publish wrote; other messages are not the run\'s', () => {
    const ce = toCloudEvent({ seq: 7, id: 'c7.1', type: 'OrderPlaced', at: 14, data: { orderId: 'o-7' }, stream: 'order:o-7', causationId: 'c7', correlationId: 'c7' }, 'commerce');
    expect(logEntryOf(JSON.stringify(ce), 'commerce')).toEqual({ kind: 'event', entry: { seq: 7, id: 'c7.1', type: 'OrderPlaced', data: { orderId: 'o-7' }, stream: 'order:o-7', causationId: 'c7', correlationId: 'c7', at: 14, appendedAt: 14 } });
    expect(logEntryOf(JSON.stringify(ce), 'profiles')).toEqual({ kind: 'other', why: 'not an event of domain profiles' });
    expect(logEntryOf('{"orderId":1}', 'commerce')).toEqual({ kind: 'other', why: 'not a CloudEvent' });
  });
});
