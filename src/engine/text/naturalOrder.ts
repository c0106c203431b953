/** The order people read names with numbers in: o-1, o-2, o-10, o-100 (not o-1, o-10, o-100, o-2). Pure. */

const collator = new Intl.Collator('en', { numeric: true });

/** Compares two names with their runs of digits as numbers; names the collator holds equal fall back to code-unit order, so the order is total. */
export const naturalOrder = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
