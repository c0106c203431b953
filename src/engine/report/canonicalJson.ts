/**
 * Canonical JSON (cli-and-reports.md, `stateHash`): object keys sorted at every depth, no
 * whitespace. Written by the streamed writer (./jsonWriter), so it can be hashed piece by piece
 * at any size; `canonicalJson` joins the pieces for values known to be small. Pure.
 */
import { setOwn } from '../record';
import { writeJson, type TextSink } from './jsonWriter';

/** Writes the canonical JSON of `value` to `sink`, in pieces; the pieces joined are {@link canonicalJson}'s text. */
export const writeCanonicalJson = (value: unknown, sink: TextSink): void => writeJson(value, sink, { canonical: true });

/** The canonical JSON of plain JSON data as one string (for values known to be small; hash or write big ones streamed). */
export function canonicalJson(value: unknown): string {
  const pieces: string[] = [];
  writeCanonicalJson(value, (text) => pieces.push(text));
  return pieces.join('');
}

/** A deep copy of plain JSON data with object keys sorted at every depth (for stable reports). */
export function sortedKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setOwn(out, key, sortedKeys((value as Record<string, unknown>)[key]));
  return out as T;
}
