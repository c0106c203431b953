#!/usr/bin/env node
// @ts-check
/**
 * `npm start` (and `npm run dev` with --dev): the Electron app, as on a user's machine. A missing
 * binary is fetched by Electron's own installer first; the web UI is served only when no
 * binary can start, and the reason printed is the real one. The binary found is handed to
 * electron-vite as ELECTRON_EXEC_PATH (it reads only that or the package's path.txt).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { findElectron, runElectronInstaller } from './electronRuntime.mjs';
import { startDecision } from './startDecision.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Decides, installing once if needed, and then launches Electron or serves the web UI.
 * @param {{
 *   root?: string,
 *   env?: Record<string, string | undefined>,
 *   dev?: boolean,
 *   install?: typeof runElectronInstaller,
 *   launch?: (binary: string) => void,
 *   web?: (reason: string) => void,
 * }} [options] the effects are replaceable for tests
 * @returns {Promise<import('./startDecision.mjs').StartAction>} what was done
 */
export async function start({ root = ROOT, env = process.env, dev = false, install = runElectronInstaller, launch, web } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH || undefined;
  let action = startDecision({ override, binary: findElectron(root, env), installer: undefined });
  if (action.action === 'install') {
    const installer = await install(root, env);
    action = startDecision({ override, binary: findElectron(root, env), installer });
  }
  if (action.action === 'launch') (launch ?? ((binary) => launchElectron(root, env, binary, dev)))(action.binary);
  else if (action.action === 'web') (web ?? ((reason) => serveWebInstead(reason, dev)))(action.reason);
  return action;
}

/**
 * electron-vite builds the app and starts the binary (`preview`; `dev` serves the renderer with
 * hot reload); ELECTRON_EXEC_PATH tells it which binary.
 * @param {string} root
 * @param {Record<string, string | undefined>} env
 * @param {string} binary
 * @param {boolean} dev
 */
function launchElectron(root, env, binary, dev) {
  console.log(`Starting Purestream with Electron at ${binary}`);
  const child = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), dev ? 'dev' : 'preview'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ELECTRON_EXEC_PATH: binary },
  });
  const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * @param {string} reason
 * @param {boolean} dev
 */
async function serveWebInstead(reason, dev) {
  console.log(`Electron cannot start here: ${reason}.\nServing the web UI instead.`);
  const { serveWeb } = await import('./web.mjs');
  await serveWeb({ command: dev ? 'npm run dev' : 'npm start' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await start({ dev: process.argv.includes('--dev') });
