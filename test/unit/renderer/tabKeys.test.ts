import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../../renderer/lib/tabKeys';

describe('tabAfterKey', () => {
  it('moves to the next or previous tab, round at the ends', () => {
    const all = [true, true, true];
    expect(tabAfterKey('ArrowRight', 0, all)).toBe(1);
    expect(tabAfterKey('ArrowRight', 2, all)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, all)).toBe(2);
    expect(tabAfterKey('Home', 2, all)).toBe(0);
    expect(tabAfterKey('End', 0, all)).toBe(2);
  });

  it('passes disabled tabs over, and ignores other keys', () => {
    const some = [true, false, false, true, false];
    expect(tabAfterKey('ArrowRight', 0, some)).toBe(3);
    expect(tabAfterKey('ArrowRight', 3, some)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, some)).toBe(3);
    expect(tabAfterKey('End', 0, some)).toBe(3);
    expect(tabAfterKey('Enter', 0, some)).toBeUndefined();
    expect(tabAfterKey('ArrowRight', 0, [false, false])).toBeUndefined();
  });
});
