/**
 * Lines of one shape said once: what a comparison says of many streams alike ("drove
 * shopping_cart-c-N.items.tee to -2" for 20 carts) becomes one line with how many and the first
 * few streams, in natural order (c-2 before c-10); an invariant every run breaks is said once, as
 * the rule's fault rather than the scheduling's. Shared by Compare's "Why they differ" and the
 * command line's `compare` and `run` text. Pure.
 */
import { naturalOrder } from '../text/naturalOrder';
import type { Violation } from '../types';

/** Items with the same key, in the order first met. */
export interface ShapeGroup<T> {
  readonly key: string;
  /** In the order given. */
  readonly members: readonly T[];
}

/** Groups `items` whose `keyOf` is the same; groups in the order first met, members in the order given. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): ShapeGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const members = groups.get(key);
    if (members) members.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, members]) => ({ key, members }));
}

/**
 * Items of one shape (same `shapeOf`: the run, the field, the invariant…) on different streams
 * grouped, each group's members in the natural order of their streams, the groups in the order of
 * their first stream.
 */
export function groupStreams<T>(items: readonly T[], streamOf: (item: T) => string, shapeOf: (item: T) => string): ShapeGroup<T>[] {
  return groupBy(
    [...items].sort((a, b) => naturalOrder(streamOf(a), streamOf(b))),
    shapeOf,
  );
}

/** Paths (a stream, then keys) key by key in natural order: shopping_cart-c-2 › items before shopping_cart-c-10 › items. */
export function naturalPathOrder(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return naturalOrder(a[i], b[i]);
  return a.length - b.length;
}

/** Names shown before "and N more". */
export const FIRST_NAMES = 3;

/** "c-1, c-2, c-3 and 17 more" (`shown` names at most); "c-1 and c-2"; "c-1". */
export function namesText(names: readonly string[], shown = FIRST_NAMES): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(', ')} and ${(names.length - shown).toLocaleString('en-US')} more`;
}

/** The invariants every one of two or more runs broke, in the order first met: the rule's fault, whatever the scheduling. */
export function brokenByEveryRun(runs: readonly { readonly violations: readonly Violation[] }[]): string[] {
  if (runs.length < 2) return [];
  const [first, ...rest] = runs;
  const names = [...new Set(first.violations.map((v) => v.invariant))];
  return names.filter((name) => rest.every((r) => r.violations.some((v) => v.invariant === name)));
}

/** "every run breaks checked-out-cart-not-empty: the rule itself, not the scheduling" (`names`: brokenByEveryRun's). */
export const everyRunBreaksText = (names: readonly string[]): string => `every run breaks ${namesText(names, names.length)}: the rule itself, not the scheduling`;
