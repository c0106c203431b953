import { describe, expect, it } from 'vitest';
import { resolvedNodes } from '../../../../renderer/lib/tree/resolvedNodes';
import { expandScenario } from '../../../../src/engine/scenario/expand';
import { parsed, raw, resolve } from './arrivalFixture';

describe('resolvedNodes', () => {
  const resolved = resolve(raw);
  const jittered = expandScenario(parsed(raw)).arrivals.filter((a) => JSON.stringify(a.input).includes('"orderId":"j-'));

  it('gives each top-level node its arrivals: count, earliest and latest time, and the id of a single input', () => {
    expect(resolved['commands/0']).toEqual({ count: 1, first: 5, last: 5, id: 'c1' });
    // the repeat takes the previous node's time: 5 + 2k
    expect(resolved['commands/1']).toEqual({ count: 40, first: 5, last: 83 });
    expect(resolved['commands/2']).toMatchObject({ count: 1, first: 83, last: 83, id: 'b1' });
  });

  it('takes jittered times from the expansion', () => {
    const times = jittered.map((a) => a.at);
    expect(times).toHaveLength(10);
    expect(resolved['commands/3']).toEqual({ count: 10, first: Math.min(...times), last: Math.max(...times) });
    expect(resolved['commands/3'].last).toBeGreaterThanOrEqual(190);
  });

  it('gives batch items their batch time and the ids of the envelope, nested batches included', () => {
    expect(resolved['commands/2/items/0']).toEqual({ count: 1, first: 83, last: 83, id: 'c42' });
    expect(resolved['commands/2/items/1']).toEqual({ count: 1, first: 83, last: 83, id: 'inner' });
    expect(resolved['commands/2/items/1/items/0']).toMatchObject({ id: 'c43' });
    expect(resolved['commands/2/items/2']).toEqual({ count: 3, first: 83, last: 83 });
  });

  it('gives offline items the sync time, a repeat of nothing no time, and a repeated batch its copies', () => {
    expect(resolved['commands/4']).toEqual({ count: 2, first: 500, last: 500 });
    expect(resolved['commands/4/items/1']).toMatchObject({ count: 1, first: 500, last: 500 });
    expect(resolved['commands/5']).toEqual({ count: 0, first: 0, last: 0 });
    expect(resolved['commands/6']).toEqual({ count: 2, first: 600, last: 605 });
    expect(resolved['commands/6/template']).toBeUndefined();
  });

  it('stops where the counts and the expansion disagree rather than guess', () => {
    const arrivals = expandScenario(parsed(raw)).arrivals;
    const partial = resolvedNodes(parsed(raw).commands, arrivals.slice(0, 30));
    expect(partial['commands/0']).toBeDefined();
    expect(partial['commands/1']).toBeUndefined();
  });
});

