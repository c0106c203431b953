/**
 * The event log's text filter: a match is a substring of what the table and a record's details
 * show — the id, type, stream, causation and correlation ids, and the data and metadata as read
 * (strings unescaped, keys and values, `key=value` as summarized), never their JSON escapes —
 * compared with Unicode case folding for every script (ß ~ SS, Ä ~ ä, Σ ~ σ) after NFKC
 * normalization. Pure.
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

/** What of a record, besides its id, type, stream and data, the text filter searches: its causation and correlation ids and its metadata (JSON text, as stored). */
export interface MoreRecordText {
  readonly causationId?: string | null;
  readonly correlationId?: string | null;
  readonly metadataJson?: string | null;
}

/**
 * Whether a record shows `needle` (already folded): its id, type, stream, causation and
 * correlation ids, its data and its metadata (keys and values as {@link dataText} gives them).
 */
export function eventShows(id: string, type: string, stream: string, dataJson: string, foldedNeedle: string, more: MoreRecordText = {}): boolean {
  if (foldCase(`${id}\n${type}\n${stream}\n${more.causationId ?? ''}\n${more.correlationId ?? ''}`).includes(foldedNeedle)) return true;
  if (foldCase(dataText(parsed(dataJson))).includes(foldedNeedle)) return true;
  return more.metadataJson !== undefined && more.metadataJson !== null && foldCase(dataText(parsed(more.metadataJson))).includes(foldedNeedle);
}

/** Stored JSON text as its value, or as text when it is not JSON. */
function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
