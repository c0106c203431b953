/**
 * Worker thread of ./inspectLogFile: reads a log file as UTF-8, frames its records
 * (../framing/logFramer) and scans the plain ones (../framing/framedBatch), posting a batch per
 * chunk read when the inspecting thread has room for it (credits), so reading, framing and
 * scanning run beside the inspection. Ends with `{ done, framing }`, or `{ error }` when the file
 * cannot be read.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { bundledDomain } from '../../engine/module/bundled';
import { DomainCheck } from '../domainCheck';
import { VerdictBuilder } from '../framing/domainVerdicts';
import { BatchBuilder } from '../framing/framedBatch';
import { LogFramer, type Framing } from '../framing/logFramer';
import { NO_MAP } from '../profiles/logMap';

/** What the inspecting thread asks: `domain`, a bundled domain's id to read scanned events with; `renames`, the map's `types`. */
export interface FramingRequest {
  readonly path: string;
  readonly framing: Framing | 'auto';
  readonly window: number;
  readonly chunkBytes: number;
  readonly domain?: string;
  readonly renames?: ReadonlyMap<string, string>;
}

const { path, framing, window, chunkBytes, domain, renames } = workerData as FramingRequest;
const decider = domain === undefined ? undefined : bundledDomain(domain);
const types = renames ?? NO_MAP.types;
const port = parentPort!;
let credits = window;
let wake = (): void => {};
port.on('message', (n: number) => {
  credits += n;
  wake();
});

const builder = new BatchBuilder(decider ? new VerdictBuilder(new DomainCheck(decider, { ...NO_MAP, types }), types) : undefined);
const framer = new LogFramer(framing, builder.record, builder.problem);
let chars = 0;
const post = async (): Promise<void> => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const batch = builder.take(chars);
  const { ends, lines, scans, flat, domain: verdicts } = batch;
  const buffers = [ends.buffer, lines.buffer, scans.buffer, flat.shape.buffer, flat.at.buffer, flat.values.buffer, flat.stringEnds.buffer, ...(verdicts ? [verdicts.type.buffer] : [])];
  port.postMessage({ batch }, buffers as ArrayBuffer[]);
};
try {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes });
  for await (const chunk of stream) {
    framer.push(chunk as string);
    chars += (chunk as string).length;
    if (builder.size > 0) await post();
  }
  framer.end();
  await post();
  port.postMessage({ done: true, framing: framer.label });
} catch (e) {
  port.postMessage({ error: { message: (e as Error).message, code: (e as NodeJS.ErrnoException).code } });
}
