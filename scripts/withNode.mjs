#!/usr/bin/env node
// @ts-check
/**
 * `node scripts/withNode.mjs <major> <command> [args…]`: runs a command under Node <major>.
 * When the running Node is another major, that Node is taken from the npm registry's
 * `node-<platform>-<arch>` package (the official binaries, as an npm package), unpacked once
 * into a cache folder (PURESTREAM_NODE_CACHE, else ~/.cache/purestream/node), and put first
 * on PATH, so `node`, `npm` and every child process use it. Runs on any Node from 18 on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The npm package with Node's binaries for this machine, and where its `node` sits inside it.
 * @param {string} platform
 * @param {string} arch
 * @returns {{ name: string, bin: string }}
 */
export function nodePackage(platform, arch) {
  if (platform === 'win32') throw new Error('on Windows, install that Node from nodejs.org (no npm package of it is used here)');
  return { name: `node-${platform}-${arch}`, bin: 'bin' };
}

/**
 * The folder holding `node` for a major version: this Node's own when it is that major, else
 * the cached package, fetched with `npm pack` when not there yet.
 * @param {number} major
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function nodeBinFor(major, env = process.env) {
  if (Number(process.versions.node.split('.')[0]) === major) return dirname(process.execPath);
  const pkg = nodePackage(process.platform, process.arch);
  const cache = env.PURESTREAM_NODE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'purestream', 'node');
  const home = join(cache, `${pkg.name}@${major}`);
  const bin = join(home, 'package', pkg.bin);
  if (versionMajor(join(bin, 'node')) === major) return bin;
  console.log(`Fetching Node ${major} from the npm registry (${pkg.name}@${major}) into ${home}`);
  const scratch = mkdtempSync(join(tmpdir(), 'purestream-node-'));
  try {
    const pack = spawnSync('npm', ['pack', `${pkg.name}@${major}`, '--pack-destination', scratch, '--json', '--silent'], { encoding: 'utf8', shell: process.platform === 'win32' });
    if (pack.status !== 0) throw new Error(`npm pack ${pkg.name}@${major} failed: ${(pack.stderr || pack.error?.message || '').trim().split('\n')[0]}`);
    const [{ filename }] = JSON.parse(pack.stdout);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(scratch, filename), '-C', home], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`could not unpack ${filename}: ${(untar.stderr || untar.error?.message || '').trim()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const got = versionMajor(join(bin, 'node'));
  if (got !== major) throw new Error(`${pkg.name}@${major} did not give a Node ${major} at ${bin} (got ${got ?? 'nothing'})`);
  return bin;
}

/**
 * The major version of a `node` binary, or undefined when it is missing or does not run.
 * @param {string} node
 * @returns {number | undefined}
 */
function versionMajor(node) {
  if (!existsSync(node)) return undefined;
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  const match = /^v(\d+)\./.exec(run.stdout ?? '');
  return run.status === 0 && match ? Number(match[1]) : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [majorText, command, ...args] = process.argv.slice(2);
  const major = Number(majorText);
  if (!Number.isInteger(major) || !command) {
    console.error('usage: node scripts/withNode.mjs <major> <command> [args…]   e.g. node scripts/withNode.mjs 24 npm test');
    process.exit(2);
  }
  let bin;
  try {
    bin = nodeBinFor(major);
  } catch (e) {
    console.error(`Cannot run under Node ${major}: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  console.log(`Node ${spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()} (${bin}): ${[command, ...args].join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  process.exit(run.status ?? 1);
}
