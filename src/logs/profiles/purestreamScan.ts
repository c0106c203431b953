/**
 * The purestream profile's quick reading of its common event record, `{"seq":..,"id":..,
 * "type":..,"at":..,["stream"|"causationId"|"correlationId":..,] "data":{...}}` (the layout
 * purestream's export and most producers write): the envelope's few fields are read from the text
 * in place and only `data` goes through JSON.parse — no envelope object, no interning of a million
 * distinct ids. The standard layout is proved by one sticky regex; any other key order is scanned;
 * string members may also follow `data`. It accepts only what JSON.parse reads the same way:
 * integers without sign, fraction or exponent (at most 15 digits), strings without escapes or
 * control characters, each key once, JSON whitespace. Anything else — another key, another form, a
 * doubt — returns undefined and the record takes the profile's JSON.parse reading (./purestream),
 * which is this one's oracle in a property test and words every error. Pure.
 */
import { VIRTUAL_EPOCH_MS } from '../timestamps';
import type { EventRecord } from '../types';

/** The envelope of an event record and where its `data` text lies (`text.slice(dataStart, dataEnd)`). */
export interface Envelope {
  readonly seq: number;
  readonly id: string;
  /** Where the id's text lies (`text.slice(idStart, idEnd)` is `id`). */
  readonly idStart: number;
  readonly idEnd: number;
  readonly type: string;
  readonly at: number;
  readonly stream: string | undefined;
  readonly causationId: string | undefined;
  readonly correlationId: string | undefined;
  readonly dataStart: number;
  readonly dataEnd: number;
}

const SEQ = 1;
const ID = 2;
const TYPE = 4;
const AT = 8;
const STREAM = 16;
const CAUSATION = 32;
const CORRELATION = 64;
const REQUIRED = SEQ | ID | TYPE | AT;

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function skipWs(text: string, i: number): number {
  while (isWs(text.charCodeAt(i))) i++;
  return i;
}

/** The field bit of the key whose text is `text[start..end)` (0 for `data`, -1 for any other key). */
function keyAt(text: string, start: number, end: number): number {
  switch (end - start) {
    case 2:
      return text.startsWith('id', start) ? ID : text.startsWith('at', start) ? AT : -1;
    case 3:
      return text.startsWith('seq', start) ? SEQ : -1;
    case 4:
      return text.startsWith('type', start) ? TYPE : text.startsWith('data', start) ? 0 : -1;
    case 6:
      return text.startsWith('stream', start) ? STREAM : -1;
    case 11:
      return text.startsWith('causationId', start) ? CAUSATION : -1;
    case 13:
      return text.startsWith('correlationId', start) ? CORRELATION : -1;
    default:
      return -1;
  }
}

/** Reads a plain string value whose quotes are at `open` and `close`; undefined when it holds an escape or a control character. */
function plainString(text: string, open: number, close: number): string | undefined {
  for (let k = open + 1; k < close; k++) {
    const c = text.charCodeAt(k);
    if (c < 32 || c === 92) return undefined;
  }
  return text.slice(open + 1, close);
}

/**
 * The record from its \`data\` (at \`start\`) on: string members after data are read backwards
 * from the closing brace (purestream's own export writes stream, causationId and correlationId
 * there); data is the object between. Undefined when anything is unusual (an escape, another key).
 */
