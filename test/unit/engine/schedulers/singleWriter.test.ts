/** Issue 17.12: one writer per aggregate under `single-writer`; `partitioned`'s remaining risk counted as stale decisions, not hidden. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workerOf } from '../../../../src/engine/schedulers/partitioned';
import type { DecisionRecord, Trace } from '../../../../src/engine/types';
import { run } from '../sim/scenarios';

const place = (id: string, sku: string, at?: number, warehouse?: string) => ({
  ...(at === undefined ? {} : { at }),
  type: 'PlaceOrder',
  data: { orderId: id, customerId: 'u', sku, qty: 1, ...(warehouse ? { warehouse } : {}) },
});
const cancel = (id: string, at?: number) => ({ ...(at === undefined ? {} : { at }), type: 'CancelOrder', data: { orderId: id } });

describe('a cancel that arrives while its place is still being decided', () => {
  const result = run({
    setup: [{ type: 'RestockItem', data: { sku: 'lamp', qty: 5 } }],
    commands: [place('o1', 'lamp', 0), cancel('o1', 1)],
    runs: [
      { name: 'serial', serviceMs: 10 },
      { name: 'single-writer', scheduler: { kind: 'single-writer', workers: 4 }, serviceMs: 10 },
      { name: 'partitioned', scheduler: { kind: 'partitioned', workers: 4 }, serviceMs: 10 },
    ],
  });
  const [serial, singleWriter, partitioned] = result.report.runs;

  it('single-writer: waits for the place (both hold order:o1), is accepted, and ends in the state serial ends in', () => {
    expect(singleWriter.rejections).toEqual({});
    expect(singleWriter.stateHash).toBe(serial.stateHash);
    expect(singleWriter.metrics.staleDecisions).toBe(0);
    const decisions = result.traces[1].decisions;
    expect(decisions.map((d) => [d.inputId, d.startedAt, d.partitionKey])).toEqual([
      ['c1', 0, 'lamp@main,order:o1'],
      // keyed order:o1 on arrival; just before it starts it also holds the stock its order reserved
      ['c2', 10, 'order:o1,lamp@main'],
    ]);
  });

  it('partitioned: routes by the first key, so the cancel may run beside the place; then it is counted stale', () => {
    expect(workerOf('order:o1', 4)).not.toBe(workerOf('lamp@main', 4));
    expect(partitioned.rejections).toEqual({ 'unknown-order': 1 });
    expect(partitioned.stateHash).not.toBe(serial.stateHash);
    expect(partitioned.metrics.staleDecisions).toBe(1);
    expect(result.traces[2].decisions.find((d) => d.inputId === 'c2')?.stale).toBe(true);
  });
});

/** The aggregate a partition key stands for (commerce: `sku@warehouse` is a stock, `order:<id>` an order). */
const aggregateOf = (key: string): string => (key.startsWith('order:') ? key : `stock:${key}`);

/** Streams each decision appended to, from the trace's log. */
function appendedStreams(trace: Trace, d: DecisionRecord): string[] {
  return d.eventSeqs.map((seq) => trace.log[seq - 1].stream);
}

/** A random commerce command: places, cancels and ships of recent (or not yet placed) orders, restocks, some in batches. */
const command = (i: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ sku: fc.constantFrom('tee', 'mug'), warehouse: fc.constantFrom('main', 'north') }).map(({ sku, warehouse }) => place(`o${i}`, sku, undefined, warehouse)) },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 2 }).map((d) => cancel(`o${Math.max(0, i + d)}`)) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 1 }).map((d) => ({ type: 'ShipOrder', data: { orderId: `o${Math.max(0, i + d)}` } })) },
    { weight: 1, arbitrary: fc.record({ sku: fc.constantFrom('tee', 'mug'), qty: fc.integer({ min: 1, max: 3 }) }).map((data) => ({ type: 'RestockItem', data })) },
  );
const commands = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.nat()), { minLength: 1, maxLength: 30 })
  .chain((shape) =>
    fc.tuple(...shape.map(([, , seed], i) => command(i * 2).chain((a) => command(i * 2 + 1).map((b) => [a, b, seed] as const)))).map((pairs) => {
      let at = 0;
      return pairs.map(([a, b], i) => {
        at += shape[i][0];
        return shape[i][1] ? { at, batch: 'allow-partial', items: [a, b] } : { at, ...a };
      });
    }),
  );

describe('single-writer, model-based', () => {
  it('no two decisions in flight touch one aggregate; each writes only what it holds; the final state is serial\'s', () => {
    fc.assert(
      fc.property(commands, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 12 }), (nodes, workers, maxService) => {
        const result = run({
          setup: [
            { type: 'RestockItem', data: { sku: 'tee', qty: 6 } },
            { type: 'RestockItem', data: { sku: 'mug', qty: 3, warehouse: 'north' } },
          ],
          commands: nodes,
          runs: [
            { name: 'serial', serviceMs: 1 },
            { name: 'single-writer', scheduler: { kind: 'single-writer', workers }, serviceMs: { dist: 'uniform', min: 1, max: maxService } },
          ],
        });
        const [serial, singleWriter] = result.report.runs;
        const trace = result.traces[1];
        const held = trace.decisions.map((d) => new Set((d.partitionKey ?? '').split(',').map(aggregateOf)));
        trace.decisions.forEach((d, i) => {
          for (const stream of appendedStreams(trace, d)) expect(held[i], `${d.inputId} wrote ${stream}`).toContain(stream);
          for (let j = i + 1; j < trace.decisions.length; j++) {
            const e = trace.decisions[j];
            if (d.startedAt < e.endedAt && e.startedAt < d.endedAt)
              for (const aggregate of held[i]) expect(held[j].has(aggregate), `${d.inputId} and ${e.inputId} both hold ${aggregate}`).toBe(false);
          }
        });
        expect(singleWriter.stateHash).toBe(serial.stateHash);
        expect(singleWriter.rejections).toEqual(serial.rejections);
        expect(singleWriter.metrics.staleDecisions).toBe(0);
      }),
      { seed: 17, numRuns: 150 },
    );
  });
});
