/**
 * The state hash of reports: SHA-256 hex of the canonical JSON (object keys sorted at every
 * depth, no whitespace) of `{ streamId: aggregate }` — the engine's `stateHash` (same bytes as
 * its `canonicalJson`), computed a chunk of streams at a time so a large state is never
 * serialized as one string. Hundreds of thousands of small aggregates are serialized by the
 * native `JSON.stringify`, a few thousand per call: as they are when every object already
 * enumerates its keys in sorted order, else as copies whose keys were inserted in sorted order
 * (or with the sorted list of every key as a property list, when integer-like keys would be
 * reordered); states it cannot serialize exactly fall back to a JS serializer. The hasher is
 * injected (Node passes node:crypto's); pure JS by default.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export { canonicalJson } from '../engine/report/canonicalJson';

/** An incremental hash of text as UTF-8, read as lowercase hex at the end. */
export interface TextHasher {
  update(text: string): void;
  hex(): string;
}

/** What the hash reads of a state: a Map, or the replay's ./keyTable. */
export interface StateReader {
  get(key: string): unknown;
  keys(): Iterable<string>;
  values(): Iterable<unknown>;
  readonly size: number;
}

/** Makes a fresh SHA-256 text hasher. */
export type HasherFactory = () => TextHasher;

const encoder = new TextEncoder();

/** SHA-256 in pure JS (@noble/hashes): works everywhere, several times slower than a native one. */
export const pureSha256: HasherFactory = () => {
  const hash = sha256.create();
  return { update: (text) => hash.update(encoder.encode(text)), hex: () => bytesToHex(hash.digest()) };
};

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

/** A property list longer than this makes the native paths slower than the JS one (it is walked for every object). */
const MAX_PROPERTY_LIST = 64;
/** Streams serialized per `JSON.stringify` call on the fastest paths. */
const CHUNK_STREAMS = 4096;
/** Put between a chunk's aggregates so one native `split` cuts the chunk's JSON into them; a state holding this string takes the JS path. */
const SEPARATOR = 'purestream:next-aggregate';
/** The separator as it appears in a chunk's JSON, between two aggregates. */
const SEPARATOR_JSON = `,"${SEPARATOR}",`;

/** What `JSON.stringify` makes of plain data: canonical JSON as it is (0), once keys are sorted (1), or it is not plain data (2). */
type Sortedness = 0 | 1 | 2;

/** Whether every object of plain JSON data already enumerates its keys in sorted order (one quick pass, no allocation). */
function sortedness(value: unknown): Sortedness {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? (value === SEPARATOR ? 2 : 0) : typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? 2 : 0;
  let result: Sortedness = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && result < 2; i++) result = Math.max(result, sortedness(value[i])) as Sortedness;
    return result;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return 2;
  const o = value as Record<string, unknown>;
  let previous = '';
  for (const key in o) {
    if (key === '__proto__') return 2;
    if (key < previous) result = 1;
    previous = key;
    const inner = sortedness(o[key]);
    if (inner === 2) return 2;
    if (inner > result) result = inner;
  }
  return result;
}

/** An integer-like key: objects enumerate those first, whatever their insertion order. */
const isIndexLike = (key: string): boolean => key.length < 11 && /^\d+$/.test(key);

/** What every key of the state's aggregates allows: the sorted property list, and whether sorted copies keep their order. */
interface KeyScan {
  readonly keys: Set<string>;
  indexLike: boolean;
}

/** Adds every key of plain JSON data (see `sortedness`) to the scan; false past MAX_PROPERTY_LIST distinct keys. */
function collectKeys(value: unknown, scan: KeyScan): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!collectKeys(value[i], scan)) return false;
    return true;
  }
  const o = value as Record<string, unknown>;
  for (const key in o) {
    if (!scan.keys.has(key)) {
      if (scan.keys.size >= MAX_PROPERTY_LIST) return false;
      scan.keys.add(key);
      if (isIndexLike(key)) scan.indexLike = true;
    }
    if (!collectKeys(o[key], scan)) return false;
  }
  return true;
}

/** A copy of plain JSON data whose objects have their keys in `list` order (the sorted list of all their keys). */
function sortedCopy(value: unknown, list: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => sortedCopy(v, list));
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < list.length; i++) {
    const v = o[list[i]];
    if (v !== undefined) out[list[i]] = typeof v === 'object' ? sortedCopy(v, list) : v;
  }
  return out;
}

/**
 * How a state is serialized: natively in chunks (the aggregates as they are when their keys are
 * sorted already, else sorted copies), one native call per aggregate with a property list, or in JS.
 */
type Plan = { readonly kind: 'direct' } | { readonly kind: 'copies' | 'list'; readonly list: string[] } | { readonly kind: 'js' };

