// @ts-check
/**
 * The I/O half of `npm start`: finds Electron's binary without triggering a download (the
 * package's index.js downloads when required), probes that it starts, and runs Electron's own
 * installer (the package's `install-electron` bin). The decisions are in startDecision.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { downloadUrl, expectedBinary, installFailureReason } from './startDecision.mjs';

/**
 * The state of the binary `npm start` would launch.
 * @param {string} root the project folder
 * @param {Record<string, string | undefined>} env
 * @returns {import('./startDecision.mjs').BinaryState}
 */
export function findElectron(root, env = process.env) {
  const electronDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'package.json'))) return { status: 'unavailable', detail: 'the electron package is not installed (run npm install)' };
  const pathFile = join(electronDir, 'path.txt');
  const pathTxt = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const binary = expectedBinary({ electronDir, platform: process.platform, override: env.ELECTRON_OVERRIDE_DIST_PATH || undefined, pathTxt });
  if (!binary) return { status: 'unavailable', detail: `unsupported platform: Electron publishes no build for ${process.platform}` };
  if (!existsSync(binary)) return { status: 'missing', path: binary };
  // Run as Node: proves the binary and its libraries load without opening a window.
  const probe = spawnSync(binary, ['--version'], { timeout: 15_000, encoding: 'utf8', env: { ...env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) {
    const said = (probe.stderr || probe.error?.message || `exit ${probe.status ?? probe.signal}`).toString().trim().split('\n')[0];
    return { status: 'broken', path: binary, detail: said };
  }
  return { status: 'ok', path: binary };
}

/**
 * Runs Electron's installer (`install-electron`, which downloads the binary for this platform
 * and writes path.txt) and explains a failure in one line.
 * @param {string} root
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<import('./startDecision.mjs').InstallerResult>}
 */
export async function runElectronInstaller(root, env = process.env) {
  const electronDir = join(root, 'node_modules', 'electron');
  const pkg = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const entry = pkg.bin?.['install-electron'];
  if (typeof entry !== 'string') return { ok: false, reason: `electron ${pkg.version} has no install-electron command` };
  const target = { version: pkg.version, platform: env.ELECTRON_INSTALL_PLATFORM || process.platform, arch: env.ELECTRON_INSTALL_ARCH || process.arch };
  const url = downloadUrl(env, target);
  console.log(`Fetching the Electron ${pkg.version} binary for ${target.platform}-${target.arch} with Electron's installer (install-electron)…`);
  const run = await runNode([join(electronDir, entry)], root, env, INSTALL_TIMEOUT_MS);
  if (run.code === 0) return { ok: true };
  const networkError = /fetch failed|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|UNREACH|socket/i.test(run.output) || run.timedOut ? await reachError(url) : undefined;
  const { output, timedOut } = run;
  return { ok: false, reason: installFailureReason(output, { ...target, downloadUrl: url, networkError, timedOut }) };
}

/** Twenty minutes covers a slow link; a dead one fails within seconds (DNS, refused, connect timeout). */
const INSTALL_TIMEOUT_MS = 20 * 60_000;

/**
 * Runs a Node script, collecting its output (asynchronously: a test's local mirror answers meanwhile).
 * @param {string[]} args
 * @param {string} cwd
 * @param {Record<string, string | undefined>} env
 * @param {number} timeoutMs
 * @returns {Promise<{ code: number | null, output: string, timedOut: boolean }>}
 */
function runNode(args, cwd, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (e) => (output += `\n${e.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/**
 * What a direct request to the download URL fails with ("getaddrinfo ENOTFOUND github.com"),
 * or undefined when it is answered: the installer itself prints only "fetch failed".
 * @param {string} url
 * @returns {Promise<string | undefined>}
 */
async function reachError(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return undefined;
  } catch (e) {
    const error = /** @type {Error & { cause?: { message?: string, code?: string } }} */ (e);
    if (error.name === 'TimeoutError') return 'no answer in 10 s';
    return error.cause?.message ?? error.cause?.code ?? error.message;
  }
}
