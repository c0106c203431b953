/**
 * The row a key moves a table's active row to (Up, Down, Home, End, PageUp, PageDown), for a
 * table of `total` rows that shows `page` at a time; undefined for any other key, or an empty
 * table. With no active row yet, a move starts from the first row (`from`: the first row shown).
 * Pure.
 */
export function rowAfterKey(key: string, active: number | undefined, total: number, page: number, from = 0): number | undefined {
  if (total <= 0) return undefined;
  const last = total - 1;
  const step = Math.max(1, page - 1);
  const clamp = (i: number): number => Math.min(last, Math.max(0, i));
  if (active === undefined) {
    if (key === 'Home') return 0;
    if (key === 'End') return last;
    return ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(key) ? clamp(from) : undefined;
  }
  switch (key) {
    case 'ArrowDown': return clamp(active + 1);
    case 'ArrowUp': return clamp(active - 1);
    case 'PageDown': return clamp(active + step);
    case 'PageUp': return clamp(active - step);
    case 'Home': return 0;
    case 'End': return last;
    default: return undefined;
  }
}
