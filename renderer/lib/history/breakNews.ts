/**
 * What a screen reader hears of the invariants broken as the user steps through a run's history:
 * a break when it starts (the step that broke it, or a broken stretch stepped into), a change of
 * what is broken, and its end, never the same words again at every step it stays broken. Pure.
 */

/** What is broken at one step: the invariants this step broke, and every one broken at it (with its stream). */
export interface BrokenAt {
  readonly violations: readonly string[];
  readonly broken: readonly string[];
}

const listed = (items: readonly string[]): string => `${items.slice(0, 5).join('; ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The words to say on coming to `now` from `before` (undefined: the first step read), or undefined for nothing new. */
export function breakNews(before: BrokenAt | undefined, now: BrokenAt): string | undefined {
  const was = before?.broken ?? [];
  // still broken as at the last step (back onto the step that broke it, too): nothing new
  if (before !== undefined && now.broken.length > 0 && same(was, now.broken)) return undefined;
  if (now.violations.length > 0) return `⚠ Invariant broken at this step: ${listed(now.violations)}`;
  if (now.broken.length > 0) return `⚠ Still broken at this step: ${listed(now.broken)}`;
  return was.length > 0 ? 'No invariant is broken at this step.' : undefined;
}
