// Finds a runnable Electron binary without triggering a download (the electron package
// tries to download one when required and none is there). Returns the path, or a reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export function findElectron(root = process.cwd()) {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { ok: false, reason: 'the electron package is not installed' };
  let binary;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  else {
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return { ok: false, reason: 'no Electron binary was downloaded (offline install)' };
    binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  }
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary is missing (${binary})` };
  const probe = spawnSync(binary, ['--version'], { timeout: 15000, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) return { ok: false, reason: `the Electron binary does not start (${(probe.stderr || probe.error?.message || 'exit ' + probe.status).toString().trim().split('\n')[0]})` };
  return { ok: true, binary };
}
