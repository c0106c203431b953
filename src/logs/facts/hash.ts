/**
 * A fast 53-bit hash of a record's text (after cyrb53, public domain), for telling whether two
 * records' contents are the same (`duplicate-id`'s `identical`): the text is encoded as UTF-8
 * into a reused buffer (natively) and hashed four bytes per step. Not cryptographic. Pure.
 */

const buffer = new Uint8Array(1 << 16);
const words = new Int32Array(buffer.buffer);
const encoder = new TextEncoder();

function mix(h1: number, h2: number, length: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) + length;
}

/** The hash of `text` (same text, same number; different texts, almost surely different numbers). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // long texts in pieces of the buffer's size
  for (let from = 0; from < text.length; ) {
    const piece = from === 0 && text.length <= buffer.length / 3 ? text : text.slice(from, from + buffer.length / 3);
    const { written } = encoder.encodeInto(piece, buffer);
    const n = (written + 3) >> 2;
    buffer.fill(0, written, n * 4);
    for (let i = 0; i < n; i++) {
      const c = words[i];
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    from += piece.length;
  }
  return mix(h1, h2, text.length);
}