function planFor(state: StateReader): Plan {
  let worst: Sortedness = 0;
  for (const aggregate of state.values()) {
    const s = sortedness(aggregate);
    if (s === 2) return { kind: 'js' };
    if (s > worst) worst = s;
  }
  if (worst === 0) return { kind: 'direct' };
  const scan: KeyScan = { keys: new Set(), indexLike: false };
  for (const aggregate of state.values()) if (!collectKeys(aggregate, scan)) return { kind: 'js' };
  return { kind: scan.indexLike ? 'list' : 'copies', list: [...scan.keys].sort() };
}

/** A character that JSON escapes (or may: any surrogate) in a stream id. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Text handed to the hasher at a time: large enough that calls are few, small enough to stay cheap. */
const PIECE_CHARS = 1 << 20;

/**
 * The canonical JSON members (`"key":aggregate`, comma-separated) of streams `start..end`: one
 * `JSON.stringify` of their aggregates with a separator between them, cut apart by one `split`.
 * Undefined when the cut does not give one piece per stream (then the caller serializes in JS).
 */
function chunkMembers(state: StateReader, keys: readonly string[], start: number, end: number, list: readonly string[] | undefined, plainKeys: boolean): string | undefined {
  const values: unknown[] = [];
  for (let i = start; i < end; i++) {
    if (i > start) values.push(SEPARATOR);
    const aggregate = state.get(keys[i]) ?? null;
    values.push(list ? sortedCopy(aggregate, list) : aggregate);
  }
  const text = JSON.stringify(values);
  const pieces = text.slice(1, -1).split(SEPARATOR_JSON);
  if (pieces.length !== end - start) return undefined;
  const parts: string[] = new Array<string>(pieces.length);
  for (let i = 0; i < pieces.length; i++) parts[i] = (plainKeys ? `"${keys[start + i]}":` : `${JSON.stringify(keys[start + i])}:`) + pieces[i];
  return parts.join(',');
}

/** SHA-256 hex of the canonical JSON of `{ key: state.get(key) }` over `sortedKeys` (the state's keys, sorted). */
export function hashState(state: StateReader, sortedKeys: readonly string[], hasher: HasherFactory = pureSha256): string {
  const plan = planFor(state);
  if (plan.kind === 'direct' || plan.kind === 'copies') {
    const hash = hasher();
    const plainKeys = !ESCAPED.test(sortedKeys.join(''));
    hash.update('{');
    for (let start = 0; start < sortedKeys.length; start += CHUNK_STREAMS) {
      const members = chunkMembers(state, sortedKeys, start, Math.min(sortedKeys.length, start + CHUNK_STREAMS), plan.kind === 'copies' ? plan.list : undefined, plainKeys);
      if (members === undefined) return hashInJs(state, sortedKeys, undefined, hasher);
      hash.update(start === 0 ? members : ',' + members);
    }
    hash.update('}');
    return hash.hex();
  }
  return hashInJs(state, sortedKeys, plan.kind === 'list' ? plan.list : undefined, hasher);
}

/** The same hash, one aggregate at a time: with a property list (`JSON.stringify(aggregate, list)`) or the JS serializer. */
function hashInJs(state: StateReader, sortedKeys: readonly string[], list: readonly string[] | undefined, hasher: HasherFactory): string {
  const hash = hasher();
  const serialize = (aggregate: unknown): string => (aggregate === undefined ? 'null' : list ? (JSON.stringify(aggregate, list as string[]) ?? 'null') : fastCanonicalJson(aggregate));
  let parts: string[] = ['{'];
  let chars = 1;
  for (let i = 0; i < sortedKeys.length; i++) {
    const key = sortedKeys[i];
    const part = (i > 0 ? ',' : '') + JSON.stringify(key) + ':' + serialize(state.get(key));
    parts.push(part);
    chars += part.length;
    if (chars > PIECE_CHARS) {
      hash.update(parts.join(''));
      parts = [];
      chars = 0;
    }
  }
  parts.push('}');
  hash.update(parts.join(''));
  return hash.hex();
}

/** The report's `finalState`: `{ streamId: aggregate }` with its keys in sorted order. */
export function finalStateObject(state: StateReader, sortedKeys: readonly string[]): Record<string, unknown> {
  const finalState: Record<string, unknown> = {};
  for (const key of sortedKeys) finalState[key] = state.get(key);
  return finalState;
}

/** The final state of a report: its `{ streamId: aggregate }` object (keys sorted) and its `stateHash`. */
export function finalStateOf(state: StateReader, hasher: HasherFactory = pureSha256): { stateHash: string; finalState: Record<string, unknown> } {
  const keys = [...state.keys()].sort();
  return { stateHash: hashState(state, keys, hasher), finalState: finalStateObject(state, keys) };
}

/** SHA-256 hex of the canonical JSON of the state held as a Map. */
export const stateHashOf = (state: StateReader, hasher: HasherFactory = pureSha256): string => hashState(state, [...state.keys()].sort(), hasher);