function dataOnwards(text: string, start: number, seen: number, seq: number, idStart: number, idEnd: number, type: string, at: number, stream: string | undefined, causationId: string | undefined, correlationId: string | undefined): Envelope | undefined {
  let j = text.length - 1;
  while (j > start && isWs(text.charCodeAt(j))) j--;
  if (text.charCodeAt(j) !== 125) return undefined;
  j--;
  for (;;) {
    while (j > start && isWs(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 34) break;
    // a string member: its value (no escaped quote can pass: the character before it would be a backslash)
    const open = text.lastIndexOf('"', j - 1);
    if (open <= start) return undefined;
    const value = plainString(text, open, j);
    if (value === undefined) return undefined;
    const valueEnd = j;
    j = open - 1;
    while (j > start && isWs(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 58) return undefined;
    j--;
    while (j > start && isWs(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 34) return undefined;
    const keyOpen = text.lastIndexOf('"', j - 1);
    if (keyOpen <= start) return undefined;
    const field = keyAt(text, keyOpen + 1, j);
    if (field <= 0 || (seen & field) !== 0 || field === SEQ || field === AT) return undefined;
    seen |= field;
    if (field === ID) {
      idStart = open + 1;
      idEnd = valueEnd;
    } else if (field === TYPE) type = value;
    else if (field === STREAM) stream = value;
    else if (field === CAUSATION) causationId = value;
    else correlationId = value;
    j = keyOpen - 1;
    while (j > start && isWs(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 44) return undefined;
    j--;
  }
  // data is an object ending here (else JSON.parse would throw on the slice: costly, per record)
  if (text.charCodeAt(start) !== 123 || text.charCodeAt(j) !== 125 || (seen & REQUIRED) !== REQUIRED) return undefined;
  return { seq, id: text.slice(idStart, idEnd), idStart, idEnd, type, at, stream, causationId, correlationId, dataStart: start, dataEnd: j + 1 };
}

/** Scans the record; undefined when it is not plainly an event record of this form. */
export function scanEnvelope(text: string): Envelope | undefined {
  return standardEnvelope(text) ?? anyOrderEnvelope(text);
}

/** Event types met so far: a log has few, so each record's type is one of these strings (no copy per record; compared by identity downstream). */
const types: string[] = [];

/** The type written at `text[start..end)`, as the string met before when there is one. */
function typeAt(text: string, start: number, end: number): string {
  const length = end - start;
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (t.length === length && text.startsWith(t, start)) return t;
  }
  const t = text.slice(start, end);
  if (types.length < 64) types.push(t);
  return t;
}

/** The envelope as most producers (and purestream) write it, up to data's first character: one native match. */
const STANDARD = /\{"seq":(?:0|[1-9]\d{0,14}),"id":"[^"\\\x00-\x1f]+","type":"[^"\\\x00-\x1f]+","at":(?:0|[1-9]\d{0,14}),"data":/y;

/** A record that starts with the standard envelope: its fields are read at the places the match proved. */
function standardEnvelope(text: string): Envelope | undefined {
  STANDARD.lastIndex = 0;
  if (!STANDARD.test(text)) return undefined;
  const dataStart = STANDARD.lastIndex;
  let i = 7; // after {"seq":
  let seq = 0;
  let c = text.charCodeAt(i);
  while (c !== 44) {
    seq = seq * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  const idStart = i + 7; // after ,"id":"
  const idEnd = text.indexOf('"', idStart);
  const typeStart = idEnd + 10; // after ","type":"
  const typeEnd = text.indexOf('"', typeStart);
  i = typeEnd + 7; // after ","at":
  let at = 0;
  c = text.charCodeAt(i);
  while (c !== 44) {
    at = at * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  return dataOnwards(text, dataStart, REQUIRED, seq, idStart, idEnd, typeAt(text, typeStart, typeEnd), at, undefined, undefined, undefined);
}

/** The envelope with its members in any order and JSON whitespace anywhere. */
function anyOrderEnvelope(text: string): Envelope | undefined {
  if (text.charCodeAt(0) !== 123) return undefined;
  let seen = 0;
  let seq = 0;
  let at = 0;
  let idStart = 0;
  let idEnd = 0;
  let type = '';
  let stream: string | undefined;
  let causationId: string | undefined;
  let correlationId: string | undefined;
  let i = 1;
  for (;;) {
    i = skipWs(text, i);
    if (text.charCodeAt(i) !== 34) return undefined;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0) return undefined;
    const field = keyAt(text, i + 1, keyEnd);
    if (field < 0 || (seen & field) !== 0) return undefined;
    i = skipWs(text, keyEnd + 1);
    if (text.charCodeAt(i) !== 58) return undefined;
    i = skipWs(text, i + 1);
    if (field === 0) return dataOnwards(text, i, seen, seq, idStart, idEnd, type, at, stream, causationId, correlationId);
    seen |= field;
    if (field === SEQ || field === AT) {
      const start = i;
      let n = 0;
      let c = text.charCodeAt(i);
      while (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      const digits = i - start;
      if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(start) === 48) || c === 46 || c === 101 || c === 69) return undefined;
      if (field === SEQ) seq = n;
      else at = n;
    } else {
      if (text.charCodeAt(i) !== 34) return undefined;
      const close = text.indexOf('"', i + 1);
      if (close < 0) return undefined;
      const value = plainString(text, i, close);
      if (value === undefined) return undefined;
      if (field === ID) {
        idStart = i + 1;
        idEnd = close;
      } else if (field === TYPE) type = value;
      else if (field === STREAM) stream = value;
      else if (field === CAUSATION) causationId = value;
      else correlationId = value;
      i = close + 1;
    }
    i = skipWs(text, i);
    if (text.charCodeAt(i) !== 44) return undefined;
    i++;
  }
}

/**
 * The event record `text` holds, read quickly; undefined leaves it to the JSON.parse reading
 * (anything unusual, or data that is not an object JSON.parse reads).
 */
export function scanEvent(text: string): EventRecord | undefined {
  const e = scanEnvelope(text);
  if (e === undefined || e.id.length === 0 || e.type.length === 0) return undefined;
  const data = dataOf(text, e.dataStart, e.dataEnd);
  return data === NOT_DATA ? undefined : scannedEvent(e.seq, e.at, e.id, e.type, e.stream, e.causationId, e.correlationId, data);
}

/** What `dataOf` answers for text JSON.parse refuses. */
export const NOT_DATA: unique symbol = Symbol('not data');

/** The data object whose text lies at `text[start..end)` (an envelope's `dataStart`, `dataEnd`), or NOT_DATA. */
export function dataOf(text: string, start: number, end: number): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch {
    return NOT_DATA;
  }
}

/** The event record of a scanned envelope's fields and its parsed data (here and where another thread scanned it: ../framing/framedBatch). */
export function scannedEvent(seq: number, at: number, id: string, type: string, stream: string | undefined, causationId: string | undefined, correlationId: string | undefined, data: unknown): EventRecord {
  return {
    kind: 'event',
    id,
    type,
    stream,
    globalPosition: String(seq),
    time: { ms: VIRTUAL_EPOCH_MS + at, fraction: '', leap: false, zoned: true },
    data,
    causationId,
    correlationId,
  };
}
