/**
 * The state hash of reports: SHA-256 hex of the canonical JSON (object keys sorted at every
 * depth, no whitespace) of `{ streamId: aggregate }`. Hashed stream by stream, so a large
 * state is never serialized as one string. Pure JS (works in the browser).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** JSON text with object keys sorted at every depth and no whitespace (undefined members left out, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

const encoder = new TextEncoder();

/** SHA-256 hex of the canonical JSON of the state held as a Map from stream id to aggregate. */
export function stateHashOf(state: ReadonlyMap<string, unknown>): string {
  const hash = sha256.create();
  const keys = [...state.keys()].sort();
  let buffer = '{';
  keys.forEach((k, i) => {
    buffer += `${i > 0 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(state.get(k))}`;
    if (buffer.length > 1 << 16) {
      hash.update(encoder.encode(buffer));
      buffer = '';
    }
  });
  hash.update(encoder.encode(buffer + '}'));
  return bytesToHex(hash.digest());
}

/** The state as the plain `{ streamId: aggregate }` object of reports, keys sorted. */
export function stateObjectOf(state: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...state.keys()].sort()) out[k] = state.get(k);
  return out;
}
