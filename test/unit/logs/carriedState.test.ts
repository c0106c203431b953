/**
 * A read resumed from a checkpoint (src/logs/carriedState, README's `--checkpoint`): the replay
 * starts from the states an earlier read left; the streams those carry are checked from them; when
 * the chain of reads began at the source's start, a stream none of them met began in this read and
 * is checked from the domain's initial state; a stream carried as unknown stays unknown. Two reads
 * so chained find what one read of everything finds, with the same final state.
 */
import { describe, expect, it } from 'vitest';
import { domainModule } from '../../../src/engine/module/domainModule';
import { LogInspector, type InspectorOptions } from '../../../src/logs/logInspector';
import { finalStateEntries } from '../../../src/logs/lazyFinalState';
import { StreamStarts } from '../../../src/logs/streamStarts';
import type { InspectionReport } from '../../../src/logs/types';
import type { CarriedState } from '../../../src/logs/carriedState';

type Payment = { paymentId: string; authorized: number; captured: number };
const payments = domainModule({
  id: 'payments',
  decide: () => ({ type: 'accepted', events: [] }),
  evolve: (p: Payment | undefined, e: { type: string; data: { paymentId: string; amount: number } }) =>
    e.type === 'PaymentAuthorized' ? { paymentId: e.data.paymentId, authorized: e.data.amount, captured: 0 } : { paymentId: e.data.paymentId, authorized: p?.authorized ?? 0, captured: (p?.captured ?? 0) + e.data.amount },
  streamOf: (e: { data: { paymentId: string } }) => `payment:${e.data.paymentId}`,
  commandSchemas: {},
  eventSchemas: {
    PaymentAuthorized: { type: 'object', properties: { paymentId: { type: 'string' }, amount: { type: 'integer' } }, required: ['paymentId', 'amount'] },
    PaymentCaptured: { type: 'object', properties: { paymentId: { type: 'string' }, amount: { type: 'integer' } }, required: ['paymentId', 'amount'] },
  },
  invariants: [{ name: 'capture-within-authorization', violation: (_s: string, p: Payment) => (p.captured > p.authorized ? `${p.paymentId} captured ${p.captured} of ${p.authorized}` : undefined) }],
});

let seq = 0;
/** A broker's record: no stream revision, only the payment's id as its key. */
const ev = (id: string, type: string, amount: number) => JSON.stringify({ eventId: `evt-${++seq}`, eventType: type, aggregateId: id, timestamp: new Date(Date.UTC(2026, 10, 30, 0, 0, seq)).toISOString(), data: { paymentId: id, amount } });
const paid = (id: string, ...captures: number[]) => [ev(id, 'PaymentAuthorized', 1000), ...captures.map((c) => ev(id, 'PaymentCaptured', c))];

/** Last night's records: pay-1 fine, pay-2 partly captured, pay-7 over-captured already. */
const before = [...paid('pay-1', 600, 400), ...paid('pay-2', 600), ...paid('pay-7', 600, 600)];
/** Tonight's: a new payment over-captured, a capture on pay-2 that breaks it, one more on the already broken pay-7, a fine new one. */
const after = [...paid('pay-21', 600, 600), ev('pay-2', 'PaymentCaptured', 500), ev('pay-7', 'PaymentCaptured', 100), ...paid('pay-22', 100)];

function read(lines: readonly string[], options: InspectorOptions): { report: InspectionReport; inspector: LogInspector } {
  const inspector = new LogInspector({ domain: payments, ...options });
  lines.forEach((text, i) => inspector.record(text, i + 1));
  const result = inspector.finish('log');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { report: result.report, inspector };
}

const broken = ({ report }: { report: InspectionReport }) => report.violations.map((v) => v.stream);
const startsNote = ({ report }: { report: InspectionReport }) => report.notes?.find((n) => n.includes('began before the read'));
/** What a checkpoint written after `r` carries. */
const carriedBy = (r: ReturnType<typeof read>, fromStart: boolean): CarriedState => ({ states: [...finalStateEntries(r.report as { finalState: Record<string, unknown> })], unknown: r.inspector.unknownStreams(), fromStart });

