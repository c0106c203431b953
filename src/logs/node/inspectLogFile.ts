/**
 * Node only: inspects a log file. A big file is read, framed and scanned on a worker thread
 * (./framingThread) while this thread parses payloads and folds; at most `WINDOW` batches wait at
 * a time, so memory stays bounded whatever the file's size. A small file is read here (starting a
 * thread would cost more than it saves). Both give the same result (an agreement test compares
 * them). Rejects with the file system's error (its `code`) when the file cannot be read.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { FramedBatch } from '../framing/framedBatch';
import { inspectBatches, inspectLog, requestedFraming, type InspectOptions } from '../inspectLog';
import type { InspectResult } from '../types';
import { CHUNK_BYTES, fileChunks } from './fileChunks';

/** Batches framed ahead of the inspection. */
const WINDOW = 4;
/** Files smaller than this are read on the caller's thread. */
export const THREAD_MIN_BYTES = 8 << 20;

type Message = { batch: FramedBatch } | { done: true; framing?: string } | { error: { message: string; code?: string } };

/** Inspects the log file at `path` (`threadFrom`: the size from which a thread frames it). */
export async function inspectLogFile(path: string, options: InspectOptions, threadFrom = THREAD_MIN_BYTES): Promise<InspectResult> {
  const { size } = await stat(path);
  if (size < threadFrom) return inspectLog(fileChunks(path), options);
  let framing: string | undefined;
  return inspectBatches(framedBatches(path, requestedFraming(options), (label) => (framing = label)), () => framing, { sizeHint: size, ...options });
}

/** The file's records in batches, framed on a worker thread; `onFraming` hears the framing's label at the end. */
async function* framedBatches(path: string, framing: string, onFraming: (label: string | undefined) => void): AsyncIterable<FramedBatch> {
  const worker = new Worker(new URL('./framingThread.mjs', import.meta.url), { workerData: { path, framing, window: WINDOW, chunkBytes: CHUNK_BYTES } });
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
  // a thread that ends without its last word (killed, out of memory) must not leave the inspection waiting
  worker.on('exit', (code) => {
    failure ??= new Error(`the thread reading the file stopped (exit code ${code}) before the end of the file`);
    arrive();
  });
  try {
    for (;;) {
      // what the thread sent before it failed or stopped is read first
      if (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const m = queue.shift()!;
      if ('done' in m) return onFraming(m.framing);
      if ('error' in m) throw Object.assign(new Error(m.error.message), { code: m.error.code });
      worker.postMessage(1);
      yield m.batch;
    }
  } finally {
    void worker.terminate();
  }
}
