/**
 * The state hash of reports: SHA-256 hex of the canonical JSON (object keys sorted at every
 * depth, no whitespace) of `{ streamId: aggregate }` — the engine's `stateHash` (same bytes as
 * its `canonicalJson`), computed stream by stream so a large state is never serialized as one
 * string, with a serializer tuned for hundreds of thousands of small aggregates. Pure JS.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export { canonicalJson } from '../engine/report/canonicalJson';

const encoder = new TextEncoder();

/** Canonical JSON of plain JSON data; the same text as the engine's `canonicalJson`. */
export function fastCanonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + (value[i] === undefined ? 'null' : fastCanonicalJson(value[i]));
    return s + ']';
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  let s = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]];
    if (v === undefined) continue;
    s += (first ? '' : ',') + JSON.stringify(keys[i]) + ':' + fastCanonicalJson(v);
    first = false;
  }
  return s + '}';
}

/** The final state of a report: its `{ streamId: aggregate }` object (keys sorted) and its `stateHash`, in one pass. */
export function finalStateOf(state: ReadonlyMap<string, unknown>): { stateHash: string; finalState: Record<string, unknown> } {
  const keys = [...state.keys()].sort();
  const hash = sha256.create();
  const finalState: Record<string, unknown> = {};
  let buffer = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const aggregate = state.get(key);
    finalState[key] = aggregate;
    buffer += (i > 0 ? ',' : '') + JSON.stringify(key) + ':' + fastCanonicalJson(aggregate);
    if (buffer.length > 1 << 20) {
      hash.update(encoder.encode(buffer));
      buffer = '';
    }
  }
  hash.update(encoder.encode(buffer + '}'));
  return { stateHash: bytesToHex(hash.digest()), finalState };
}

/** SHA-256 hex of the canonical JSON of the state held as a Map. */
export const stateHashOf = (state: ReadonlyMap<string, unknown>): string => finalStateOf(state).stateHash;
