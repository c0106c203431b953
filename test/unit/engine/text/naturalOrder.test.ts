import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../../../src/engine/text/naturalOrder';

describe('naturalOrder', () => {
  it('orders runs of digits as numbers', () => {
    expect(['o-100', 'o-10', 'o-2', 'o-101', 'o-1'].sort(naturalOrder)).toEqual(['o-1', 'o-2', 'o-10', 'o-100', 'o-101']);
    expect(['order:o-10', 'stock:tee@main', 'order:o-9'].sort(naturalOrder)).toEqual(['order:o-9', 'order:o-10', 'stock:tee@main']);
  });

  it('is a total order: distinct names never compare equal', () => {
    expect(naturalOrder('o-01', 'o-1')).not.toBe(0);
    expect(Math.sign(naturalOrder('o-01', 'o-1'))).toBe(-Math.sign(naturalOrder('o-1', 'o-01')));
    expect(naturalOrder('a', 'a')).toBe(0);
  });
});
