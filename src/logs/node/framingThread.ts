/**
 * Worker thread of ./inspectLogFile: reads a log file as UTF-8, frames its records
 * (../framing/logFramer) and scans the plain ones (../framing/framedBatch), posting a batch per
 * chunk read when the inspecting thread has room for it (credits), so reading, framing and
 * scanning run beside the inspection. Ends with `{ done, framing }`, or `{ error }` when the file
 * cannot be read or is not UTF-8 text.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BatchBuilder } from '../framing/framedBatch';
import { LogFramer, type Framing } from '../framing/logFramer';
import { Utf8Chunks } from '../framing/utf8Chunks';

const { path, framing, window, chunkBytes } = workerData as { path: string; framing: Framing | 'auto'; window: number; chunkBytes: number };
const port = parentPort!;
let credits = window;
let wake = (): void => {};
port.on('message', (n: number) => {
  credits += n;
  wake();
});

const builder = new BatchBuilder();
const framer = new LogFramer(framing, builder.record, builder.problem);
let chars = 0;
const post = async (): Promise<void> => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const batch = builder.take(chars);
  const { ends, lines, scans, flat } = batch;
  port.postMessage({ batch }, [ends.buffer, lines.buffer, scans.buffer, flat.shape.buffer, flat.at.buffer, flat.values.buffer, flat.stringEnds.buffer] as ArrayBuffer[]);
};
try {
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  const utf8 = new Utf8Chunks(path);
  for await (const bytes of stream) {
    const chunk = utf8.decode(bytes as Buffer);
    framer.push(chunk);
    chars += chunk.length;
    if (builder.size > 0) await post();
  }
  const rest = utf8.end();
  framer.push(rest);
  chars += rest.length;
  framer.end();
  await post();
  port.postMessage({ done: true, framing: framer.label });
} catch (e) {
  port.postMessage({ error: { message: (e as Error).message, code: (e as NodeJS.ErrnoException).code } });
}
