import { describe, expect, it } from 'vitest';
import { flashSale, run } from '../sim/scenarios';

const schedulerRun = (name: string, scheduler: Record<string, unknown>) => ({ name, scheduler, serviceMs: 10 });

describe('150 orders for 100 units', () => {
  const result = run(
    flashSale([
      schedulerRun('serial', { kind: 'serial' }),
      schedulerRun('pool', { kind: 'pool', workers: 8 }),
      schedulerRun('single-writer', { kind: 'single-writer', workers: 8 }),
      schedulerRun('partitioned', { kind: 'partitioned', workers: 8 }),
      schedulerRun('capacity-aware', { kind: 'capacity-aware', workers: 8 }),
    ]),
  );
  const byName = Object.fromEntries(result.report.runs.map((r) => [r.name, r]));

  it.each(['serial', 'single-writer', 'partitioned', 'capacity-aware'])('%s accepts exactly 100 and breaks nothing', (name) => {
    const r = byName[name];
    expect(r.metrics.commands).toBe(150);
    expect(r.metrics.accepted).toBe(100);
    expect(r.rejections).toEqual({ 'out-of-stock': 50 });
    expect(r.violations).toEqual([]);
    expect(r.finalState['stock:tee@main']).toEqual({ sku: 'tee', warehouse: 'main', stock: 0 });
  });

  it('pool with 8 workers oversells and reports stock-non-negative once', () => {
    const r = byName.pool;
    expect(r.metrics.accepted).toBeGreaterThan(100);
    expect(r.violations.map((v) => v.invariant)).toEqual(['stock-non-negative']);
    expect(r.violations[0].message).toMatch(/stock of tee@main is -1/);
    expect((r.finalState['stock:tee@main'] as { stock: number }).stock).toBe(100 - r.metrics.accepted);
  });

  it('capacity-aware finishes sooner than serial', () => {
    expect(byName['capacity-aware'].metrics.makespanMs).toBeLessThan(byName.serial.metrics.makespanMs);
    expect(byName.serial.metrics.makespanMs).toBe(1500);
  });

  it('serial keeps one worker and queues; pool keeps up', () => {
    expect(byName.serial.metrics.maxWorkers).toBe(1);
    expect(byName.serial.metrics.maxQueueDepth).toBeGreaterThan(50);
    expect(byName.pool.metrics.maxWorkers).toBe(8);
    expect(byName.pool.metrics.maxQueueDepth).toBe(1);
  });

  it('records for each decision its worker, times, the state version it read and its lag', () => {
    const pool = result.traces[1];
    expect(pool.decisions).toHaveLength(150);
    const second = pool.decisions[1];
    expect(second).toMatchObject({ inputId: 'c2', worker: 1, arrivedAt: 2, startedAt: 2, endedAt: 12, stateVersion: 1, lag: 0, accepted: true });
    const serial = result.traces[0];
    expect(serial.decisions[1]).toMatchObject({ worker: 0, startedAt: 10, stateVersion: 3 });
  });

  it('single-writer and partitioned record the partition keys (a place holds its stock and its order)', () => {
    expect(result.traces[2].decisions[0].partitionKey).toBe('tee@main,order:o-1');
    expect(result.traces[3].decisions[0].partitionKey).toBe('tee@main,order:o-1');
  });
});

describe('autoscale', () => {
  const burst = { seed: 1, setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1000 } }], commands: [{ repeat: 60, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }] };
  const { report, trace } = (() => {
    const r = run({ ...burst, runs: [{ name: 'auto', scheduler: { kind: 'autoscale', min: 1, max: 4, scaleUpDepth: 3, startupMs: 5, idleMs: 50 }, serviceMs: 10 }] });
    return { report: r.report.runs[0], trace: r.traces[0] };
  })();

  it('grows under a burst up to max and shrinks back to min after', () => {
    const values = trace.workers.map((s) => s.value);
    expect(values[0]).toBe(1);
    expect(Math.max(...values)).toBe(4);
    expect(values[values.length - 1]).toBe(1);
    const peak = values.indexOf(4);
    expect(values.slice(0, peak + 1)).toEqual([1, 2, 3, 4]);
    expect(report.metrics.maxWorkers).toBe(4);
  });

  it('removes workers only after they idled for idleMs, after the work is done', () => {
    const shrinkTimes = trace.workers.filter((s, i) => i > 0 && s.value < trace.workers[i - 1].value).map((s) => s.t);
    const lastEnd = Math.max(...trace.decisions.map((d) => d.endedAt));
    expect(shrinkTimes.every((t) => t >= 50)).toBe(true);
    expect(report.metrics.makespanMs).toBe(lastEnd);
    expect(shrinkTimes[shrinkTimes.length - 1]).toBeGreaterThanOrEqual(lastEnd + 50 - 10);
  });

  it('a lone worker never scales when the queue stays short', () => {
    const r = run({ ...burst, commands: [{ repeat: 20, every: 20, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }], runs: [{ name: 'auto', scheduler: { kind: 'autoscale', max: 4 }, serviceMs: 10 }] });
    expect(r.report.runs[0].metrics.maxWorkers).toBe(1);
    expect(r.traces[0].workers).toEqual([{ t: 0, value: 1 }]);
  });
});

describe('capacity-aware with a restock arriving while orders wait', () => {
  it('admits the restock at once and then the orders it makes room for', () => {
    const { report, traces } = run({
      setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 2 } }],
      commands: [
        { repeat: 5, every: 1, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u', sku: 'tee', qty: 1 } } },
        { at: 2.5, type: 'RestockItem', data: { sku: 'tee', qty: 3 } },
      ],
      runs: [{ name: 'cap', scheduler: { kind: 'capacity-aware', workers: 8 }, serviceMs: 10 }],
    });
    const r = report.runs[0];
    expect(r.metrics.accepted).toBe(6);
    expect(r.violations).toEqual([]);
    expect(r.finalState['stock:tee@main']).toMatchObject({ stock: 0 });
    const restock = traces[0].decisions.find((d) => d.type === 'RestockItem')!;
    expect(restock.startedAt).toBe(2.5);
    expect(traces[0].decisions.filter((d) => d.startedAt === 12.5)).toHaveLength(3);
  });

  it('releases waiting orders together once the stock is gone and nothing is in flight', () => {
    const { traces, report } = run({
      setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 2 } }],
      commands: [{ repeat: 6, every: 1, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u', sku: 'tee', qty: 1 } } }],
      runs: [{ name: 'cap', scheduler: { kind: 'capacity-aware', workers: 8 }, serviceMs: 10 }],
    });
    expect(report.runs[0].rejections).toEqual({ 'out-of-stock': 4 });
    const rejectedStarts = traces[0].decisions.filter((d) => !d.accepted).map((d) => d.startedAt);
    expect(rejectedStarts).toEqual([11, 11, 11, 11]);
  });
});

describe('scheduler key override', () => {
  it('single-writer keyed by orderId gives every order its own key, so it oversells like a pool', () => {
    const { report, traces } = run(flashSale([{ name: 'by order', scheduler: { kind: 'single-writer', workers: 8, key: 'orderId' }, serviceMs: 10 }]));
    expect(report.runs[0].metrics.accepted).toBeGreaterThan(100);
    expect(report.runs[0].violations).toHaveLength(1);
    expect(traces[0].decisions[0].partitionKey).toBe('o-1');
  });
});
