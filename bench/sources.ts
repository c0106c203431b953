/**
 * Benchmark of live sources (sources.md, issue "Live stores and brokers"): 1,000,000 events read
 * from each engine by `inspect URL` (the full inspection, as the command line does it), each in
 * its own process for an honest peak memory, against the engine's own fastest reader on the
 * same data: `COPY (…) TO STDOUT` through psql for PostgreSQL, a bare ordered consumer for
 * JetStream, a bare kafkajs consumer for Kafka (the client's own speed: kcat is not installed
 * here). The servers are the integration tests' (started here, stopped at the end); a missing
 * one is skipped with its reason. Data is generated in the servers (PostgreSQL: an Emmett store
 * of 50,000 streams filled by SQL; JetStream: structured CloudEvents; Kafka: kcat-like JSON
 * records over 20 partitions).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { buildKafkaMock, kafkaMockMissing, startKafkaMock } from '../test/integration/servers/kafkaMock';
import { findNats, startNats } from '../test/integration/servers/nats';
import { findPostgres, startPostgres } from '../test/integration/servers/postgres';
import { seedEmmett } from '../test/integration/seed/emmett';

export const name = 'sources';

const EVENTS = Number(process.env.PURESTREAM_BENCH_SOURCE_EVENTS ?? 1_000_000);
const script = new URL('./sourceRead.ts', import.meta.url).pathname;
const runTs = new URL('../bin/run-ts.mjs', import.meta.url).pathname;

/** How long one measured read may take before it counts as failed. */
const READ_TIMEOUT_MS = 600_000;

