import { describe, expect, it } from 'vitest';
import { stateText } from '../../../../renderer/lib/consumers/stateText';

describe('stateText', () => {
  it('prints the streams in natural order, as JSON.stringify would indent them', () => {
    const state = { 'order:o-1': { qty: 1 }, 'order:o-10': { qty: 10 }, 'order:o-2': { qty: 2, tags: ['a'] } };
    const text = stateText(state, 10_000);
    expect(JSON.parse(text)).toEqual(state);
    expect([...text.matchAll(/"(order:o-\d+)"/g)].map((m) => m[1])).toEqual(['order:o-1', 'order:o-2', 'order:o-10']);
    expect(text).toBe(JSON.stringify({ 'order:o-1': state['order:o-1'], 'order:o-2': state['order:o-2'], 'order:o-10': state['order:o-10'] }, null, 2));
  });

  it('keeps numeric stream names in the same order (an object would reorder them)', () => {
    expect([...stateText({ b: 1, '10': 2, '9': 3 }, 1000).matchAll(/"(\w+)":/g)].map((m) => m[1])).toEqual(['9', '10', 'b']);
  });

  it('stops at the length asked for, and prints an empty state as {}', () => {
    const big = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`s-${i}`, { n: i }]));
    expect(stateText(big, 500)).toHaveLength(500);
    expect(stateText({}, 100)).toBe('{}');
  });
});
