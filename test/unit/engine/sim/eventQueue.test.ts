import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../../src/engine/sim/eventQueue';
import { Fifo } from '../../../../src/engine/sim/fifo';

describe('EventQueue', () => {
  it('pops by time, ties in the order they were scheduled', () => {
    const q = new EventQueue();
    q.push(5, 1, 0, 0, 0, 'a');
    q.push(1, 1, 0, 0, 0, 'b');
    q.push(5, 1, 0, 0, 0, 'c');
    q.push(0, 1, 0, 0, 0, 'd');
    const out: unknown[] = [];
    for (let e = q.pop(); e; e = q.pop()) {
      out.push(e.ref);
      q.recycle(e);
    }
    expect(out).toEqual(['d', 'b', 'a', 'c']);
  });

  it('behaves like a stable sort on any schedule, with records recycled in between', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 200 }), (ops) => {
        const q = new EventQueue();
        const model: { t: number; id: number }[] = [];
        const popped: number[] = [];
        const expected: number[] = [];
        ops.forEach(([t, pop], id) => {
          q.push(t, 0, id, 0, 0, null);
          model.push({ t, id });
          if (pop) {
            const e = q.pop()!;
            popped.push(e.a);
            q.recycle(e);
            model.sort((x, y) => x.t - y.t || x.id - y.id);
            expected.push(model.shift()!.id);
          }
        });
        expect(popped).toEqual(expected);
        expect(q.size).toBe(model.length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('Fifo', () => {
  it('keeps order across compactions', () => {
    const f = new Fifo<number>();
    for (let i = 0; i < 5000; i++) f.push(i);
    for (let i = 0; i < 3000; i++) expect(f.shift()).toBe(i);
    f.push(5000);
    expect(f.length).toBe(2001);
    expect(f.peek()).toBe(3000);
  });
});
