import { describe, expect, it } from 'vitest';
import { defaultMetrics } from '../../../../renderer/lib/sweep/defaultMetrics';
import { SWEEP_METRICS } from '../../../../renderer/lib/sweep/sweepMetrics';

describe('defaultMetrics', () => {
  it("plots the violations first when the domain declares invariants (the opening sentence's example)", () => {
    expect(defaultMetrics([{ name: 'within-overdraft-limit' }])).toEqual(['violations', 'oversold', 'staleDecisions', 'accepted', 'makespanMs']);
  });

  it('leaves the violations out when the domain declares none', () => {
    expect(defaultMetrics([])).toEqual(['oversold', 'staleDecisions', 'accepted', 'makespanMs']);
  });

  it('names only metrics a sweep has', () => {
    const ids = new Set(SWEEP_METRICS.map((m) => m.id));
    expect(defaultMetrics([{ name: 'x' }]).every((id) => ids.has(id))).toBe(true);
  });
});
