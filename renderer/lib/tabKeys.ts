/**
 * The tab a key moves to in a row of tabs (the ARIA tabs pattern): ArrowRight and ArrowLeft to the
 * next and the previous enabled tab, round at the ends; Home and End to the first and the last
 * enabled one. `enabled` has one entry per tab; undefined for any other key, or no tab enabled.
 * Pure.
 */
export function tabAfterKey(key: string, current: number, enabled: readonly boolean[]): number | undefined {
  const n = enabled.length;
  const open = enabled.map((e, i) => (e ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0) return undefined;
  const from = (start: number, step: number): number => {
    for (let k = 1; k <= n; k++) {
      const i = (((start + step * k) % n) + n) % n;
      if (enabled[i]) return i;
    }
    return current;
  };
  switch (key) {
    case 'ArrowRight': return from(current, 1);
    case 'ArrowLeft': return from(current, -1);
    case 'Home': return open[0];
    case 'End': return open[open.length - 1];
    default: return undefined;
  }
}
