/**
 * Payloads as transports carry them (logs.md, "Envelopes"): JSON text, base64 of JSON, JSON
 * behind a binary prefix (Confluent's 5-byte wire header: a zero magic byte and a 4-byte
 * schema id; a 1-byte marker), or content that is not JSON at all, kept as text with its
 * content type. Pure; works in Node and the browser.
 */

/** A decoded payload: JSON, or text that is not JSON with its content type. */
export interface Payload {
  readonly data: unknown;
  readonly contentType?: string;
}

/** Bytes of a binary prefix looked past before the JSON starts. */
const MAX_PREFIX = 5;

const parses = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** Reads a payload given as text: JSON (possibly behind a binary prefix), else the text itself. */
export function decodeTextPayload(text: string): Payload {
  const first = text.charCodeAt(0);
  // JSON text starts with {, [, ", a digit, -, t, f or n (after optional whitespace)
  if (first === 123 || first === 91 || first === 34 || (first >= 48 && first <= 57) || first === 45 || first === 116 || first === 102 || first === 110 || first === 32) {
    const whole = parses(text);
    if (whole.ok) return { data: whole.value };
  }
  if (first < 32 || first === 0xfffd || first > 126) {
    // a binary prefix before JSON: try each object or array start within the prefix's reach
    for (let i = 1; i <= MAX_PREFIX + 1 && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 123 && c !== 91) continue;
      const rest = parses(text.slice(i));
      if (rest.ok && typeof rest.value === 'object' && rest.value !== null) return { data: rest.value, contentType: 'application/json' };
    }
  }
  return { data: text, contentType: 'text/plain' };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when `text` is base64 (standard alphabet, padded). */
export const isBase64 = (text: string): boolean => text.length % 4 === 0 && BASE64.test(text);

/** The bytes of a base64 text, or undefined when it is not base64. */
export function base64Bytes(text: string): Uint8Array | undefined {
  if (!isBase64(text)) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8 text, or undefined when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a base64 payload: its bytes as a text payload (JSON behind any binary prefix), or, when not text, the base64 itself as `application/octet-stream`. */
export function decodeBase64Payload(text: string): Payload {
  const bytes = base64Bytes(text);
  if (!bytes) return { data: text, contentType: 'text/plain' };
  // a binary prefix is not UTF-8 text: try the bytes after it
  const whole = utf8Text(bytes);
  if (whole !== undefined) {
    const decoded = decodeTextPayload(whole);
    // text with control characters is binary that happens to be valid UTF-8: keep its base64
    if (decoded.contentType !== 'text/plain' || !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(whole)) return decoded;
  }
  for (let i = 1; i <= MAX_PREFIX && i < bytes.length; i++) {
    if (bytes[i] !== 123 && bytes[i] !== 91) continue;
    const rest = utf8Text(bytes.subarray(i));
    if (rest === undefined) continue;
    const parsed = parses(rest);
    if (parsed.ok) return { data: parsed.value, contentType: 'application/json' };
  }
  return { data: text, contentType: 'application/octet-stream' };
}

/**
 * The JSON a string holds when it is the text of a JSON object or array (a payload a producer
 * encoded twice: Debezium's `io.debezium.data.Json`, Axon's Jackson `payload` column, a Kafka
 * JsonConverter's string value); undefined for any other string, kept as text.
 */
export function jsonTextValue(text: string): object | undefined {
  let i = 0;
  let c = text.charCodeAt(0);
  // leading whitespace (space, tab, line feed, carriage return) before the object or array
  while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++i);
  if (c !== 123 && c !== 91) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
