/** Small process helpers for the integration-test servers: free ports, readiness, guarded children. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer, connect } from 'node:net';
import { delimiter, join } from 'node:path';

/** A loopback TCP port free at the time of asking (the OS picks it; a tiny race remains, as with any such helper). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once 127.0.0.1:port accepts a TCP connection; rejects after `timeoutMs` (milliseconds). */
export async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The first executable named `name` in `extraDirs`, then (unless `onlyThere`) on PATH and in /usr/local/sbin,
 * /usr/sbin, /usr/bin (Debian puts servers in sbin, which a non-root PATH may lack); undefined if none.
 */
export function findExecutable(name: string, extraDirs: readonly string[] = [], onlyThere = false): string | undefined {
  const dirs = onlyThere ? extraDirs : [...extraDirs, ...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/usr/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Spawns `/bin/sh -c 'cat >/dev/null; STOP'` with a pipe on its stdin: when this process ends,
 * however it ends, the pipe closes and STOP runs — so a crashed test run leaves no server behind.
 * `release()` closes the pipe on purpose (runs STOP); `disarm()` ends the guard without STOP.
 */
export function guard(stopCommand: string, options: SpawnOptions = {}): { release(): Promise<void>; disarm(): void } {
  const child = spawn('/bin/sh', ['-c', `cat >/dev/null; ${stopCommand}`], { ...options, stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    release: () => {
      // keep the process alive until STOP has run (the guard is unref'd so it never holds a process open by itself)
      child.ref();
      child.stdin?.end();
      return exited;
    },
    disarm: () => {
      child.kill('SIGKILL');
    },
  };
}

/** Runs a command to completion; rejects with its stderr's last lines when it exits non-zero. */
export function runToEnd(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
