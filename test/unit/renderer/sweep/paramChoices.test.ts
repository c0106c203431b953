import { describe, expect, it } from 'vitest';
import { paramChoices, rangeSpec } from '../../../../renderer/lib/sweep/paramChoices';

describe('sweep parameter choices', () => {
  it('offers workers (max for autoscale), serviceMs, each consumer\'s failureRate and the seed', () => {
    expect(paramChoices({ scheduler: { kind: 'pool', workers: 8 }, consumers: [{ name: 'mail' }, {}] }).map((c) => c.path)).toEqual([
      'scheduler.workers',
      'serviceMs',
      'consumers[0].failureRate',
      'consumers[1].failureRate',
      'seed',
    ]);
    expect(paramChoices({ scheduler: { kind: 'autoscale' } })[0].path).toBe('scheduler.max');
    // one queue has no workers: a sweep of it starts at the decision time
    expect(paramChoices({ scheduler: { kind: 'serial' } })[0].path).toBe('serviceMs');
    expect(paramChoices({})[0].path).toBe('serviceMs');
    expect(rangeSpec('serviceMs', 5, 50, 5)).toBe('serviceMs=5..50:5');
  });
});
