/**
 * Streamed JSON: a value written as text in pieces of about PIECE_CHARS, by a walk with its own
 * stack (any depth), cutting a huge string between code points, so a state or report of any
 * size is hashed or written without one string past V8's limit. Two styles, one walker:
 * - canonical (`stateHash`, cli-and-reports.md): keys sorted (UTF-16 order), no whitespace,
 *   `undefined` members left out and any other non-JSON value written as `null`;
 * - `indent: 2`: exactly `JSON.stringify(value, null, 2)` (key order as is, members that are
 *   `undefined`, functions or symbols left out, `null` for them in arrays), optionally with the
 *   C1 controls (U+007F–U+009F, which some terminals obey) escaped too, still valid JSON.
 * Values are plain data (no `toJSON`), but for a `Map`, `Set` or `Date` (a domain module's state
 * may hold them), written in both styles as its tagged object (./taggedJson: `{"@purestream":
 * "Map", "entries": […]}`), so two different Maps never write the same text. Pure.
 */
import { taggedObject } from './taggedJson';

/** Text handed out at a time: large enough that calls are few, small enough to stay cheap. */
export const PIECE_CHARS = 1 << 20;

/** Receives JSON text piece by piece (a piece never splits a surrogate pair). */
export type TextSink = (text: string) => void;

/** How to write: canonical (sorted keys, compact) or indented like `JSON.stringify(value, null, indent)`. */
export type JsonStyle = { readonly canonical: true } | { readonly canonical?: false; readonly indent: number; readonly escapeC1?: boolean };

/** An object or array being written: its keys (objects) and the next position. */
interface Frame {
  readonly value: unknown;
  readonly keys: readonly string[] | undefined;
  next: number;
  /** Whether a member or element has been written (for commas and the closing line). */
  wrote: boolean;
}

const C1 = /[\u007f-\u009f]/;
const C1_ALL = /[\u007f-\u009f]/g;
/** JSON text with its C1 controls (U+007F–U+009F, raw in `JSON.stringify`'s output) escaped as `\u00XX`: the same JSON value, safe on a terminal. */
export const escapeC1 = (json: string): string => (C1.test(json) ? json.replace(C1_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json);

/** Writes `value` as JSON in `style` to `sink`, in pieces. */
export function writeJson(value: unknown, sink: TextSink, style: JsonStyle): void {
  for (const piece of jsonPieces(value, style)) sink(piece);
}

/** `value` as JSON in `style`, piece by piece (pull them at the pace of the output: a file, stdout, a hash). */
export function* jsonPieces(value: unknown, style: JsonStyle): Generator<string, void, undefined> {
  const canonical = style.canonical === true;
  const indent = style.canonical ? 0 : style.indent;
  const c1 = !style.canonical && style.escapeC1 === true;
  let out = '';
  /** Pieces ready to hand out (filled by the helpers below, emptied by the walk). */
  const ready: string[] = [];
  const emit = (text: string): void => {
    out += text;
    if (out.length >= PIECE_CHARS) {
      ready.push(out);
      out = '';
    }
  };
  const quote = (s: string): string => (c1 ? escapeC1(JSON.stringify(s)) : JSON.stringify(s));
  const stack: Frame[] = [];
  const newline = (depth: number): string => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  /** Writes a scalar, or opens a container (pushed on the stack). */
  const begin = (v: unknown): void => {
    // a Map, Set or Date (any realm's) as its tagged object: plain data is never looked at twice
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) v = taggedObject(v) ?? v;
    if (v !== null && typeof v === 'object') {
      const keys = Array.isArray(v) ? undefined : canonical ? Object.keys(v).sort() : Object.keys(v);
      emit(keys ? '{' : '[');
      stack.push({ value: v, keys, next: 0, wrote: false });
    } else if (typeof v === 'string' && v.length > PIECE_CHARS) {
      if (out) ready.push(out);
      out = '';
      longString(v, ready, c1);
    } else emit(typeof v === 'string' ? quote(v) : (JSON.stringify(v) ?? 'null'));
  };
  /** Whether an object member with this value is written at all. */
  const written = (v: unknown): boolean => v !== undefined && (canonical || (typeof v !== 'function' && typeof v !== 'symbol'));
  begin(value);
  while (stack.length > 0) {
    while (ready.length > 0) yield ready.shift()!;
    const frame = stack[stack.length - 1];
    const depth = stack.length;
    let child: unknown;
    if (frame.keys === undefined) {
      const array = frame.value as unknown[];
      if (frame.next >= array.length) {
        stack.pop();
        emit(frame.wrote ? `${newline(depth - 1)}]` : ']');
        continue;
      }
      child = array[frame.next++];
      emit(`${frame.wrote ? ',' : ''}${newline(depth)}`);
    } else {
      if (frame.next >= frame.keys.length) {
        stack.pop();
        emit(frame.wrote ? `${newline(depth - 1)}}` : '}');
        continue;
      }
      const key = frame.keys[frame.next++];
      child = (frame.value as Record<string, unknown>)[key];
      if (!written(child)) continue;
      emit(`${frame.wrote ? ',' : ''}${newline(depth)}${quote(key)}:${indent > 0 ? ' ' : ''}`);
    }
    frame.wrote = true;
    begin(child);
  }
  yield* ready;
  if (out) yield out;
}

/** A string longer than PIECE_CHARS as JSON, a slice at a time (never between the halves of a surrogate pair). */
function longString(text: string, out: string[], c1: boolean): void {
  out.push('"');
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    const json = JSON.stringify(text.slice(start, end)).slice(1, -1);
    out.push(c1 ? escapeC1(json) : json);
    start = end;
  }
  out.push('"');
}
