import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orders, restock, runOne } from './scenarios';

/** Five restocks (one event each) at 0, 10, ..., 40, decided serially in 1 ms. */
const fiveRestocks = { repeat: 5, every: 10, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } };
const withConsumers = (consumers: unknown[], commands: unknown[] = [fiveRestocks]) => ({
  seed: 3,
  commands,
  runs: [{ name: 'r', consumers }],
});
const state = { name: 'state', interpreter: 'state-store' };
const audit = (policy: Record<string, unknown>) => ({ name: 'audit', interpreter: 'audit-log', ...policy });

describe('delivery policies', () => {
  it('a consumer that always fails with retry.max = 2 makes 3 attempts per event and parks every event', () => {
    const { report, trace } = runOne(withConsumers([state, audit({ failureRate: 1, retry: { max: 2, backoffMs: 5, factor: 2 } })]));
    expect(report.metrics).toMatchObject({ events: 5, deliveries: 5 + 15, failures: 15, retries: 10, deadLettered: 5, lost: 0, duplicates: 0 });
    const first = trace.attempts.filter((a) => a.consumer === 'audit' && a.eventSeq === 1);
    expect(first.map((a) => [a.attempt, a.start, a.outcome])).toEqual([
      [1, 1, 'failed'],
      [2, 6, 'failed'],
      [3, 16, 'parked'],
    ]);
    expect(trace.deadLetters.audit).toEqual([1, 2, 3, 4, 5]);
    expect(trace.outputs.audit).toEqual([]);
    expect(report.metrics.makespanMs).toBe(56);
  });

  it('without dead letters, events whose retries ran out are lost', () => {
    const { report } = runOne(withConsumers([state, audit({ failureRate: 1, retry: { max: 1, backoffMs: 0 }, deadLetter: false })]));
    expect(report.metrics).toMatchObject({ deliveries: 5 + 10, failures: 10, retries: 5, deadLettered: 0, lost: 5 });
  });

  it('at-most-once loses failed events and never retries them', () => {
    const { report, trace } = runOne(withConsumers([state, audit({ failureRate: 1, delivery: 'at-most-once', retry: { max: 3 } })]));
    expect(report.metrics).toMatchObject({ deliveries: 10, failures: 5, retries: 0, lost: 5, deadLettered: 0 });
    expect(trace.attempts.filter((a) => a.consumer === 'audit').map((a) => a.outcome)).toEqual(['lost', 'lost', 'lost', 'lost', 'lost']);
  });

  it('at-least-once repeats successful deliveries (duplicateRate 1: every event twice)', () => {
    const { report, trace } = runOne(withConsumers([state, audit({ delivery: 'at-least-once', duplicateRate: 1 })]));
    expect(report.metrics).toMatchObject({ deliveries: 15, duplicates: 5, failures: 0 });
    expect((trace.outputs.audit as { seq: number }[]).map((e) => e.seq)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('exactly-once suppresses duplicates by event id', () => {
    const { report, trace } = runOne(withConsumers([state, audit({ delivery: 'exactly-once', duplicateRate: 1 })]));
    expect(report.metrics).toMatchObject({ deliveries: 15, duplicates: 5 });
    expect((trace.outputs.audit as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a non-idempotent state store with at-least-once duplicates double-counts stock', () => {
    const { report } = runOne(withConsumers([{ ...state, delivery: 'at-least-once', duplicateRate: 1, idempotent: false }]));
    expect(report.finalState['stock:tee@main']).toMatchObject({ stock: 10 });
    const idempotent = runOne(withConsumers([{ ...state, delivery: 'at-least-once', duplicateRate: 1 }]));
    expect(idempotent.report.finalState['stock:tee@main']).toMatchObject({ stock: 5 });
  });

  it('latency and enactMs delay enactments; workers enact in parallel', () => {
    const { trace } = runOne(withConsumers([state, audit({ latencyMs: 3, enactMs: 20, workers: 2 })]));
    const a = trace.attempts.filter((x) => x.consumer === 'audit');
    expect(a.map((x) => [x.eventSeq, x.worker, x.start, x.end])).toEqual([
      [1, 0, 4, 24],
      [2, 1, 14, 34],
      [3, 0, 24, 44],
      [4, 1, 34, 54],
      [5, 0, 44, 64],
    ]);
    expect(trace.consumerQueueDepth.audit.length).toBeGreaterThan(0);
  });

  it('downtime: events wait and are enacted after the window; nothing is lost', () => {
    const { report, trace } = runOne(withConsumers([state, audit({ downtime: [{ from: 5, to: 100 }] })]));
    const a = trace.attempts.filter((x) => x.consumer === 'audit');
    expect(a.map((x) => [x.eventSeq, x.start, x.outcome])).toEqual([
      [1, 1, 'enacted'],
      [2, 100, 'enacted'],
      [3, 100, 'enacted'],
      [4, 100, 'enacted'],
      [5, 100, 'enacted'],
    ]);
    expect(report.metrics).toMatchObject({ lost: 0, deadLettered: 0, deliveries: 10, makespanMs: 100 });
    expect(Math.max(...trace.consumerQueueDepth.audit.map((s) => s.value))).toBe(4);
  });

  it('stale reads: a state store with latency makes decisions read old state (and oversell)', () => {
    const json = { seed: 1, setup: restock(3), commands: [orders(6, 5)], runs: [{ name: 'slow store', consumers: [{ ...state, latencyMs: 20 }] }] };
    const { report, trace } = runOne(json);
    expect(trace.decisions[1]).toMatchObject({ startedAt: 5, stateVersion: 1, lag: 2 });
    expect(report.metrics.accepted).toBeGreaterThan(3);
    expect(report.violations.map((v) => v.invariant)).toEqual(['stock-non-negative']);
    expect(report.metrics.enactLatencyMs.p50).toBe(21);
  });

  it('a downed state store also makes decisions stale; they catch up after it', () => {
    const json = { seed: 1, setup: restock(3), commands: [orders(6, 5)], runs: [{ name: 'down', consumers: [{ ...state, downtime: [{ from: 0, to: 50 }] }] }] };
    const { report, trace } = runOne(json);
    expect(trace.decisions.every((d) => d.stateVersion === 1)).toBe(true);
    expect(report.metrics.accepted).toBe(6);
    expect(trace.history.filter((h) => h.t === 50).length).toBe(12);
  });

  it('exactly-once with enough retries ends in the same final state as a clean run, whatever the failure rate', () => {
    // Enough stock that no decision depends on when earlier events were enacted.
    const commands = [orders(30, 3)];
    const setup = restock(1000);
    const clean = runOne({ seed: 1, setup, commands, runs: [{ name: 'clean', scheduler: { kind: 'pool', workers: 3 }, serviceMs: 4 }] }).report;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.6, noNaN: true }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 20 }), (failureRate, seed, backoffMs) => {
        const faulty = runOne({
          seed,
          setup,
          commands,
          runs: [{ name: 'faulty', scheduler: { kind: 'pool', workers: 3 }, serviceMs: 4, consumers: [{ ...state, failureRate, retry: { max: 60, backoffMs, factor: 1 } }] }],
        }).report;
        expect(faulty.metrics.deadLettered).toBe(0);
        expect(faulty.stateHash).toBe(clean.stateHash);
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('at-least-once with an idempotent state store ends in the same final state as a clean run, whatever the duplicate rate', () => {
    const setup = restock(1000);
    const commands = [orders(30, 3)];
    const clean = runOne({ seed: 1, setup, commands, runs: [{ name: 'clean', scheduler: { kind: 'pool', workers: 3 }, serviceMs: 4 }] }).report;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (duplicateRate, seed) => {
        const r = runOne({ seed, setup, commands, runs: [{ name: 'dup', scheduler: { kind: 'pool', workers: 3 }, serviceMs: 4, consumers: [{ ...state, delivery: 'at-least-once', duplicateRate, latencyMs: 2 }] }] }).report;
        expect(r.stateHash).toBe(clean.stateHash);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('at-most-once with failures never enacts an event twice', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (failureRate, seed) => {
        const { trace } = runOne({ seed, commands: [orders(20, 1)], setup: restock(50), runs: [{ name: 'r', consumers: [state, audit({ failureRate, delivery: 'at-most-once', duplicateRate: 1 })] }] });
        const seqs = (trace.outputs.audit as { seq: number }[]).map((e) => e.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('one consumer\'s failures do not perturb another consumer\'s draws', () => {
    const other = { name: 'mail', interpreter: 'notifier', failureRate: 0.5, retry: { max: 5, backoffMs: 1 } };
    const a = runOne(withConsumers([state, other, audit({ failureRate: 0.1 })])).trace;
    const b = runOne(withConsumers([state, other, audit({ failureRate: 0.9, retry: { max: 3 } })])).trace;
    const mail = (t: typeof a) => t.attempts.filter((x) => x.consumer === 'mail');
    expect(mail(b)).toEqual(mail(a));
  });
});
