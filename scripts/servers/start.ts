/**
 * `npm run servers`: starts the servers Purestream reads and enacts on — PostgreSQL 15,
 * nats-server with JetStream (and WebSocket, the browser's way in), librdkafka's mock Kafka —
 * on loopback in temporary folders, prints their URLs, and stops them on Ctrl-C (or when this
 * process ends any other way). The same starters as the integration tests
 * (test/integration/servers/); install the binaries once with `bash scripts/servers/install.sh`.
 *
 *   npm run servers [-- --only nats,postgres,kafka] [--nats-port 4222] [--ws-port 4223] [--pg-port 5433]
 */
import { parseArgs } from 'node:util';
import { buildKafkaMock, kafkaMockMissing, startKafkaMock } from '../../test/integration/servers/kafkaMock';
import { findNats, startNats } from '../../test/integration/servers/nats';
import { findPostgres, startPostgres } from '../../test/integration/servers/postgres';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'postgres,nats,kafka' },
    'nats-port': { type: 'string', default: '4222' },
    'ws-port': { type: 'string', default: '4223' },
    'pg-port': { type: 'string', default: '5433' },
  },
});
const wanted = new Set(values.only.split(',').map((s) => s.trim()));
const install = 'install it with `bash scripts/servers/install.sh`';
const stops: (() => Promise<void>)[] = [];
const lines = new Map<string, string>();
let failed = false;

async function attempt(name: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    failed = true;
    console.error(`${name}: ${(error as Error).message}`);
  }
}

await Promise.all([
  wanted.has('postgres') &&
    attempt('PostgreSQL', async () => {
      const bin = findPostgres();
      if (!bin) throw new Error(`initdb/pg_ctl not found: ${install}`);
      const pg = await startPostgres(bin, { port: Number(values['pg-port']) });
      stops.push(pg.stop);
      lines.set('postgres', `PostgreSQL  ${pg.url}   (trust auth: add ?store=emmett|marten|message-db after a database)`);
    }),
  wanted.has('nats') &&
    attempt('NATS', async () => {
      const binary = findNats();
      if (!binary) throw new Error(`nats-server not found: ${install}`);
      const nats = await startNats(binary, { port: Number(values['nats-port']), wsPort: Number(values['ws-port']) });
      stops.push(nats.stop);
      lines.set('nats', `NATS        ${nats.url}   (JetStream; WebSocket ${nats.wsUrl}, for the app in a browser)`);
    }),
  wanted.has('kafka') &&
    attempt('Kafka', async () => {
      const missing = kafkaMockMissing();
      if (missing) throw new Error(`the Kafka mock needs ${missing}: ${install}`);
      await buildKafkaMock();
      const kafka = await startKafkaMock();
      stops.push(kafka.stop);
      lines.set('kafka', `Kafka       kafka://${kafka.bootstrap}   (librdkafka's mock; a topic with N partitions: curl -X POST '${kafka.controlUrl}/topics?name=T&partitions=N')`);
    }),
]);

const stopAll = async () => {
  await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  process.exit(failed ? 1 : 0);
};
if (stops.length === 0) process.exit(1);
console.log(`${['postgres', 'nats', 'kafka'].flatMap((k) => lines.get(k) ?? []).join('\n')}\nCtrl-C stops ${stops.length === 1 ? 'it' : 'them'} (their data goes with them).`);
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
// keep running until told to stop
setInterval(() => undefined, 1 << 30);
