/** Node only: a file's text as UTF-8 chunks of about 1 MB, streamed (never read whole). */
import { createReadStream } from 'node:fs';

/** Chunk size of file streams: large enough that per-chunk work is negligible. */
export const CHUNK_BYTES = 1 << 20;

/** Streams a file as text chunks; rejects (on iteration) when it cannot be read. */
export async function* fileChunks(path: string): AsyncIterable<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as string;
  } finally {
    stream.destroy();
  }
}
