/**
 * One measured read of a live source, run as its own process by bench/sources.ts so its peak
 * memory is its own (maxRSS). Prints one JSON line `{ records, events, seconds, maxRssMB }`.
 *
 *   node bin/run-ts.mjs bench/sourceRead.ts inspect URL        `inspect URL` as the CLI reads it (the full inspection)
 *   node bin/run-ts.mjs bench/sourceRead.ts ordered NATS_URL STREAM N   a bare JetStream ordered consumer counting N messages
 *   node bin/run-ts.mjs bench/sourceRead.ts kafkajs BOOTSTRAP TOPIC N   a bare kafkajs consumer (throwaway group) counting N records
 */
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Kafka, logLevel } from 'kafkajs';
import { nodeSha256 } from '../src/logs/node/nodeHasher';
import { inspectSource } from '../src/sources/inspectSource';
import { openSourceReader } from '../src/sources/node/openSourceReader';
import { parseSourceUrl } from '../src/sources/sourceUrl';

const [mode, ...args] = process.argv.slice(2);
const started = performance.now();

async function inspectUrl(url: string): Promise<{ records: number; events: number }> {
  const source = parseSourceUrl(url);
  const reader = await openSourceReader(source, { from: { kind: 'start' }, until: 'head', batch: 2000 });
  const read = await inspectSource(reader, { source: source.display, hasher: nodeSha256, skipInvalid: true });
  if (!read.result.ok) throw new Error(read.result.reason);
  if (read.lost) throw read.lost;
  return { records: read.records, events: read.result.report.events };
}

async function ordered(server: string, stream: string, n: number): Promise<{ records: number; events: number }> {
  const nc = await connect({ servers: server });
  const consumer = await jetstream(nc).consumers.get(stream);
  const messages = await consumer.consume({ max_messages: 2000 });
  let count = 0;
  let bytes = 0;
  for await (const m of messages) {
    bytes += m.data.length;
    if (++count >= n) break;
  }
  await nc.close();
  return { records: count, events: bytes > 0 ? count : 0 };
}

async function kafkajs(bootstrap: string, topic: string, n: number): Promise<{ records: number; events: number }> {
  const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  await new Promise<void>((done) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        count += batch.messages.length;
        if (count >= n) done();
      },
    });
  });
  await consumer.disconnect();
  return { records: count, events: count };
}

const result =
  mode === 'inspect' ? await inspectUrl(args[0])
  : mode === 'ordered' ? await ordered(args[0], args[1], Number(args[2]))
  : mode === 'kafkajs' ? await kafkajs(args[0], args[1], Number(args[2]))
  : undefined;
if (!result) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exit(0);
