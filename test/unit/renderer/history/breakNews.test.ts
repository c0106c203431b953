import { describe, expect, it } from 'vitest';
import { breakNews } from '../../../../renderer/lib/history/breakNews';

const at = (violations: string[], broken: string[]) => ({ violations, broken });

describe('breakNews', () => {
  it('says a break once as it starts, not at every step it stays broken, and says its end', () => {
    const broke = at(['stock-non-negative'], ['stock-non-negative (stock:tee@main)']);
    const still = at([], ['stock-non-negative (stock:tee@main)']);
    expect(breakNews(at([], []), broke)).toBe('⚠ Invariant broken at this step: stock-non-negative');
    expect(breakNews(broke, still)).toBeUndefined();
    expect(breakNews(still, still)).toBeUndefined();
    // back onto the step that broke it, from the stretch it broke: nothing new
    expect(breakNews(still, broke)).toBeUndefined();
    expect(breakNews(still, at([], []))).toBe('No invariant is broken at this step.');
    expect(breakNews(at([], []), at([], []))).toBeUndefined();
  });
  it('says a broken stretch stepped into, or read first, and a change of what is broken', () => {
    expect(breakNews(undefined, at([], ['a (s)']))).toBe('⚠ Still broken at this step: a (s)');
    expect(breakNews(at([], []), at([], ['a (s)']))).toBe('⚠ Still broken at this step: a (s)');
    expect(breakNews(at([], ['a (s)']), at([], ['a (s)', 'b (t)']))).toBe('⚠ Still broken at this step: a (s); b (t)');
  });
});
