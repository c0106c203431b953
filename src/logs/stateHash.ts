/**
 * The state hash of reports: SHA-256 hex of the canonical JSON (object keys sorted at every
 * depth, no whitespace) of `{ streamId: aggregate }`, the engine's `stateHash` computed stream
 * by stream, so a large state is never serialized as one string. Pure JS (works in the browser).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../engine/report/canonicalJson';

export { canonicalJson };

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
