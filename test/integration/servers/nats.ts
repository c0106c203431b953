/** NATS for integration tests: `nats-server -js` in a temporary folder, with a WebSocket listener for the browser path. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, freePort, guard, waitForPort } from './processes';

/** The `nats-server` binary (Debian's package puts it in /usr/sbin), or undefined. */
export function findNats(): string | undefined {
  return findExecutable('nats-server');
}

/** The server's one user: clients without credentials connect as it; any other password is refused. */
export const NATS_USER = 'purestream';
export const NATS_PASSWORD = 'purestream-test';

/** A running server: `url` is `nats://127.0.0.1:PORT`, `wsUrl` is `ws://127.0.0.1:PORT` (no TLS, loopback only). */
export interface NatsServer {
  readonly url: string;
  readonly wsUrl: string;
  stop(): Promise<void>;
}

/** Starts nats-server with JetStream (file store in the temporary folder) on the given ports, else free ones, TLS required when `tls` names a certificate; well under a second. */
export async function startNats(binary: string, ports: { readonly port?: number; readonly wsPort?: number; readonly tls?: { readonly cert: string; readonly key: string } } = {}): Promise<NatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-nats-'));
  const [port, wsPort] = await Promise.all([ports.port ?? freePort(), ports.wsPort ?? freePort()]);
  const config = join(dir, 'nats.conf');
  writeFileSync(
    config,
    [
      'listen: "127.0.0.1:' + port + '"',
      `jetstream { store_dir: "${join(dir, 'js')}" }`,
      // one account with a user and password; a client that gives none is that user (so tests can check wrong credentials)
      `accounts: { APP: { jetstream: enabled, users: [ { user: "${NATS_USER}", password: "${NATS_PASSWORD}" } ] } }`,
      `no_auth_user: "${NATS_USER}"`,
      // clients must speak TLS, with the server's certificate (tests of TLS sources)
      ...(ports.tls ? [`tls { cert_file: "${ports.tls.cert}", key_file: "${ports.tls.key}" }`] : []),
      `websocket { listen: "127.0.0.1:${wsPort}", no_tls: true, no_auth_user: "${NATS_USER}" }`,
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-js', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = guard(`kill -TERM ${child.pid} 2>/dev/null; i=0; while kill -0 ${child.pid} 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; rm -rf "${dir}"`);
  try {
    await Promise.race([
      Promise.all([waitForPort(port, 10_000, 'nats-server'), waitForPort(wsPort, 10_000, 'nats-server (WebSocket)')]),
      exited.then(() => {
        throw new Error(`nats-server exited at start: ${log.trim().split('\n').slice(-3).join(' | ')}`);
      }),
    ]);
  } catch (error) {
    await stop.release();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    stop: async () => {
      await stop.release();
      await exited;
    },
  };
}
