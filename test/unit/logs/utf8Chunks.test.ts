/**
 * A file whose first line with content is not UTF-8 text (a binary file) is refused, saying so — the file,
 * the byte, its offset and line — instead of reading replacement characters as records: split
 * across chunks anywhere, in the command line (on its thread and on the framing thread) and in
 * the app's reader alike. A stray byte further on reads as U+FFFD, as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { NotUtf8Error, Utf8Chunks } from '../../../src/logs/framing/utf8Chunks';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';

const dir = mkdtempSync(join(tmpdir(), 'purestream-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** The error decoding `data` in chunks of `size` bytes throws. */
function thrown(data: Uint8Array, size: number): NotUtf8Error | undefined {
  try {
    decodeIn(data, size);
  } catch (e) {
    return e as NotUtf8Error;
  }
  return undefined;
}

/** Decodes `data` in chunks of `size` bytes. */
function decodeIn(data: Uint8Array, size: number): string {
  const utf8 = new Utf8Chunks('log.jsonl');
  let text = '';
  for (let i = 0; i < data.length; i += size) text += utf8.decode(data.subarray(i, i + size));
  return text + utf8.end();
}

describe('Utf8Chunks', () => {
  it('UTF-8 text reads the same however it is cut (a character split between chunks, a BOM kept for the framer)', () => {
    const text = '\ufeff{"id":"é€😀"}\n{"id":"ü"}\n';
    for (const size of [1, 2, 3, 5, 64]) expect(decodeIn(bytes(text), size)).toBe(text);
  });

  it('a PNG: refused at byte 0x89, offset 0, line 1, naming the file', () => {
    const png = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0xff, 0xfe], '{"a":1}');
    expect(thrown(png, 1 << 20)).toMatchObject({ file: 'log.jsonl', offset: 0, line: 1, byte: 0x89, code: 'NOT_UTF8' });
    expect(thrown(png, 1 << 20)?.message).toBe('log.jsonl is not UTF-8 text: byte 0x89 at byte offset 0, line 1; a log is JSON text in UTF-8 — is it a binary file?');
  });

  it('a stray byte in the first line: its offset, whatever the chunk size; a file ending inside a character', () => {
    const data = bytes('{"id":"é","type":"', [0xe9], '"}\n');
    for (const size of [1, 3, 7, 100]) expect(thrown(data, size), `chunks of ${size}`).toMatchObject({ offset: 19, line: 1, byte: 0xe9 });
    expect(thrown(bytes('{"id":"', [0xe2, 0x82]), 4)?.message).toContain('it ends inside a character');
  });

  it('blank lines before the first line with content do not let a binary file through: its line counts them', () => {
    const data = bytes('\n\r\n  \n', [0x89], 'PNG\r\n', [0x1a, 0x0a, 0xff]);
    for (const size of [1, 2, 5, 100]) expect(thrown(data, size), `chunks of ${size}`).toMatchObject({ offset: 6, line: 4, byte: 0x89 });
    const late = bytes('\n\n{"id":"', [0xe9], '"}\n{"id":"x"}\n');
    for (const size of [1, 4, 100]) expect(thrown(late, size), `chunks of ${size}`).toMatchObject({ offset: 9, line: 3, byte: 0xe9 });
    // a blank first line and UTF-8 text after it read as before
    expect(decodeIn(bytes('\n{"id":"é"}\n{"id":"', [0xe9], '"}\n'), 3)).toBe('\n{"id":"é"}\n{"id":"\ufffd"}\n');
  });

  it('after the first line a stray byte reads as U+FFFD, as before (a Latin-1 byte in one payload leaves the log readable)', () => {
    const data = bytes('{"id":"é"}\n{"id":"', [0xe9], '"}\n');
    for (const size of [1, 3, 11, 100]) expect(decodeIn(data, size)).toBe('{"id":"é"}\n{"id":"\ufffd"}\n');
  });

  it('inspect of a binary file: exit 1 with that message, on this thread and on the framing thread', async () => {
    const file = join(dir, 'image.png');
    writeFileSync(file, bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0], '{"a":1}'));
    let err = '';
    const code = await main(['inspect', file], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: dir });
    expect(code).toBe(1);
    expect(err).toBe(`${file} is not UTF-8 text: byte 0x89 at byte offset 0, line 1; a log is JSON text in UTF-8 — is it a binary file?\n`);
    await expect(inspectLogFile(file, { source: 'log' }, 0)).rejects.toThrow(`${file} is not UTF-8 text: byte 0x89 at byte offset 0, line 1`);
  });
});
