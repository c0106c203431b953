/**
 * Vitest global setup of the `integration` project: starts PostgreSQL 15, nats-server (JetStream and
 * WebSocket) and librdkafka's mock Kafka cluster on loopback in temporary folders, in parallel, hands
 * their URLs to the tests (`inject('servers')`, and PURESTREAM_TEST_* env), and stops them at the end.
 * A server whose binary is missing is not an error here: the tests that need it fail with one line
 * naming the binary and the install command (test/integration/servers.ts).
 */
import type { TestProject } from 'vitest/node';
import { buildKafkaMock, kafkaMockMissing, startKafkaMock } from './servers/kafkaMock';
import { findNats, startNats } from './servers/nats';
import { findPostgres, startPostgres } from './servers/postgres';
import type { Available, TestServers } from './servers/types';
import './servers/types';

const install = 'run `bash scripts/servers/install.sh`';

/** Starts one server, timing it; a failure becomes the `missing` line instead of failing the whole run. */
async function attempt<T>(name: string, missing: string | undefined, start: () => Promise<{ urls: T; stop(): Promise<void> }>, timings: string[], stops: (() => Promise<void>)[]): Promise<Available<T>> {
  if (missing) return { ok: false, missing };
  const began = performance.now();
  try {
    const server = await start();
    stops.push(() => server.stop());
    timings.push(`${name} ${Math.round(performance.now() - began)} ms`);
    return { ok: true, ...server.urls };
  } catch (error) {
    return { ok: false, missing: `${name} did not start: ${(error as Error).message}` };
  }
}

/** Starts the servers; returns the teardown that stops them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const began = performance.now();
  const timings: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const pg = findPostgres();
  const nats = findNats();
  const [postgres, natsServer, kafka] = await Promise.all([
    attempt('postgres', pg ? undefined : `PostgreSQL's initdb/pg_ctl not found: ${install} (apt-get install -y postgresql-15)`, async () => ((s) => ({ urls: { url: s.url }, stop: s.stop }))(await startPostgres(pg!)), timings, stops),
    attempt('nats', nats ? undefined : `nats-server not found: ${install} (apt-get install -y nats-server)`, async () => ((s) => ({ urls: { url: s.url, wsUrl: s.wsUrl }, stop: s.stop }))(await startNats(nats!)), timings, stops),
    attempt(
      'kafka',
      ((m) => (m ? `the Kafka mock cannot be built, ${m} is missing: ${install} (apt-get install -y librdkafka-dev gcc)` : undefined))(kafkaMockMissing()),
      async () => {
        await buildKafkaMock();
        const mock = await startKafkaMock();
        return { urls: { bootstrap: mock.bootstrap, controlUrl: mock.controlUrl }, stop: mock.stop };
      },
      timings,
      stops,
    ),
  ]);
  const servers: TestServers = { postgres, nats: natsServer, kafka };
  project.provide('servers', servers);
  if (postgres.ok) process.env.PURESTREAM_TEST_POSTGRES_URL = postgres.url;
  if (natsServer.ok) {
    process.env.PURESTREAM_TEST_NATS_URL = natsServer.url;
    process.env.PURESTREAM_TEST_NATS_WS_URL = natsServer.wsUrl;
  }
  if (kafka.ok) process.env.PURESTREAM_TEST_KAFKA_BROKERS = kafka.bootstrap;
  const missing = Object.values(servers).filter((s) => !s.ok).length;
  console.log(`integration servers ready in ${Math.round(performance.now() - began)} ms (${timings.join(', ')})${missing ? `; ${missing} unavailable` : ''}`);
  return async () => {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  };
}
