/**
 * The event log's text filter: a match is a substring of what the table shows — the id, type,
 * stream and the data as read (strings unescaped, keys and values, `key=value` as summarized),
 * never its JSON escapes — compared with Unicode case folding for every script (ß ~ SS,
 * Ä ~ ä, Σ ~ σ) after NFKC normalization. Pure.
 */

/** `text` folded for comparison: compatibility-normalized, case-folded, recomposed. */
export function foldCase(text: string): string {
  // upper then lower folds the special cases lowering alone misses (ß → SS → ss, ς → Σ → σ)
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFC');
}

/** Everything of an event's data that the table can show: each key and each value as text, strings as they are. */
export function dataText(data: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (v === null || v === undefined || depth > 64) return;
    if (typeof v !== 'object') out.push(String(v));
    else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        if (x !== null && typeof x !== 'object') out.push(`${k}=${String(x)}`);
        walk(x, depth + 1);
      }
  };
  walk(data, 0);
  return out.join('\n');
}

/** Whether an event (its id, type, stream and data JSON) shows `needle` (already folded). */
export function eventShows(id: string, type: string, stream: string, dataJson: string, foldedNeedle: string): boolean {
  if (foldCase(`${id}\n${type}\n${stream}`).includes(foldedNeedle)) return true;
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch {
    data = dataJson;
  }
  return foldCase(dataText(data)).includes(foldedNeedle);
}
