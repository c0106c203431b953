import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';

const commerce = bundledDomain('commerce')!;
import { InvariantWatch } from '../../../../src/engine/state/invariantWatch';

const stock = (sku: string, level: number) => ({ sku, warehouse: 'main', stock: level });

describe('InvariantWatch (violations per stream, logs.md "Violations")', () => {
  it('three stocks going negative are three violations', () => {
    const watch = new InvariantWatch(commerce);
    const broken = ['a', 'b', 'c'].map((sku) => watch.check(`stock:${sku}@main`, stock(sku, -1)));
    expect(broken.map((b) => b?.map((v) => v.invariant))).toEqual([['stock-non-negative'], ['stock-non-negative'], ['stock-non-negative']]);
  });

  it('a stream that stays broken is not reported again; once repaired, breaking again is a new violation', () => {
    const watch = new InvariantWatch(commerce);
    expect(watch.check('stock:a@main', stock('a', -1))).toHaveLength(1);
    expect(watch.check('stock:a@main', stock('a', -3))).toBeUndefined();
    expect(watch.check('stock:a@main', stock('a', 2))).toBeUndefined();
    expect(watch.check('stock:a@main', stock('a', -2))).toHaveLength(1);
  });
});
