/**
 * `npm run servers`: `--help` prints the usage, an unknown option is one line and the usage (exit 2,
 * never a Node stack), and `--kafka-port N` gives the Kafka mock a fixed bootstrap address that a
 * client reads and writes through. The real script, as a process.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { needsServer } from '../servers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = ['bin/run-ts.mjs', 'scripts/servers/start.ts'];
const servers = (...args: string[]) => spawnSync(process.execPath, [...script, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

/** A loopback port free right now. */
const freePort = (): Promise<number> =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe('npm run servers', () => {
  it('--help prints the usage (exit 0); an unknown option or a bad port is one line and the usage (exit 2)', () => {
    const help = servers('--help');
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: npm run servers \[-- --only postgres,nats,kafka\] .*--kafka-port N\]/);
    const unknown = servers('--halp');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^npm run servers: Unknown option '--halp'.*\n\nUsage: npm run servers/);
    expect(unknown.stderr).not.toContain('ERR_PARSE_ARGS');
    const port = servers('--only', 'kafka', '--kafka-port', 'ninety');
    expect([port.status, port.stderr.split('\n')[0]]).toEqual([2, 'npm run servers: --kafka-port takes a port from 1 to 65535, got "ninety"']);
  });
});

describe('npm run servers --kafka-port', () => {
  needsServer('kafka');

  it('prints kafka://127.0.0.1:N and a client produces and reads through it', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...script, '--only', 'kafka', '--kafka-port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next()).value as string;
      expect(first).toContain(`Kafka       kafka://127.0.0.1:${port}   (librdkafka's mock;`);
      const control = /curl -X POST '(http:\/\/[^/]+)/.exec(first)![1];
      await fetch(`${control}/topics?name=fixed&partitions=1`, { method: 'POST' });
      const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], clientId: 'purestream-test', logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        expect(await admin.listTopics()).toContain('fixed');
      } finally {
        await admin.disconnect();
      }
    } finally {
      child.kill('SIGINT');
      await new Promise((done) => child.once('exit', done));
    }
  });
});
