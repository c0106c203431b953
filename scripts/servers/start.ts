/**
 * `npm run servers`: starts the servers Purestream reads and enacts on — PostgreSQL 15,
 * nats-server with JetStream (and WebSocket, the browser's way in), librdkafka's mock Kafka —
 * on loopback in temporary folders, prints their URLs, and stops them on Ctrl-C (or when this
 * process ends any other way). The same starters as the integration tests
 * (test/integration/servers/); install the binaries once with `bash scripts/servers/install.sh`.
 * `--help` prints the usage; an unknown option is one line and the usage, exit 2.
 */
import { createConnection, createServer, type Server } from 'node:net';
import { parseArgs } from 'node:util';
import { buildKafkaMock, kafkaMockMissing, startKafkaMock } from '../../test/integration/servers/kafkaMock';
import { findNats, startNats } from '../../test/integration/servers/nats';
import { findPostgres, startPostgres } from '../../test/integration/servers/postgres';

const USAGE = `Usage: npm run servers [-- --only postgres,nats,kafka] [--nats-port N] [--ws-port N] [--pg-port N] [--kafka-port N]

Starts PostgreSQL 15 (port 5433), nats-server with JetStream (4222, WebSocket 4223) and librdkafka's
mock Kafka on loopback, prints their URLs; Ctrl-C stops them (their data goes with them).
  --only LIST        the servers to start (comma-separated; default all three)
  --nats-port N      NATS's port (default 4222); --ws-port N its WebSocket port (default 4223)
  --pg-port N        PostgreSQL's port (default 5433)
  --kafka-port N     a fixed bootstrap port for Kafka (default: the mock's own, new at each start).
                     librdkafka's mock cannot be told its port: this one forwards to it, and clients
                     then reach the broker at the address its metadata names (127.0.0.1, its own port)
  --help             this text
Install the binaries once with: bash scripts/servers/install.sh
`;

function options() {
  try {
    return parseArgs({
      options: {
        only: { type: 'string', default: 'postgres,nats,kafka' },
        'nats-port': { type: 'string', default: '4222' },
        'ws-port': { type: 'string', default: '4223' },
        'pg-port': { type: 'string', default: '5433' },
        'kafka-port': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // util.parseArgs's message, one line (`Unknown option '--halp'. …`), and the usage
    console.error(`npm run servers: ${(error as Error).message.split('\n')[0]}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['nats-port', 'ws-port', 'pg-port', 'kafka-port'] as const) {
  const v = values[name];
  if (v !== undefined && !(/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535)) {
    console.error(`npm run servers: --${name} takes a port from 1 to 65535, got "${v}"\n\n${USAGE}`);
    process.exit(2);
  }
}
const unknown = values.only.split(',').map((s) => s.trim()).filter((s) => !['postgres', 'nats', 'kafka'].includes(s));
if (unknown.length > 0) {
  console.error(`npm run servers: --only takes postgres, nats, kafka, got "${unknown.join(',')}"\n\n${USAGE}`);
  process.exit(2);
}

/** A loopback TCP forwarder from `port` to `target` (host:port): a fixed bootstrap address for the Kafka mock. */
function forward(port: number, target: string): Promise<Server> {
  const [host, targetPort] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const server = createServer((socket) => {
    const upstream = createConnection({ host, port: targetPort });
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

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
      const port = values['kafka-port'];
      let bootstrap = kafka.bootstrap;
      if (port !== undefined) {
        const server = await forward(Number(port), kafka.bootstrap.split(',')[0]);
        stops.push(() => new Promise<void>((done) => server.close(() => done())));
        bootstrap = `127.0.0.1:${port}`;
      }
      lines.set('kafka', `Kafka       kafka://${bootstrap}   (librdkafka's mock; a topic with N partitions: curl -X POST '${kafka.controlUrl}/topics?name=T&partitions=N')`);
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
