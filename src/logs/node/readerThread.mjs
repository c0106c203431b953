// Worker thread of ./threadedFileChunks.ts: reads a file as UTF-8 text chunks and posts each one
// when the reading side has room for it (credits), so decoding runs beside the inspection.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

let credits = workerData.window;
let wake = () => {};
parentPort.on('message', (n) => {
  credits += n;
  wake();
});
try {
  const stream = createReadStream(workerData.path, { encoding: 'utf8', highWaterMark: workerData.chunkBytes });
  for await (const chunk of stream) {
    while (credits === 0) await new Promise((resolve) => (wake = resolve));
    credits--;
    parentPort.postMessage({ chunk });
  }
  parentPort.postMessage({ done: true });
} catch (e) {
  parentPort.postMessage({ error: { message: e.message, code: e.code } });
}
