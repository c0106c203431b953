/** Issue 17.5: the free-worker structure agrees with a plain scan, and its cost does not grow with idle workers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FreeWorkers } from '../../../../src/engine/schedulers/freeWorkers';
import { IdSet } from '../../../../src/engine/schedulers/idSet';
import { run } from '../sim/scenarios';

/** The oracle: the former linear scan over alive/busy flags. */
class ScannedWorkers {
  readonly alive: boolean[];
  readonly busy: boolean[];
  constructor(capacity: number, initiallyAlive: number) {
    this.alive = Array.from({ length: capacity }, (_, i) => i < initiallyAlive);
    this.busy = Array.from({ length: capacity }, () => false);
  }
  take(): number {
    const i = this.alive.findIndex((a, k) => a && !this.busy[k]);
    if (i >= 0) this.busy[i] = true;
    return i;
  }
  add(): number {
    const i = this.alive.findIndex((a) => !a);
    if (i >= 0) [this.alive[i], this.busy[i]] = [true, true];
    return i;
  }
}

describe('FreeWorkers', () => {
  it('hands out the same (lowest free) ids as a linear scan, through takes, releases, adds and removes (model-based)', () => {
    const op = fc.oneof(fc.constant({ kind: 'take' as const }), fc.constant({ kind: 'add' as const }), fc.nat().map((n) => ({ kind: 'release' as const, n })), fc.nat().map((n) => ({ kind: 'remove' as const, n })));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2100 }), fc.nat(), fc.array(op, { maxLength: 300 }), (capacity, alive, ops) => {
        const initially = Math.min(capacity, alive % (capacity + 1));
        const fast = new FreeWorkers(capacity, initially);
        const model = new ScannedWorkers(capacity, initially);
        for (const o of ops) {
          if (o.kind === 'take') expect(fast.take()).toBe(model.take());
          else if (o.kind === 'add') expect(fast.add()).toBe(model.add());
          else {
            const busy = model.busy.flatMap((b, i) => (b && model.alive[i] ? [i] : []));
            const idle = model.alive.flatMap((a, i) => (a && !model.busy[i] ? [i] : []));
            if (o.kind === 'release' && busy.length > 0) {
              const id = busy[o.n % busy.length];
              fast.release(id);
              model.busy[id] = false;
            } else if (o.kind === 'remove' && idle.length > 0) {
              const id = idle[o.n % idle.length];
              fast.remove(id);
              model.alive[id] = false;
            }
          }
          expect(fast.aliveCount).toBe(model.alive.filter(Boolean).length);
          expect(fast.anyFree).toBe(model.alive.some((a, i) => a && !model.busy[i]));
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('finds the lowest member of a million-id set across its summary levels', () => {
    const set = new IdSet(1_000_000);
    set.addRange(0, 1_000_000);
    expect(set.size).toBe(1_000_000);
    for (const id of [0, 31, 32, 1023, 1024, 32767, 999_999]) set.delete(id);
    expect(set.lowest()).toBe(1);
    for (let id = 1; id < 999_999; id++) set.delete(id);
    expect(set.lowest()).toBe(-1);
    set.add(999_999);
    set.add(32768);
    expect(set.lowest()).toBe(32768);
  });
});

describe('a million decision workers', () => {
  it('run 200,000 arrivals in a pool and under autoscale (each arrival takes the lowest free worker)', () => {
    const result = run(
      {
        commands: [{ repeat: 200_000, every: 0.01, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }],
        runs: [
          { name: 'pool', scheduler: { kind: 'pool', workers: 1_000_000 }, serviceMs: 1000 },
          { name: 'autoscale', scheduler: { kind: 'autoscale', min: 1, max: 1_000_000, scaleUpDepth: 0, startupMs: 0 }, serviceMs: 1000 },
        ],
      },
      false,
    );
    for (const r of result.report.runs) expect(r.metrics).toMatchObject({ commands: 200_000, accepted: 200_000 });
    expect(result.report.runs[0].metrics.maxWorkers).toBe(1_000_000);
  });
});