/** Runs a command; resolves with its stdout, stderr and wall time (killed after READ_TIMEOUT_MS). */
function exec(command: string, args: readonly string[]): Promise<{ out: string; err: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: READ_TIMEOUT_MS });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ out, err, seconds: (performance.now() - began) / 1000 }) : reject(new Error(`${command} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

/** A measured read in its own process. */
async function measured(args: readonly string[]): Promise<{ records: number; events: number; seconds: number; maxRssMB: number }> {
  const { out } = await exec(process.execPath, [runTs, script, ...args]);
  return JSON.parse(out.trim().split('\n').pop()!);
}

const rate = (n: number, seconds: number) => Math.round(n / seconds);
type Measured = Awaited<ReturnType<typeof measured>>;

/**
 * Inspect's figures beside the engine's own reader's (named `name`, its throughput as `perSecond`):
 * seconds, records per second, peak RSS, and the ratio of the two times.
 */
function sideBySide(ours: Measured, name: string, bare: { seconds: number; records: number; maxRssMB: number }, perSecond: string): Record<string, unknown> {
  return {
    inspect: { seconds: +ours.seconds.toFixed(2), eventsPerSecond: rate(ours.records, ours.seconds), peakRssMB: ours.maxRssMB },
    [name]: { seconds: +bare.seconds.toFixed(2), [perSecond]: rate(bare.records, bare.seconds), peakRssMB: bare.maxRssMB },
    ratio: +(ours.seconds / bare.seconds).toFixed(2),
  };
}

async function postgres(): Promise<Record<string, unknown>> {
  const bin = findPostgres();
  if (!bin) return { skipped: 'PostgreSQL not installed (bash scripts/servers/install.sh)' };
  const server = await startPostgres(bin);
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/bench');
    await seedEmmett(url, [{ streamName: 'order-0', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-0' } }] }]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const began = performance.now();
    // transactions of 10,000 rows, 20 events a stream, as Emmett's append writes them
    for (let t = 0; t < Math.ceil(EVENTS / 10_000); t++) {
      await client.query(
        `INSERT INTO emt_messages (stream_id, stream_position, message_data, message_metadata, message_schema_version, message_type, message_id, transaction_id, created)
         SELECT 's-' || (g % 50000), g / 50000 + 1, jsonb_build_object('orderId', 'o-' || g, 'qty', g % 7 + 1, 'sku', 'sku-' || (g % 200)), '{}'::jsonb, '1',
                CASE WHEN g % 3 = 0 THEN 'OrderPlaced' WHEN g % 3 = 1 THEN 'StockReserved' ELSE 'OrderShipped' END, gen_random_uuid()::text, pg_current_xact_id(), now()
         FROM generate_series($1::bigint, $2::bigint) g`,
        [t * 10_000, t * 10_000 + 9_999],
      );
    }
    await client.query('VACUUM ANALYZE emt_messages');
    await client.end();
    const seeded = (performance.now() - began) / 1000;
    const ours = await measured(['inspect', `${url}?store=emmett`]);
    const copySql = "COPY (SELECT * FROM emt_messages WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY transaction_id, global_position) TO STDOUT";
    const copy = await exec('/usr/bin/time', ['-f', '%M', 'psql', url, '-q', '-c', copySql, '-o', '/dev/null']);
    const copyRss = Math.round(Number(copy.err.trim().split('\n').pop()) / 1024);
    return {
      store: 'emmett',
      events: ours.events,
      seedSeconds: Math.round(seeded),
      ...sideBySide(ours, 'copyToStdout', { seconds: copy.seconds, records: ours.records, maxRssMB: copyRss }, 'rowsPerSecond'),
    };
  } finally {
    await server.stop();
  }
}

async function jetStream(): Promise<Record<string, unknown>> {
  const binary = findNats();
  if (!binary) return { skipped: 'nats-server not installed (bash scripts/servers/install.sh)' };
  const server = await startNats(binary);
  try {
    const nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'BENCH', subjects: ['BENCH.>'] });
    const began = performance.now();
    for (let i = 1; i <= EVENTS; i++) {
      const event = { specversion: '1.0', id: `e-${i}`, source: '/bench', type: i % 3 ? 'OrderPlaced' : 'OrderShipped', subject: `order-${i % 50000}`, time: '2026-01-01T00:00:00Z', data: { orderId: `o-${i}`, qty: (i % 7) + 1 } };
      nc.publish(`BENCH.o${i % 64}`, JSON.stringify(event));
      if (i % 10_000 === 0) await nc.flush();
    }
    await nc.flush();
    while ((await jsm.streams.info('BENCH')).state.messages < EVENTS) await new Promise((r) => setTimeout(r, 100));
    const seeded = (performance.now() - began) / 1000;
    await nc.close();
    const ours = await measured(['inspect', `${server.url}/BENCH`]);
    const bare = await measured(['ordered', server.url, 'BENCH', String(EVENTS)]);
    return {
      events: ours.events,
      seedSeconds: Math.round(seeded),
      ...sideBySide(ours, 'orderedConsumer', bare, 'messagesPerSecond'),
    };
  } finally {
    await server.stop();
  }
}

async function kafka(): Promise<Record<string, unknown>> {
  const missing = kafkaMockMissing();
  if (missing) return { skipped: `the Kafka mock needs ${missing} (bash scripts/servers/install.sh)` };
  await buildKafkaMock();
  const mock = await startKafkaMock();
  try {
    process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
    // the mock keeps a few megabytes a partition (older segments are dropped): 20 partitions keep a million such records
    await mock.createTopic('bench', 20);
    const client = new Kafka({ brokers: [mock.bootstrap], clientId: 'bench', logLevel: logLevel.NOTHING });
    const producer = client.producer();
    await producer.connect();
    const began = performance.now();
    for (let b = 0; b < EVENTS / 10_000; b++) {
      const messages = Array.from({ length: 10_000 }, (_, j) => {
        const i = b * 10_000 + j + 1;
        return { key: `order-${i % 50000}`, partition: i % 20, value: JSON.stringify({ type: i % 3 ? 'OrderPlaced' : 'OrderShipped', id: `e-${i}`, orderId: `o-${i}`, qty: (i % 7) + 1 }) };
      });
      await producer.send({ topic: 'bench', messages });
    }
    await producer.disconnect();
    const seeded = (performance.now() - began) / 1000;
    const admin = client.admin();
    await admin.connect();
    const kept = (await admin.fetchTopicOffsets('bench')).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    await admin.disconnect();
    const ours = await measured(['inspect', `kafka://${mock.bootstrap}/bench`]);
    const bare = await measured(['kafkajs', mock.bootstrap, 'bench', String(kept)]);
    return {
      events: ours.events,
      seedSeconds: Math.round(seeded),
      ...sideBySide(ours, 'kafkajsConsumer', bare, 'recordsPerSecond'),
      note: 'both read in a consumer group (about 3 s to join the mock); kcat (librdkafka) is not installed here to compare with',
    };
  } finally {
    await mock.stop();
  }
}

/** Each engine in turn (never at once: the machine is shared), or only those named; an engine that fails gives its error, the others still run. */
export async function run(only: readonly string[] = []): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [engine, bench] of [['postgres', postgres], ['jetstream', jetStream], ['kafka', kafka]] as const) {
    if (only.length && !only.includes(engine)) continue;
    try {
      out[engine] = await bench();
    } catch (error) {
      out[engine] = { error: error instanceof Error ? error.message : String(error) };
    }
    // each engine's figures as soon as they are known (the whole run takes minutes)
    process.stderr.write(`sources ${engine}: ${JSON.stringify(out[engine])}\n`);
  }
  return out;
}

// `node bin/run-ts.mjs bench/sources.ts [postgres|jetstream|kafka]…` runs this benchmark alone
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.stdout.write(`${JSON.stringify(await run(process.argv.slice(2)), null, 2)}\n`);
