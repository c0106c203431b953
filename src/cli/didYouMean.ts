/**
 * The command a mistyped one most likely meant (`inpsect` → `inspect`): the known name at the
 * smallest edit distance (insertions, deletions, substitutions and swaps of two neighbours each
 * count 1), when that distance is at most 2 and less than half the typed name's length. Pure.
 */

/** Optimal-string-alignment distance between `a` and `b`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The name of `known` that `typed` most likely meant, or undefined. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  if (typed.length > 40) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(typed.toLowerCase(), name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= 2 && best.d * 2 < typed.length ? best.name : undefined;
}
