/**
 * The state hash of reports (cli-and-reports.md): SHA-256 hex of the canonical JSON (object keys
 * sorted at every depth, no whitespace) of `{ streamId: aggregate }`. The one implementation,
 * for run reports and log inspections alike: the text is streamed into the hash, never built as
 * one string, so a state of any size hashes (a million small aggregates or one of 600 MB).
 * Many small aggregates go through the native `JSON.stringify` a chunk at a time
 * (./nativeChunks); anything else through the streamed serializer (./canonicalJson). Both give
 * the same bytes. The hasher is injected (Node passes node:crypto's); pure JS by default.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { setOwn } from '../record';
import { writeCanonicalJson } from './canonicalJson';
import { PIECE_CHARS } from './jsonWriter';
import { CHUNK_STREAMS, nativePlan, plainKeys, writeChunk, type StateReader } from './nativeChunks';

export type { StateReader } from './nativeChunks';

/** An incremental hash of text as UTF-8, read as lowercase hex at the end. */
export interface TextHasher {
  update(text: string): void;
  hex(): string;
}

/** Makes a fresh SHA-256 text hasher. */
export type HasherFactory = () => TextHasher;

const encoder = new TextEncoder();

/** SHA-256 in pure JS (@noble/hashes): works everywhere, several times slower than a native one. */
export const pureSha256: HasherFactory = () => {
  const hash = sha256.create();
  return { update: (text) => hash.update(encoder.encode(text)), hex: () => bytesToHex(hash.digest()) };
};

/** Collects text and hands it to a hasher in pieces of about PIECE_CHARS (few calls, no big strings). */
function bufferedSink(hash: TextHasher): { write: (text: string) => void; flush: () => void } {
  let buffer = '';
  return {
    write(text) {
      if (text.length >= PIECE_CHARS) {
        if (buffer) hash.update(buffer);
        buffer = '';
        hash.update(text);
        return;
      }
      buffer += text;
      if (buffer.length >= PIECE_CHARS) {
        hash.update(buffer);
        buffer = '';
      }
    },
    flush() {
      if (buffer) hash.update(buffer);
      buffer = '';
    },
  };
}

/** What the hash of a state leaves for a report to reuse (see {@link hashState}). */
export interface HashKept {
  /** Each stream's member text, `"key":aggregate` (after a comma but the first). */
  members?: string[];
  /** False when an aggregate may hold what plain JSON does not (a Map, Set or Date: the hash wrote it tagged, ./taggedJson). */
  plain?: boolean;
  /** Only `plain` is wanted (no member texts kept). */
  readonly plainOnly?: boolean;
}

/**
 * SHA-256 hex of the canonical JSON of `{ key: state.get(key) }` over `sortedKeys` (the state's
 * keys, sorted; a missing aggregate is `null`; a Map, Set or Date written as its tagged object,
 * ./taggedJson). With `kept`, `kept.plain` says whether every aggregate is plain JSON data, and —
 * unless `plainOnly` — when every aggregate already is its canonical JSON as `JSON.stringify`
 * writes it (keys in sorted order), `kept.members` gets each stream's member text, for a report to reuse.
 */
export function hashState(state: StateReader, sortedKeys: readonly string[], hasher: HasherFactory = pureSha256, kept?: HashKept): string {
  const plan = nativePlan(state);
  if (kept) kept.plain = plan.kind !== 'js';
  if (plan.kind !== 'js') {
    const hash = hasher();
    const sink = bufferedSink(hash);
    const plain = plainKeys(sortedKeys);
    const members: string[] | undefined = kept && !kept.plainOnly && plan.kind === 'direct' ? [] : undefined;
    const write = members
      ? (text: string) => {
          members.push(text);
          sink.write(text);
        }
      : sink.write;
    sink.write('{');
    let ok = true;
    for (let start = 0; ok && start < sortedKeys.length; start += CHUNK_STREAMS)
      ok = writeChunk(state, sortedKeys, start, Math.min(sortedKeys.length, start + CHUNK_STREAMS), plan, plain, start === 0, write);
    if (ok) {
      if (kept && members?.length === sortedKeys.length) kept.members = members;
      sink.write('}');
      sink.flush();
      return hash.hex();
    }
  }
  return hashStreamed(state, sortedKeys, hasher);
}

/** The same hash, one aggregate at a time through the streamed serializer. */
function hashStreamed(state: StateReader, sortedKeys: readonly string[], hasher: HasherFactory): string {
  const hash = hasher();
  const sink = bufferedSink(hash);
  sink.write('{');
  for (let i = 0; i < sortedKeys.length; i++) {
    const key = sortedKeys[i];
    sink.write(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    writeCanonicalJson(state.get(key) ?? null, sink.write);
  }
  sink.write('}');
  sink.flush();
  return hash.hex();
}

/** A plain `{ key: value }` record read as a {@link StateReader} (own keys only). */
export const recordReader = (record: Readonly<Record<string, unknown>>): StateReader => ({
  get: (key) => (Object.hasOwn(record, key) ? record[key] : undefined),
  keys: () => Object.keys(record),
  values: () => Object.values(record),
  get size() {
    return Object.keys(record).length;
  },
});

/**
 * The `stateHash` of a final state given as a plain record (members whose value is `undefined`
 * are left out, as in canonical JSON); any other value is hashed as its canonical JSON.
 */
export function stateHash(state: unknown, hasher: HasherFactory = pureSha256): string {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    const hash = hasher();
    const sink = bufferedSink(hash);
    writeCanonicalJson(state, sink.write);
    sink.flush();
    return hash.hex();
  }
  const record = state as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return hashState(recordReader(record), keys, hasher);
}

/** The report's `finalState`: `{ streamId: aggregate }` with its keys in sorted order. */
export function finalStateObject(state: StateReader, sortedKeys: readonly string[]): Record<string, unknown> {
  const finalState: Record<string, unknown> = {};
  for (const key of sortedKeys) setOwn(finalState, key, state.get(key));
  return finalState;
}

/** The final state of a report: its `{ streamId: aggregate }` object (keys sorted) and its `stateHash`. */
export function finalStateOf(state: StateReader, hasher: HasherFactory = pureSha256): { stateHash: string; finalState: Record<string, unknown> } {
  const keys = [...state.keys()].sort();
  return { stateHash: hashState(state, keys, hasher), finalState: finalStateObject(state, keys) };
}

/** SHA-256 hex of the canonical JSON of a state held as a Map (or any {@link StateReader}). */
export const stateHashOf = (state: StateReader, hasher: HasherFactory = pureSha256): string => hashState(state, [...state.keys()].sort(), hasher);
