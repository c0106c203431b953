/** A log opened with the desktop's Open dialog reads as its text, or its bytes decoded as UTF-8; bytes that are not say where. */
import { describe, expect, it } from 'vitest';
import { openedLogText } from '../../../../renderer/lib/inspector/openedLogText';

describe('openedLogText', () => {
  it('a file read as text is that text', () => {
    expect(openedLogText({ name: 'orders.jsonl', text: '{"type":"OrderPlaced"}\n' })).toEqual({ text: '{"type":"OrderPlaced"}\n' });
  });

  it('a file read as bytes is decoded as UTF-8 (a character of two bytes whole)', () => {
    const bytes = new TextEncoder().encode('{"type":"Café"}\n');
    expect(openedLogText({ name: 'café.jsonl', bytes })).toEqual({ text: '{"type":"Café"}\n' });
  });

  it('a file with neither is empty text', () => {
    expect(openedLogText({ name: 'empty.jsonl' })).toEqual({ text: '' });
  });

  it('bytes that are not UTF-8 on the first line: the error names the file and the byte', () => {
    const read = openedLogText({ name: 'binary.bin', bytes: new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]) });
    expect(read).toEqual({ error: expect.stringMatching(/^binary\.bin is not UTF-8 text: byte 0xff at byte offset 1, line 1;/) });
  });
});
