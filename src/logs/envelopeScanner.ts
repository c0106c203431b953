/**
 * A quick reading of the common event record, `{"seq":..,"id":..,"type":..,"at":..,
 * ["stream"|"causationId"|"correlationId":..,] "data":{...}}` in any key order with `data`
 * last: the envelope's few fields are read from the text in place (no object, and the event id
 * is not interned by JSON.parse: a million distinct ids are a million string-table inserts)
 * and only `data` goes through JSON.parse. It accepts only what JSON.parse reads the same way:
 * integers without sign, fraction or exponent (at most 15 digits), strings without escapes or
 * control characters, each key once, JSON whitespace. Anything else — another key, another
 * form, a doubt — returns undefined and the record takes the full JSON.parse path, which
 * also words every error. Pure.
 */

/** The envelope of an event record and where its `data` text lies (`text.slice(dataStart, dataEnd)`). */
export interface Envelope {
  readonly seq: number;
  readonly id: string;
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

/** Scans the record; undefined when it is not plainly an event record of this form. */
export function scanEnvelope(text: string): Envelope | undefined {
  if (text.charCodeAt(0) !== 123) return undefined;
  let seen = 0;
  let seq = 0;
  let at = 0;
  let id = '';
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
    if (field === 0) {
      // data: the rest of the record up to its closing brace (JSON.parse refuses it if anything follows)
      let end = text.length - 1;
      while (end > i && isWs(text.charCodeAt(end))) end--;
      if (text.charCodeAt(end) !== 125 || (seen & REQUIRED) !== REQUIRED) return undefined;
      return { seq, id, type, at, stream, causationId, correlationId, dataStart: i, dataEnd: end };
    }
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
      const start = i + 1;
      const end = text.indexOf('"', start);
      if (end < 0) return undefined;
      for (let k = start; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c < 32 || c === 92) return undefined;
      }
      const value = text.slice(start, end);
      if (field === ID) id = value;
      else if (field === TYPE) type = value;
      else if (field === STREAM) stream = value;
      else if (field === CAUSATION) causationId = value;
      else correlationId = value;
      i = end + 1;
    }
    i = skipWs(text, i);
    if (text.charCodeAt(i) !== 44) return undefined;
    i++;
  }
}
