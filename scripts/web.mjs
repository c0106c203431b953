#!/usr/bin/env node
// @ts-check
/**
 * `npm run web` (and `npm start` where Electron cannot start): builds the renderer and serves it
 * as a plain web page on 127.0.0.1, port 4173 or PORT. A port that is taken, or a PORT that is
 * not a port, ends in one line naming it and what to do, before anything is built; the
 * decisions are plain functions (tested in test/unit/scripts/web.test.ts).
 */
import { spawnSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Where the web UI is served: loopback only. */
export const WEB_HOST = '127.0.0.1';
/** The port when PORT is not set (Vite's preview port). */
export const DEFAULT_PORT = 4173;

/**
 * The port to serve on: PORT when set, else 4173.
 * @param {Record<string, string | undefined>} env
 * @returns {{ ok: true, port: number } | { ok: false, message: string }}
 */
export function webPort(env) {
  const text = env.PORT?.trim();
  if (text === undefined || text === '') return { ok: true, port: DEFAULT_PORT };
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) return { ok: false, message: `PORT must be a port number from 1 to 65535, got "${text.slice(0, 40)}"` };
  return { ok: true, port };
}

/**
 * Whether something already listens on `host:port` (tried by listening there for a moment).
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export function portInUse(port, host = WEB_HOST) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (/** @type {NodeJS.ErrnoException} */ error) => (error.code === 'EADDRINUSE' ? resolve(true) : reject(error)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/**
 * The one line said when the port is taken, with the command to run instead.
 * @param {number} port
 * @param {string} command how the user started it: `npm run web`, `npm start`
 */
export function portBusyMessage(port, command) {
  const other = port === 65535 ? port - 1 : port + 1;
  return `Port ${port} on ${WEB_HOST} is already in use (another Purestream web UI, or another program): stop it, or choose a free port with PORT, e.g. PORT=${other} ${command}`;
}

/**
 * The port to serve on, checked: its number, or the one line that says why not.
 * @param {Record<string, string | undefined>} env
 * @param {string} command
 * @returns {Promise<{ ok: true, port: number } | { ok: false, message: string }>}
 */
export async function checkedWebPort(env, command) {
  const chosen = webPort(env);
  if (!chosen.ok) return chosen;
  if (await portInUse(chosen.port)) return { ok: false, message: portBusyMessage(chosen.port, command) };
  return chosen;
}

/**
 * Builds and serves the web UI; a port problem is one line on stderr and exit code 1.
 * @param {{ env?: Record<string, string | undefined>, command?: string }} [options]
 */
export async function serveWeb({ env = process.env, command = 'npm run web' } = {}) {
  const vite = 'node_modules/vite/bin/vite.js';
  const before = await checkedWebPort(env, command);
  if (!before.ok) return fail(before.message);
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // the build takes a while: the port may have been taken meanwhile
  const after = await checkedWebPort(env, command);
  if (!after.ok) return fail(after.message);
  const port = String(after.port);
  console.log(`Purestream web UI: http://${WEB_HOST}:${port}`);
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'vite.config.ts', '--host', WEB_HOST, '--port', port, '--strictPort'], { stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await serveWeb();
