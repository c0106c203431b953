/**
 * A log's bytes as UTF-8 text, chunk by chunk (logs.md: logs are JSON, and JSON is UTF-8): a
 * byte that is not part of a UTF-8 character ends the read with `NotUtf8Error`, naming the file,
 * the byte, its offset and its line, instead of reading replacement characters as records. The
 * decoding is the platform's (fast); only a failure is looked at byte by byte. A BOM is kept
 * (the framer skips it). Pure.
 */

/** The `code` of NotUtf8Error. */
export const NOT_UTF8 = 'NOT_UTF8';

/** A file that is not UTF-8 text, and where the first byte that is not UTF-8 is. */
export class NotUtf8Error extends Error {
  /** Kept when the error crosses a thread as a message and a code. */
  readonly code = NOT_UTF8;

  constructor(
    readonly file: string,
    readonly offset: number,
    readonly line: number,
    readonly byte: number | undefined,
  ) {
    super(`${file} is not UTF-8 text: ${byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')}`} at byte offset ${offset.toLocaleString('en-US')}, line ${line.toLocaleString('en-US')}; a log is JSON text in UTF-8 — is it a binary file?`);
    this.name = 'NotUtf8Error';
  }
}

/** Decodes one file's chunks in order. */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private bytes = 0;
  private lines = 1;
  /** The last bytes decoded (up to 3): a character cut at a chunk's end starts there. */
  private tail = new Uint8Array(0);

  constructor(private readonly file: string) {}

  /** The text of the next chunk (a character cut between chunks comes whole with the next). */
  decode(chunk: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.failure(chunk);
    }
    this.lines += newlines(chunk, chunk.length);
    this.bytes += chunk.length;
    this.tail = chunk.length >= 3 ? chunk.slice(-3) : concat(this.tail, chunk).slice(-3);
    return text;
  }

  /** The text left at the end (none unless the file ends inside a character: then NotUtf8Error). */
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new NotUtf8Error(this.file, this.bytes, this.lines, undefined);
    }
  }

  /** Where the chunk that failed to decode goes wrong: looked at with the bytes before it, where a cut character began. */
  private failure(chunk: Uint8Array): NotUtf8Error {
    const seen = concat(this.tail, chunk);
    const at = firstInvalid(seen, this.tail.length);
    return new NotUtf8Error(this.file, this.bytes - this.tail.length + at, this.lines - newlines(this.tail, this.tail.length) + newlines(seen, at), seen[at]);
  }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** Newline bytes in `bytes` before `end`. */
function newlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The index of the first byte of `bytes` that is not part of a valid UTF-8 character; among
 * the first `decoded` bytes (decoded before), continuation bytes at the start end characters
 * begun earlier. 0 when none is found.
 */
function firstInvalid(bytes: Uint8Array, decoded: number): number {
  let i = 0;
  while (i < decoded && (bytes[i] & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size && i + k < bytes.length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // overlong and surrogate forms
    if ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] > 0x9f) || (b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] > 0x8f)) return i;
    i += size;
  }
  return 0;
}
