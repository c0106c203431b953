/**
 * Live sources over TLS with a private certificate authority, as a platform's servers often run:
 * PostgreSQL that takes TLS connections only, nats-server that requires TLS. The servers are this
 * file's own (a CA and a certificate made with openssl); the shared Kafka mock has neither a TLS
 * listener nor SASL, so only Kafka's messages for a port without them are checked against it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { cli, cliProcess, processEnv } from '../cli/cli';
import { createTopic, needsServer, requireServer, sql, uniqueName } from '../servers';
import { findNats, startNats, type NatsServer } from '../servers/nats';
import { findPostgres, startPostgres, type PostgresServer } from '../servers/postgres';
import { makeTlsFiles, type TlsFiles } from '../servers/tlsCerts';
import { seedEmmett } from '../seed/emmett';

/** Runs `purestream ...args` as its own process with `env` added (Node reads NODE_EXTRA_CA_CERTS when a process starts). */
function cliWithEnv(args: readonly string[], env: Record<string, string>): { code: number | null; out: string; err: string } {
  const bin = fileURLToPath(new URL('../../../bin/purestream.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...processEnv, ...env }, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('live sources over TLS with a private certificate authority', () => {
  needsServer('postgres');
  needsServer('nats');
  let tls: TlsFiles;
  let postgres: PostgresServer;
  let nats: NatsServer;
  let stream: string;

  beforeAll(async () => {
    tls = makeTlsFiles();
    const pgBin = findPostgres();
    const natsBin = findNats();
    if (!pgBin || !natsBin) return;
    [postgres, nats] = await Promise.all([startPostgres(pgBin, { tls }), startNats(natsBin, { tls })]);
    // the events, written over TLS by the engines' own clients trusting the CA
    const port = new URL(postgres.url).port;
    await seedEmmett(`postgres://postgres@localhost:${port}/postgres?sslmode=verify-full&sslrootcert=${tls.ca}`, [
      { streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }, { type: 'OrderPaid', data: { orderId: 'o-1' } }] },
    ]);
    const nc = await connect({ servers: nats.url.replace('nats://', 'tls://').replace('127.0.0.1', 'localhost'), tls: { caFile: tls.ca } });
    stream = uniqueName('orders').toUpperCase();
    await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    const js = jetstream(nc);
    for (let i = 1; i <= 3; i++) await js.publish(`${stream}.o-${i}`, JSON.stringify({ type: 'OrderPlaced', id: `e-${i}`, orderId: `o-${i}` }));
    await nc.close();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([postgres?.stop(), nats?.stop()]);
    tls?.remove();
  });

  const pgUrl = (host: string, query = '') => `postgres://postgres@${host}:${new URL(postgres.url).port}/postgres?store=emmett${query}`;
  const natsUrl = (scheme: string, host = 'localhost') => `${scheme}://${host}:${new URL(nats.url).port}/${stream}`;

  it('PostgreSQL: reads with sslmode=verify-full and the CA named by sslrootcert; without the CA it says which parameter names it; without TLS it says the server takes TLS only', async () => {
    const read = await cli(['inspect', pgUrl('localhost', `&sslmode=verify-full&sslrootcert=${tls.ca}`), '--json']);
    expect(read.err).not.toMatch(/cannot connect/);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ events: 2, types: { OrderPlaced: 1, OrderPaid: 1 } });
    // the read really went over TLS: the server refuses any other connection
    expect((await sql(`${postgres.url}?sslmode=verify-full&sslrootcert=${tls.ca}`.replace('127.0.0.1', 'localhost'), 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'))[0]).toEqual({ ssl: true });

    const untrusted = await cli(['inspect', pgUrl('localhost', '&sslmode=verify-full')]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err.trim()).toBe(
      `${pgUrl('localhost', '&sslmode=verify-full')}: cannot connect: the server's TLS certificate is not signed by a certificate authority this machine trusts (unable to verify the first certificate); name its CA with sslrootcert=/path/to/ca.pem in the URL, or NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the environment purestream starts in`,
    );

    const plain = await cli(['inspect', pgUrl('127.0.0.1')]);
    expect(plain.code).toBe(1);
    expect(plain.err).toMatch(/cannot connect: the server takes only TLS connections from here \(.*no encryption\); add sslmode=verify-full to the URL \(and sslrootcert=\/path\/to\/ca\.pem for a private CA\)$/m);
  });

  it('PostgreSQL: a certificate that does not name the host in the URL is said so', async () => {
    const wrongName = await cli(['inspect', pgUrl('127.0.0.1', `&sslmode=verify-full&sslrootcert=${tls.ca}`)]);
    expect(wrongName.code).toBe(1);
    expect(wrongName.err).toMatch(/cannot connect: the server's TLS certificate is not for the host in the URL \(.*127\.0\.0\.1.*\); use a host name the certificate names$/m);
  });

  it('NATS: tls:// reads with the CA in NODE_EXTRA_CA_CERTS; without it the message names that variable, without Node-flag advice', async () => {
    const read = cliWithEnv(['inspect', natsUrl('tls'), '--json'], { NODE_EXTRA_CA_CERTS: tls.ca });
    expect(read.err).not.toMatch(/cannot connect/);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ events: 3, profile: 'jetstream' });

    const untrusted = await cli(['inspect', natsUrl('tls')]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err.trim()).toBe(
      `${natsUrl('tls')}: cannot connect: the server's TLS certificate is not signed by a certificate authority this machine trusts (unable to verify the first certificate); name its CA with ca=/path/to/ca.pem in the URL, or NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the environment purestream starts in`,
    );
    expect(untrusted.err).not.toMatch(/--use-system-ca/);
  });

  it('NATS: ca= in the URL names the CA (the desktop app\'s way: a packaged app ignores NODE_EXTRA_CA_CERTS); a missing or non-PEM file is said so', async () => {
    const read = await cli(['inspect', `${natsUrl('tls')}?ca=${tls.ca}`, '--json']);
    expect(read.err).not.toMatch(/cannot connect/);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ events: 3 });
    // nats:// with ca= goes over TLS too
    expect((await cli(['inspect', `${natsUrl('nats')}?ca=${tls.ca}`, '--json'])).code).toBe(0);

    const missing = await cli(['inspect', `${natsUrl('tls')}?ca=${tls.dir}/nope.pem`]);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(`${natsUrl('tls')}?ca=${tls.dir}/nope.pem: cannot connect: cannot read the certificate authority file ca=${tls.dir}/nope.pem (no such file)`);
    const notPem = await cli(['inspect', `${natsUrl('tls')}?ca=${tls.dir}/ext.cnf`]);
    expect(notPem.err.trim()).toBe(`${natsUrl('tls')}?ca=${tls.dir}/ext.cnf: cannot connect: the certificate authority file ca=${tls.dir}/ext.cnf holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  });

  it('NATS: tls:// to a server without TLS says to use nats://', async () => {
    const plain = requireServer('nats').url.replace('nats://', 'tls://');
    const run = await cli(['inspect', `${plain}/ANY`]);
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(`${plain}/ANY: cannot connect: the server does not use TLS; use nats:// instead of tls://`);
  });

  it('Kafka: tls=1 against a broker without TLS says to drop tls=1', async () => {
    const topic = uniqueName('tls');
    await createTopic(topic, 1);
    const url = `kafka://${requireServer('kafka').bootstrap}/${topic}?tls=1`;
    const run = await cli(['inspect', url]);
    expect(run.code).toBe(1);
    // the mock resets the connection at the TLS hello (a broker that answers it in plain Kafka gives OpenSSL's "wrong version number": unit test)
    expect(run.err.trim()).toBe(`${url}: cannot connect: the server does not answer in TLS on this port (ECONNRESET); if it is not meant to, drop tls=1 (and ca=) from the URL`);
  });

  it('Kafka: user:password@ (SASL/PLAIN) against a broker without SASL says so and ends at once, the password hidden', async () => {
    const topic = uniqueName('sasl');
    await createTopic(topic, 1);
    const url = `kafka://reader:s3cret@${requireServer('kafka').bootstrap}/${topic}`;
    const shown = url.replace('s3cret', '***');
    const run = await cli(['inspect', url]);
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(`${shown}: cannot connect: the broker does not take SASL on this port (The Kafka server does not support the requested API version); drop user:password@ from the URL, or name the broker's SASL listener`);
    // as its own process it ends (a failed connect once left kafkajs's sockets keeping it alive)
    const alone = cliProcess(['inspect', url]);
    expect(alone.status).toBe(1);
    expect(alone.stderr).toContain(`${shown}: cannot connect: the broker does not take SASL on this port`);
    expect(alone.stderr).not.toContain('s3cret');
  });
});
