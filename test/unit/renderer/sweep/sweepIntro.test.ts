import { describe, expect, it } from 'vitest';
import { sweepIntro } from '../../../../renderer/lib/sweep/sweepIntro';

describe('sweepIntro', () => {
  it("takes its example from the domain's own invariant, not another domain's oversells", () => {
    const text = sweepIntro([{ name: 'within-credit-limit' }, { name: 'non-negative-outstanding' }]);
    expect(text).toBe("Run one configuration over a range of a parameter and see how each metric moves — for example, as a pool's workers grow, how many of its decisions read stale state and whether `within-credit-limit` breaks.");
    expect(text).not.toContain('oversell');
  });

  it('falls back on a metric every run has when the domain declares no invariant', () => {
    expect(sweepIntro([])).toBe("Run one configuration over a range of a parameter and see how each metric moves — for example, as a pool's workers grow, how many of its decisions read stale state and how long the run takes.");
  });
});
