import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../sim/scenarios';

const safeKinds = ['serial', 'single-writer', 'partitioned', 'capacity-aware'] as const;

/** A random stream of orders and restocks over two skus, with random gaps. */
const orderStream = fc.array(
  fc.record({
    kind: fc.constantFrom('order', 'order', 'order', 'restock', 'cancel'),
    sku: fc.constantFrom('tee', 'mug'),
    qty: fc.integer({ min: 1, max: 4 }),
    gap: fc.integer({ min: 0, max: 6 }),
  }),
  { minLength: 1, maxLength: 40 },
);

function commandsOf(stream: readonly { kind: string; sku: string; qty: number; gap: number }[]) {
  let at = 0;
  return stream.map((c, i) => {
    at += c.gap;
    if (c.kind === 'restock') return { at, type: 'RestockItem', data: { sku: c.sku, qty: c.qty } };
    if (c.kind === 'cancel') return { at, type: 'CancelOrder', data: { orderId: `o${Math.max(0, i - 3)}` } };
    return { at, type: 'PlaceOrder', data: { orderId: `o${i}`, customerId: 'u', sku: c.sku, qty: c.qty } };
  });
}

describe('scheduler properties on random order streams', () => {
  it('serial, single-writer, partitioned and capacity-aware never break stock-non-negative; accepted + rejected = commands', () => {
    fc.assert(
      fc.property(orderStream, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 20 }), (stream, stock, serviceMs) => {
        const result = run(
          {
            setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: stock } }],
            commands: commandsOf(stream),
            runs: safeKinds.map((kind) => ({ name: kind, scheduler: kind === 'serial' ? { kind } : { kind, workers: 4 }, serviceMs })),
          },
          false,
        );
        for (const r of result.report.runs) {
          expect(r.violations).toEqual([]);
          expect(r.metrics.accepted + r.metrics.rejected).toBe(r.metrics.commands);
          expect(r.metrics.commands).toBe(stream.length);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('every scheduler decides every command exactly once, pool and autoscale included', () => {
    fc.assert(
      fc.property(orderStream, (stream) => {
        const kinds = ['pool', 'autoscale', ...safeKinds];
        const result = run({ setup: [{ type: 'RestockItem', data: { sku: 'mug', qty: 5 } }], commands: commandsOf(stream), runs: kinds.map((kind) => ({ name: kind, scheduler: { kind }, serviceMs: 3 })) });
        result.traces.forEach((trace, i) => {
          const ids = trace.decisions.flatMap((d) => d.commandIds);
          expect(new Set(ids).size).toBe(stream.length);
          expect(result.report.runs[i].metrics.accepted + result.report.runs[i].metrics.rejected).toBe(stream.length);
          for (const d of trace.decisions) expect(d.startedAt).toBeGreaterThanOrEqual(d.arrivedAt);
        });
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('partitioned keeps arrival order per worker', () => {
    fc.assert(
      fc.property(orderStream, (stream) => {
        const { traces } = run({ commands: commandsOf(stream), runs: [{ name: 'p', scheduler: { kind: 'partitioned', workers: 3 }, serviceMs: 5 }] });
        const byWorker = new Map<number, number[]>();
        for (const d of [...traces[0].decisions].sort((a, b) => a.startedAt - b.startedAt)) {
          const list = byWorker.get(d.worker) ?? [];
          list.push(Number(d.inputId.slice(1)));
          byWorker.set(d.worker, list);
        }
        for (const list of byWorker.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
      }),
      { seed: 3, numRuns: 30 },
    );
  });
});
