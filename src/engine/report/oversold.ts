/**
 * Oversells read from a final state: stock-like counters below zero (Compare's "Why" and the
 * sweep's units oversold). A domain whose aggregates have no stock-like counter (a bank, a credit
 * limit) has no oversell to measure: {@link countsUnits} tells, so the sweep leaves its column out. Pure.
 */

/** Field names that count units on hand (a value below zero is an oversell). */
export const STOCK_LIKE = /stock|qty|quantity|available|inventory|units/i;

/** Units sold beyond what there was: the sum, over every stream, of how far stock-like counters went below zero. */
export function oversoldUnits(finalState: Readonly<Record<string, unknown>>): number {
  let units = 0;
  for (const aggregate of Object.values(finalState)) {
    if (typeof aggregate !== 'object' || aggregate === null) continue;
    for (const [field, value] of Object.entries(aggregate)) if (typeof value === 'number' && value < 0 && STOCK_LIKE.test(field)) units -= value;
  }
  return units;
}

/** Whether the final state counts units on hand: some aggregate has a numeric stock-like field (the only kind {@link oversoldUnits} reads). */
export function countsUnits(finalState: Readonly<Record<string, unknown>>): boolean {
  for (const aggregate of Object.values(finalState)) {
    if (typeof aggregate !== 'object' || aggregate === null) continue;
    for (const [field, value] of Object.entries(aggregate)) if (typeof value === 'number' && STOCK_LIKE.test(field)) return true;
  }
  return false;
}
