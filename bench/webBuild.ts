/**
 * The web build for the UI benchmarks: built into a folder under bench/.data/, then served by
 * `vite preview` on a free port of 127.0.0.1 for the length of a benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = `${root}node_modules/vite/bin/vite.js`;

/** A served build: its address, and `stop` to end the server. */
export interface ServedBuild {
  readonly url: string;
  stop(): void;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

/** Builds the web UI into `bench/.data/<folder>` and serves it; resolves when the page answers. */
export async function serveWebBuild(folder: string): Promise<ServedBuild> {
  const outDir = fileURLToPath(new URL(`./.data/${folder}`, import.meta.url));
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr.trim().split('\n')[0]}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server: ChildProcess = spawn(process.execPath, [vite, 'preview', '--config', 'vite.config.ts', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not answer in 20 s');
}
