/**
 * Node only: a file's text as UTF-8 chunks like ./fileChunks, read and decoded on a worker
 * thread so the caller's thread spends its time on the records. At most `WINDOW` chunks wait
 * at a time (memory stays bounded whatever the file's size); stopping the iteration early
 * ends the thread. Rejects (on iteration) when the file cannot be read, like fileChunks.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CHUNK_BYTES, fileChunks } from './fileChunks';

/** Chunks read ahead of the consumer. */
const WINDOW = 4;
/** Files smaller than this are read on the caller's thread: starting a thread would cost more than it saves. */
export const THREAD_MIN_BYTES = 8 << 20;

/** A log file's chunks: decoded on a worker thread when the file is big, else as ./fileChunks does. */
export async function* logFileChunks(path: string): AsyncIterable<string> {
  const { size } = await stat(path);
  yield* size >= THREAD_MIN_BYTES ? threadedFileChunks(path) : fileChunks(path);
}

type Message = { chunk: string } | { done: true } | { error: { message: string; code?: string } };

/** The file's chunks, read and decoded on a worker thread. */
export async function* threadedFileChunks(path: string): AsyncIterable<string> {
  const worker = new Worker(new URL('./readerThread.mjs', import.meta.url), { workerData: { path, window: WINDOW, chunkBytes: CHUNK_BYTES } });
  const queue: Message[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: Message) => {
    queue.push(m);
    arrive();
  });
  worker.on('error', (e) => {
    failure = e;
    arrive();
  });
  try {
    for (;;) {
      if (queue.length === 0 && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const m = queue.shift()!;
      if ('done' in m) return;
      if ('error' in m) throw Object.assign(new Error(m.error.message), { code: m.error.code });
      worker.postMessage(1);
      yield m.chunk;
    }
  } finally {
    void worker.terminate();
  }
}
