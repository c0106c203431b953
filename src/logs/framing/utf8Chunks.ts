/**
 * A log's bytes as UTF-8 text, chunk by chunk (logs.md: logs are JSON, and JSON is UTF-8). A
 * file whose first line with content (blank lines before it included) is not UTF-8 text (a PNG,
 * a gzip, a database: a binary file) ends the read with `NotUtf8Error`, naming the file, the
 * byte, its offset and its line — or, for a compressed file (gzip, …), its format and how to
 * decompress it — instead of reading replacement characters as records. After
 * that line a stray byte reads as U+FFFD,
 * as before: a log with one Latin-1 byte in a payload stays readable. The decoding is the
 * platform's (fast); only a failure is looked at byte by byte. A BOM is kept (the framer skips
 * it). Pure.
 */

/** The `code` of NotUtf8Error. */
export const NOT_UTF8 = 'NOT_UTF8';

/**
 * Compressed files by the bytes they start with (each format's magic number: RFC 1952 for gzip,
 * RFC 8878 for Zstandard, the bzip2 and xz headers, a zip's local file header), and how to get the
 * text out of one.
 */
const COMPRESSED: readonly { readonly name: string; readonly magic: readonly number[]; readonly tool: string }[] = [
  { name: 'gzip', magic: [0x1f, 0x8b], tool: 'gunzip -k' },
  { name: 'Zstandard', magic: [0x28, 0xb5, 0x2f, 0xfd], tool: 'zstd -d' },
  { name: 'bzip2', magic: [0x42, 0x5a, 0x68], tool: 'bunzip2 -k' },
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], tool: 'unxz -k' },
  { name: 'zip', magic: [0x50, 0x4b, 0x03, 0x04], tool: 'unzip' },
];

/** The compressed format a file's first bytes say it is, if any. */
export function compressedFormat(head: Uint8Array): (typeof COMPRESSED)[number] | undefined {
  return COMPRESSED.find((c) => c.magic.length <= head.length && c.magic.every((b, i) => head[i] === b));
}

/** A file that is not UTF-8 text, and where the first byte that is not UTF-8 is; `head`: the file's first bytes, which may say it is compressed. */
export class NotUtf8Error extends Error {
  /** Kept when the error crosses a thread as a message and a code. */
  readonly code = NOT_UTF8;

  constructor(
    readonly file: string,
    readonly offset: number,
    readonly line: number,
    readonly byte: number | undefined,
    head: Uint8Array = new Uint8Array(0),
  ) {
    const compressed = compressedFormat(head);
    super(
      compressed
        ? `${file} is ${compressed.name}-compressed (it starts with ${compressed.name}'s bytes ${compressed.magic.map((b) => b.toString(16).padStart(2, '0')).join(' ')}), not UTF-8 text: decompress it first (${compressed.tool} ${JSON.stringify(file)}) and inspect the JSON it holds`
        : `${file} is not UTF-8 text: ${byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')}`} at byte offset ${offset.toLocaleString('en-US')}, line ${line.toLocaleString('en-US')}; a log is JSON text in UTF-8 — is it a binary file?`,
    );
    this.name = 'NotUtf8Error';
  }
}

/** Decodes one file's chunks in order. */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Past the first line: what is not UTF-8 reads as U+FFFD. */
  private lenient: TextDecoder | undefined;
  private bytes = 0;
  /** Line breaks in the chunks checked whole so far (blank lines before the first with content). */
  private lines = 0;
  /** Whether a byte other than blank space was seen (the first line with content has begun). */
  private content = false;
  /** The last bytes decoded (up to 3): a character cut at a chunk's end starts there. */
  private tail = new Uint8Array(0);
  /** The file's first bytes (up to 8), which say when it is compressed. */
  private head: Uint8Array = new Uint8Array(0);

  constructor(private readonly file: string) {}

  /** The text of the next chunk (a character cut between chunks comes whole with the next). */
  decode(chunk: Uint8Array): string {
    if (this.lenient) return this.lenient.decode(chunk, { stream: true });
    if (this.head.length < 8) this.head = concat(this.head, chunk.subarray(0, 8 - this.head.length));
    // the first line with content is checked; a newline is a character boundary, so the rest goes to the lenient decoder whole
    const newline = this.checkedEnd(chunk);
    const checked = newline < 0 ? chunk : chunk.subarray(0, newline + 1);
    let text: string;
    try {
      text = this.decoder.decode(checked, { stream: true });
    } catch {
      throw this.failure(checked);
    }
    if (newline >= 0) {
      this.lenient = new TextDecoder('utf-8', { ignoreBOM: true });
      return text + this.lenient.decode(chunk.subarray(newline + 1), { stream: true });
    }
    this.bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) this.lines++;
    this.tail = chunk.length >= 3 ? chunk.slice(-3) : concat(this.tail, chunk).slice(-3);
    return text;
  }

  /** Where the first line with content ends in `chunk` (its newline's index), or -1 when it goes on. */
  private checkedEnd(chunk: Uint8Array): number {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 10) {
        if (this.content) return i;
      } else if (!this.content && b !== 32 && b !== 9 && b !== 13) this.content = true;
    }
    return -1;
  }

  /** The text left at the end (none unless the file ends inside a character: within its first line, NotUtf8Error). */
  end(): string {
    if (this.lenient) return this.lenient.decode();
    try {
      return this.decoder.decode();
    } catch {
      throw new NotUtf8Error(this.file, this.bytes, this.lines + 1, undefined, this.head);
    }
  }

  /** Where the chunk that failed to decode goes wrong: looked at with the bytes before it, where a cut character began. */
  private failure(chunk: Uint8Array): NotUtf8Error {
    const seen = concat(this.tail, chunk);
    const at = firstInvalid(seen, this.tail.length);
    let line = this.lines + 1;
    // the line breaks of this chunk before the bad byte (a character begun in the tail has none after its start)
    for (let i = this.tail.length; i < at; i++) if (seen[i] === 10) line++;
    return new NotUtf8Error(this.file, this.bytes - this.tail.length + at, line, seen[at], this.head);
  }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

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