describe('a read resumed from a checkpoint', () => {
  it('a chain that began at the start: the new payment and the old one broken tonight are both found, the already broken one not again; the final state is one whole read’s', () => {
    const whole = read([...before, ...after], {});
    expect(broken(whole)).toEqual(['payment:pay-7', 'payment:pay-21', 'payment:pay-2']);
    const first = read(before, {});
    expect(broken(first)).toEqual(['payment:pay-7']);
    const second = read(after, { partial: true, carried: carriedBy(first, true) });
    expect(broken(second)).toEqual(['payment:pay-21', 'payment:pay-2']);
    expect(second.report.streamsBeforeRead).toBeUndefined();
    expect(second.report.stateHash).toBe(whole.report.stateHash);
    expect(JSON.parse(JSON.stringify(second.report.finalState))).toEqual(JSON.parse(JSON.stringify(whole.report.finalState)));
    expect(second.inspector.unknownStreams()).toEqual([]);
  });

  it('without the checkpoint a broker read --from a position checks none of them (what --checkpoint is for)', () => {
    const blind = read(after, { partial: true });
    expect(broken(blind)).toEqual([]);
    expect(blind.report.streamsBeforeRead).toBe(4);
  });

  it('a chain that began at a position: the carried streams are checked, a new one is judged as in any read --from a position, and unknown ones stay unknown', () => {
    const first = read(before, { partial: true });
    expect(first.inspector.unknownStreams()).toEqual(['payment:pay-1', 'payment:pay-2', 'payment:pay-7']);
    // a later read of the same chain: every carried stream is unknown still, and so is the new pay-21 (no revisions to say where it began)
    const second = read(after, { partial: true, carried: carriedBy(first, false) });
    expect(broken(second)).toEqual([]);
    expect(second.report.streamsBeforeRead).toBe(4);
    expect(startsNote(second)).toContain('stream "payment:pay-21" at line 1: the read began after');
    expect(second.inspector.unknownStreams()).toEqual(['payment:pay-1', 'payment:pay-2', 'payment:pay-7', 'payment:pay-21', 'payment:pay-22']);
    // one known stream carried: checked, the others not
    const known = read(after, { partial: true, carried: { states: carriedBy(first, false).states, unknown: ['payment:pay-1', 'payment:pay-7'], fromStart: false } });
    expect(broken(known)).toEqual(['payment:pay-2']);
  });

  it('a stream carried as unknown stays unknown in a chain from the start; the note says why', () => {
    const first = read(before, {});
    const second = read(after, { partial: true, carried: { ...carriedBy(first, true), unknown: ['payment:pay-2'] } });
    expect(broken(second)).toEqual(['payment:pay-21']);
    expect(second.report.streamsBeforeRead).toBe(1);
    expect(startsNote(second)).toMatch(/^1 stream began before the read; .*stream "payment:pay-2" at line 4: the checkpoint the read resumed from holds its state as unknown/);
  });
});

describe('StreamStarts.carry', () => {
  const at = () => 'line 1';
  it('known streams whatever their revisions; in a chain from the start every new stream; carried unknown ones from their first event here', () => {
    const starts = new StreamStarts(true);
    starts.useFirstPosition('1');
    starts.carry(new Set(['order:a']), new Set(['order:u']), true);
    expect(starts.event('order:a', 'a', '7', at)).toBe(false);
    expect(starts.event('stock:mug', 'a', '8', at)).toBe(false);
    expect(starts.event('order:new', 'new', '5', at)).toBe(false);
    expect(starts.event('order:u', 'u', '3', at)).toBe(true);
    expect([starts.count, starts.firstBefore?.reason]).toEqual([1, { kind: 'carried' }]);

    const mid = new StreamStarts(true);
    mid.useFirstPosition('1');
    mid.carry(new Set(['order:a']), new Set(['order:u']), false);
    expect([mid.event('order:a', 'a', '7', at), mid.event('order:b', 'b', '1', at), mid.event('order:c', 'c', '4', at)]).toEqual([false, false, true]);
    expect(mid.unknownStreams()).toEqual(['order:u', 'order:c']);
  });
});
