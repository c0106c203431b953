import { describe, expect, it } from 'vitest';
import { compareModel, formatDelta, formatValue, valueAt } from '../../../../renderer/lib/compare/compareModel';
import { flashSale } from './flashSale';

describe('compareModel', () => {
  const { report } = flashSale();
  const [oneQueue, eightWorkers] = report.runs;

  it('has one column per run and deltas against the first', () => {
    const model = compareModel([oneQueue, eightWorkers]);
    expect(model.runs).toEqual(['one queue', '8 workers']);
    const makespan = model.metrics.find((m) => m.key === 'makespanMs')!;
    expect(makespan.cells.map((c) => c.value)).toEqual([1500, 308]);
    expect(makespan.cells[1]).toMatchObject({ delta: -1192, tone: 'better' });
    const violations = model.metrics.find((m) => m.key === 'violations')!;
    expect(violations.cells[1]).toMatchObject({ value: 1, delta: 1, tone: 'worse' });
    expect(model.metrics.find((m) => m.key === 'failures')!.differs).toBe(false);
  });

  it('lists the diverging stream with every run value', () => {
    const model = compareModel([oneQueue, eightWorkers, report.runs[3]]);
    expect(model.divergingStreams).toContain('stock:tee@main');
    const stock = model.differences.find((d) => d.path.join('.') === 'stock:tee@main.stock')!;
    expect(stock.values).toEqual([0, -4, 0]);
  });

  it('finds no differences between equal runs', () => {
    expect(compareModel([oneQueue, report.runs[2]]).differences).toEqual([]);
    expect(compareModel([oneQueue]).differences).toEqual([]);
  });

  it('formats values and deltas', () => {
    expect(formatValue(1500, 'ms')).toBe('1,500 ms');
    expect(formatValue(2.25, '')).toBe('2.3');
    expect(formatDelta(-1192, 'ms')).toBe('−1,192 ms');
    expect(formatDelta(0, '')).toBe('');
    expect(valueAt({ a: { b: [1, 2] } }, ['a', 'b', '1'])).toBe(2);
    expect(valueAt({ a: 1 }, ['a', 'x'])).toBeNull();
  });
});

describe('difference order', () => {
  it('puts values every run has before values only some runs have', () => {
    const { report } = flashSale();
    const model = compareModel([report.runs[0], report.runs[1]]);
    expect(model.differences[0].path.join('.')).toBe('stock:tee@main.stock');
    expect(model.divergingStreams[0]).toBe('stock:tee@main');
  });
});

describe('valueAt', () => {
  it('reads own keys only: a field named like an Object.prototype member is data', () => {
    expect(valueAt({ 'profile:p1': { title: 'x' } }, ['profile:p1', 'constructor'])).toBeNull();
    expect(valueAt({ 'profile:p1': { constructor: 'kept' } }, ['profile:p1', 'constructor'])).toBe('kept');
    expect(valueAt({}, ['toString'])).toBeNull();
  });
});
