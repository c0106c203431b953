/** Node only: a file's text as UTF-8 chunks of about 1 MB, streamed (never read whole); a file that is not UTF-8 text is refused (NotUtf8Error). */
import { createReadStream } from 'node:fs';
import { Utf8Chunks } from '../framing/utf8Chunks';

/** Chunk size of file streams: large enough that per-chunk work is negligible. */
export const CHUNK_BYTES = 1 << 20;

/** Streams a file as text chunks; rejects (on iteration) when it cannot be read or is not UTF-8 text. */
export async function* fileChunks(path: string): AsyncIterable<string> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const text = new Utf8Chunks(path);
  try {
    for await (const chunk of stream) yield text.decode(chunk as Buffer);
    const rest = text.end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}
