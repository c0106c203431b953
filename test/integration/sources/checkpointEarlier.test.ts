/**
 * A chain of checkpointed reads of Emmett's store in a real PostgreSQL that began at a position
 * (README, "Checkpoints" and "Their earlier events, loaded from the store"): a stream met past its
 * start has its earlier events loaded once — by the read of the chain that first meets it — and a
 * later read, whose checkpoint carries that stream's state (`payment:<id>` for the store's
 * `payment-<id>`), does not ask the store for them again; the report is the one asking gave.
 */
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, needsServer } from '../servers';
import { seedEmmett, type EmmettMessage } from '../seed/emmett';
import payments from '../../fixtures/modules/payments/payments';
import { domainModule } from '../../../src/engine/module/domainModule';
import { LogInspector } from '../../../src/logs/logInspector';
import { finalStateEntries } from '../../../src/logs/lazyFinalState';
import type { CarriedState } from '../../../src/logs/carriedState';
import type { CheckpointRead } from '../../../src/sources/checkpointRead';
import { inspectSource } from '../../../src/sources/inspectSource';
import { openSourceReader } from '../../../src/sources/node/openSourceReader';
import { parseSourceUrl } from '../../../src/sources/sourceUrl';
import { parseStartAt } from '../../../src/sources/startAt';

const domain = domainModule(payments);
const authorized = (id: string): EmmettMessage => ({ type: 'PaymentAuthorized', data: { paymentId: id, amount: 1000, currency: 'EUR', merchantId: 'm-7' } });
const captured = (id: string, amount: number): EmmettMessage => ({ type: 'PaymentCaptured', data: { paymentId: id, amount } });
const append = (db: string, events: readonly [string, EmmettMessage][]) => seedEmmett(db, events.map(([id, m]) => ({ streamName: `payment-${id}`, messages: [m] })));

/** Reads `url` after `from` keeping a checkpoint; the result, the position reached, and the store streams whose earlier events were asked for. */
async function read(url: string, from: string, checkpoint: CheckpointRead) {
  const source = parseSourceUrl(url);
  const at = parseStartAt(from, source);
  if (typeof at === 'string') throw new Error(at);
  const reader = await openSourceReader(source, { from: at, until: 'head', batch: 1000, pollMs: 50 });
  const asked: string[] = [];
  const earlier = reader.earlier!;
  Object.assign(reader, {
    earlier: {
      ...earlier,
      before(record: object, page: number) {
        asked.push((record as { stream_id: string }).stream_id);
        return earlier.before(record, page);
      },
    },
  });
  const inspection = await inspectSource(reader, { source: source.display, domain, partial: true, checkpoint });
  if (!inspection.result.ok) throw new Error(inspection.result.reason);
  return { ...inspection, report: inspection.result.report, asked };
}

const broken = (report: { readonly violations: readonly { readonly stream: string }[] }) => report.violations.map((v) => v.stream).sort();

describe('a checkpointed chain of reads of Emmett that began at a position', () => {
  needsServer('postgres');

  it('asks the store for the earlier events of a stream once, not again when its state is carried; the report is the one asking gave', async () => {
    const db = await freshDatabase('checkpoint_earlier');
    const url = `${db}?store=emmett`;
    // before the chain: three payments, each authorized and captured 600 of 1000
    await append(db, ['pay-1', 'pay-2', 'pay-3'].flatMap((id): [string, EmmettMessage][] => [[id, authorized(id)], [id, captured(id, 600)]]));
    const start = await read(url, 'end', { file: 'cp.json', fromStart: false });
    const p0 = start.position!;

    // night 1: pay-1 captured once more (met past its start: loaded), a new pay-21
    await append(db, [['pay-1', captured('pay-1', 100)], ['pay-21', authorized('pay-21')], ['pay-21', captured('pay-21', 600)]]);
    const first = await read(url, p0, { file: 'cp.json', fromStart: false });
    expect(first.asked).toEqual(['payment-pay-1']);
    expect(first.report.earlierEvents).toEqual({ streams: 1, events: 2 });
    const carried: CarriedState = { states: [...finalStateEntries(first.report as { finalState: Record<string, unknown> })], unknown: first.unknownStreams!, fromStart: false };
    expect([carried.states.map(([s]) => s).sort(), carried.unknown]).toEqual([['payment:pay-1', 'payment:pay-21'], []]);

    // night 2: pay-1 and pay-21 over-captured (their states carried), pay-2 too (first met now: loaded)
    await append(db, [['pay-1', captured('pay-1', 400)], ['pay-21', captured('pay-21', 600)], ['pay-2', captured('pay-2', 500)]]);
    const resumed: CheckpointRead = { file: 'cp.json', fromStart: false, resumed: { position: first.position!, carried } };
    const second = await read(url, first.position!, resumed);
    expect(second.asked).toEqual(['payment-pay-2']);
    expect(broken(second.report)).toEqual(['payment:pay-1', 'payment:pay-2', 'payment:pay-21']);
    expect(second.report.earlierEvents).toEqual({ streams: 1, events: 2 });
    expect(second.report.streamsBeforeRead).toBeUndefined();

    // the same read asking the store for every stream met past its start (as before): the same report
    const asking = vi.spyOn(LogInspector.prototype, 'carriesEarlier').mockReturnValue(false);
    try {
      const old = await read(url, first.position!, resumed);
      expect(old.asked).toEqual(['payment-pay-1', 'payment-pay-21', 'payment-pay-2']);
      expect(JSON.stringify(old.result)).toBe(JSON.stringify(second.result));
    } finally {
      asking.mockRestore();
    }
  });
});
