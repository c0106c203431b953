/**
 * Kafka for integration tests: librdkafka's mock cluster (scripts/servers/kafka-mock.c), built once
 * into node_modules/.cache/purestream/ and started per test run. Its brokers speak the Kafka protocol
 * on loopback; it keeps everything in memory. It has no CreateTopics admin API, so topics with a chosen
 * partition count are made through the mock's stdin, reached by tests through a small loopback HTTP
 * control (`POST /topics?name=T&partitions=N`); other topics are auto-created with 4 partitions.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { findExecutable, runToEnd } from './processes';

const root = resolve(import.meta.dirname, '../../..');
const source = join(root, 'scripts/servers/kafka-mock.c');
/** The built mock; never committed (node_modules is ignored). */
export const kafkaMockBinary = join(root, 'node_modules/.cache/purestream/kafka-mock');
const header = '/usr/include/librdkafka/rdkafka_mock.h';

/** What is missing to build or run the mock ('librdkafka-dev', 'a C compiler'), or undefined when it can run. */
export function kafkaMockMissing(): string | undefined {
  if (existsSync(kafkaMockBinary) && statSync(kafkaMockBinary).mtimeMs >= statSync(source).mtimeMs) return undefined;
  if (!existsSync(header)) return 'librdkafka-dev (/usr/include/librdkafka/rdkafka_mock.h)';
  if (!findExecutable('cc')) return 'a C compiler (cc)';
  return undefined;
}

/** Builds the mock when it is missing or older than its source (a fraction of a second). */
export async function buildKafkaMock(): Promise<void> {
  if (existsSync(kafkaMockBinary) && statSync(kafkaMockBinary).mtimeMs >= statSync(source).mtimeMs) return;
  mkdirSync(dirname(kafkaMockBinary), { recursive: true });
  await runToEnd(findExecutable('cc')!, ['-O2', '-o', kafkaMockBinary, source, '-lrdkafka']);
}

/** A running mock cluster: `bootstrap` is `127.0.0.1:PORT`, `controlUrl` the HTTP control for topics. */
export interface KafkaMock {
  readonly bootstrap: string;
  readonly controlUrl: string;
  createTopic(name: string, partitions: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the mock (one broker); it exits by itself when this process ends (its stdin closes). */
export async function startKafkaMock(): Promise<KafkaMock> {
  const child = spawn(kafkaMockBinary, ['1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await Promise.race([lines.next(), exited.then(() => undefined)]);
  const bootstrap = first && !first.done ? /^bootstrap=(.+)$/.exec(first.value)?.[1] : undefined;
  if (!bootstrap) {
    child.kill('SIGTERM');
    throw new Error(`kafka-mock did not start: ${stderr.trim() || 'no bootstrap line'}`);
  }
  // One command at a time: each answer is one line.
  let queue: Promise<unknown> = Promise.resolve();
  const command = (line: string): Promise<string> => {
    const answer = queue.then(async () => {
      child.stdin!.write(line + '\n');
      const next = await lines.next();
      return next.done ? 'error: kafka-mock has exited' : next.value;
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  const createTopic = async (name: string, partitions: number): Promise<void> => {
    if (!/^[A-Za-z0-9._-]{1,249}$/.test(name) || !Number.isInteger(partitions) || partitions < 1) throw new Error(`bad topic ${name}/${partitions}`);
    const answer = await command(`topic ${name} ${partitions}`);
    if (answer !== 'ok') throw new Error(`kafka-mock: topic ${name}: ${answer}`);
  };
  const control: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'POST' || url.pathname !== '/topics') {
      res.writeHead(404).end();
      return;
    }
    createTopic(url.searchParams.get('name') ?? '', Number(url.searchParams.get('partitions') ?? '1')).then(
      () => res.writeHead(204).end(),
      (error: Error) => res.writeHead(400, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((r) => control.listen(0, '127.0.0.1', () => r()));
  const address = control.address();
  const controlPort = typeof address === 'object' && address ? address.port : 0;
  return {
    bootstrap,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    createTopic,
    stop: async () => {
      await new Promise<void>((r) => control.close(() => r()));
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGTERM'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
