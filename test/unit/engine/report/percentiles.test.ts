import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles } from '../../../../src/engine/report/percentiles';

const nearestRank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

describe('percentiles', () => {
  it('are zeros without samples', () => {
    expect(percentiles(new Float64Array())).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('use the nearest rank', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles(Float64Array.from([7]))).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
    expect(percentiles(Float64Array.from([1, 2]))).toEqual({ p50: 1, p95: 2, p99: 2, max: 2 });
  });

  it('agree with sorting on any samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }), (values) => {
        const expected = { p50: nearestRank(values, 50), p95: nearestRank(values, 95), p99: nearestRank(values, 99), max: Math.max(...values) };
        expect(percentiles(Float64Array.from(values))).toEqual(expected);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
