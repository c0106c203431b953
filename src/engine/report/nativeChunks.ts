/**
 * The fast path of the state hash: many small aggregates serialized by the native
 * `JSON.stringify`, a chunk of streams per call, giving exactly {@link writeCanonicalJson}'s
 * text. It applies when every object already enumerates its keys in sorted order (as they are),
 * or when sorted copies keep their order (no integer-like keys), and no aggregate is large (a
 * 60 MB customer id); anything else is left to the streamed JS serializer, which never makes a
 * long string. Should a chunk still be too long for one string, it is cut in halves. Pure.
 */

/** What the hash reads of a state: a Map, or the log replay's key table (src/logs/keyTable.ts). */
export interface StateReader {
  get(key: string): unknown;
  keys(): Iterable<string>;
  values(): Iterable<unknown>;
  readonly size: number;
}

/** How the native path serializes a state: the aggregates as they are, sorted copies (with the sorted list of every key), or not at all. */
export type NativePlan = { readonly kind: 'direct' } | { readonly kind: 'copies'; readonly list: readonly string[] } | { readonly kind: 'js' };

/** A property list longer than this makes sorted copies slower than the JS serializer. */
const MAX_PROPERTY_LIST = 64;
/** Streams serialized per `JSON.stringify` call. */
export const CHUNK_STREAMS = 4096;
/** Put between a chunk's aggregates so one native `split` cuts the chunk's JSON into them; a state holding this string takes the JS path. */
const SEPARATOR = 'purestream:next-aggregate';
const SEPARATOR_JSON = `,"${SEPARATOR}",`;

/** What `JSON.stringify` makes of plain data: canonical JSON as it is (0), once keys are sorted (1), or it is not plain data (2). */
type Sortedness = 0 | 1 | 2;

/** Deepest aggregate the native path takes (deeper ones go to the JS serializer, which has its own stack). */
const MAX_NATIVE_DEPTH = 256;
/** Largest aggregate (in characters of its JSON, roughly) the native path takes: chunks of them stay far below V8's longest string. */
const MAX_NATIVE_CHARS = 1 << 16;

/** Characters of the JSON of the values `sortedness` looked at, roughly (reset per aggregate). */
let seenChars = 0;

/** Whether every object of plain JSON data already enumerates its keys in sorted order (one quick pass, no allocation). */
function sortedness(value: unknown, depth: number): Sortedness {
  seenChars += typeof value === 'string' ? value.length + 2 : 8;
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? (value === SEPARATOR ? 2 : 0) : typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? 2 : 0;
  if (depth > MAX_NATIVE_DEPTH) return 2;
  let result: Sortedness = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && result < 2; i++) result = Math.max(result, sortedness(value[i], depth + 1)) as Sortedness;
    return result;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return 2;
  const o = value as Record<string, unknown>;
  let previous = '';
  for (const key in o) {
    if (key === '__proto__') return 2;
    seenChars += key.length + 4;
    if (key < previous) result = 1;
    previous = key;
    const inner = sortedness(o[key], depth + 1);
    if (inner === 2) return 2;
    if (inner > result) result = inner;
  }
  return result;
}

/** An integer-like key: objects enumerate those first, whatever their insertion order. */
const isIndexLike = (key: string): boolean => key.length < 11 && /^\d+$/.test(key);

/** Adds every key of plain JSON data to `keys`; false past MAX_PROPERTY_LIST distinct keys or at an integer-like key. */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!collectKeys(value[i], keys)) return false;
    return true;
  }
  const o = value as Record<string, unknown>;
  for (const key in o) {
    if (!keys.has(key)) {
      if (keys.size >= MAX_PROPERTY_LIST || isIndexLike(key)) return false;
      keys.add(key);
    }
    if (!collectKeys(o[key], keys)) return false;
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

/** Whether (and how) the native path can serialize this state. */
export function nativePlan(state: StateReader): NativePlan {
  let worst: Sortedness = 0;
  for (const aggregate of state.values()) {
    seenChars = 0;
    const s = sortedness(aggregate, 1);
    if (s === 2 || seenChars > MAX_NATIVE_CHARS) return { kind: 'js' };
    if (s > worst) worst = s;
  }
  if (worst === 0) return { kind: 'direct' };
  const keys = new Set<string>();
  for (const aggregate of state.values()) if (!collectKeys(aggregate, keys)) return { kind: 'js' };
  return { kind: 'copies', list: [...keys].sort() };
}

/** A character that JSON escapes (or may: any surrogate) in a stream id. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Whether stream ids can be quoted without JSON.stringify (nothing in them needs escaping). */
export const plainKeys = (sortedKeys: readonly string[]): boolean => !sortedKeys.some((key) => ESCAPED.test(key));

/**
 * Writes the canonical JSON members (`"key":aggregate`, comma-separated, with a leading comma
 * unless `first`) of streams `start..end` to `sink`: one `JSON.stringify` per chunk, halved while
 * the chunk's text would be too long for one string. False when a cut does not give one piece
 * per stream (the caller then serializes in JS).
 */
export function writeChunk(state: StateReader, keys: readonly string[], start: number, end: number, plan: NativePlan, plain: boolean, first: boolean, sink: (text: string) => void): boolean {
  const list = plan.kind === 'copies' ? plan.list : undefined;
  let text: string;
  try {
    const values: unknown[] = [];
    for (let i = start; i < end; i++) {
      if (i > start) values.push(SEPARATOR);
      const aggregate = state.get(keys[i]) ?? null;
      values.push(list ? sortedCopy(aggregate, list) : aggregate);
    }
    text = JSON.stringify(values);
  } catch (error) {
    if (!(error instanceof RangeError) || end - start === 1) throw error;
    const middle = start + ((end - start) >> 1);
    return writeChunk(state, keys, start, middle, plan, plain, first, sink) && writeChunk(state, keys, middle, end, plan, plain, false, sink);
  }
  const pieces = text.slice(1, -1).split(SEPARATOR_JSON);
  if (pieces.length !== end - start) return false;
  for (let i = 0; i < pieces.length; i++) sink(`${first && i === 0 ? '' : ','}${plain ? `"${keys[start + i]}"` : JSON.stringify(keys[start + i])}:${pieces[i]}`);
  return true;
}
