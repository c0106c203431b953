/**
 * `npm start`'s paths to a binary with a stand-in for Electron (none can be downloaded here):
 * no binary → Electron's own installer fetches one from a local mirror and it is launched;
 * an unreachable or empty mirror → the web UI, with the real reason. The launch itself through
 * electron-vite is in test/unit/packaging/desktopApp.test.ts (it builds out/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { start } from '../../../scripts/start.mjs';
import { readCalls, serveMirror, shasumLine, standInSource, zipOf } from './standInElectron';

const ROOT = resolve('.');
const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version as string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'purestream-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project folder holding only the electron package as npm installs it (no binary), so the installer runs there. */
function projectWithoutBinary(name: string): string {
  const root = join(dir, name);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  for (const f of ['package.json', 'install.js', 'index.js', 'checksums.json']) copyFileSync(join('node_modules/electron', f), join(pkg, f));
  return root;
}

/** The environment for the installer in such a folder: its dependencies from this checkout, an empty download cache. */
const installerEnv = (name: string, mirror: string): Record<string, string | undefined> => ({
  ...process.env,
  NODE_PATH: join(ROOT, 'node_modules'),
  ELECTRON_MIRROR: mirror,
  electron_config_cache: join(dir, `${name}-cache`),
  ELECTRON_OVERRIDE_DIST_PATH: undefined,
  PURESTREAM_STANDIN_RECORD: join(dir, `${name}.jsonl`),
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('npm start', () => {
  it("runs Electron's installer when there is no binary, then launches what it fetched", async () => {
    const root = projectWithoutBinary('install');
    const zipName = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
    const zip = zipOf([{ name: 'electron', data: Buffer.from(standInSource()), mode: 0o755 }]);
    const mirror = await serveMirror({ [`/v${ELECTRON_VERSION}/${zipName}`]: zip, [`/v${ELECTRON_VERSION}/SHASUMS256.txt`]: Buffer.from(shasumLine(zipName, zip)) });
    try {
      // the stand-in's checksum is not Electron's: the installer checks it against the mirror's SHASUMS256.txt
      const env: Record<string, string | undefined> = { ...installerEnv('install', mirror.url), electron_use_remote_checksums: '1' };
      const launched: string[] = [];
      const action = await start({ root, env, launch: (b) => launched.push(b), web: (r) => expect.fail(`served the web UI: ${r}`) });
      const binary = join(root, 'node_modules/electron/dist/electron');
      expect(action).toEqual({ action: 'launch', binary });
      expect(launched).toEqual([binary]);
      expect(readFileSync(join(root, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
      expect(mirror.requests).toContain(`/v${ELECTRON_VERSION}/${zipName}`);
      expect(readCalls(env.PURESTREAM_STANDIN_RECORD!).map((c) => c.argv)).toEqual([['--version']]);
    } finally {
      mirror.server.close();
    }
  }, 60_000);

  it('serves the web UI when the download host cannot be reached, saying so', async () => {
    const root = projectWithoutBinary('offline');
    const port = await closedPort();
    const reasons: string[] = [];
    const action = await start({ root, env: installerEnv('offline', `http://127.0.0.1:${port}/`), launch: () => expect.fail('launched'), web: (r) => reasons.push(r) });
    const reason = `Electron's installer could not fetch the binary: network error: 127.0.0.1:${port} could not be reached (connect ECONNREFUSED 127.0.0.1:${port})`;
    expect(action).toEqual({ action: 'web', reason });
    expect(reasons).toEqual([reason]);
    expect(existsSync(join(root, 'node_modules/electron/path.txt'))).toBe(false);
  }, 60_000);

  it('serves the web UI when the mirror has no build for this platform, saying so', async () => {
    const root = projectWithoutBinary('missing');
    const mirror = await serveMirror({});
    try {
      const action = await start({ root, env: installerEnv('missing', mirror.url), launch: () => expect.fail('launched'), web: () => undefined });
      expect(action).toEqual({
        action: 'web',
        reason: `Electron's installer could not fetch the binary: unsupported platform: ${new URL(mirror.url).host} has no Electron ${ELECTRON_VERSION} for ${process.platform}-${process.arch} (HTTP 404)`,
      });
    } finally {
      mirror.server.close();
    }
  }, 60_000);

  it('never runs the installer over ELECTRON_OVERRIDE_DIST_PATH; a missing binary there is the reason given', async () => {
    const empty = join(dir, 'empty-dist');
    mkdirSync(empty);
    let installed = false;
    const action = await start({ env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }, install: async () => ((installed = true), { ok: true }), web: () => undefined });
    expect(installed).toBe(false);
    expect(action).toEqual({ action: 'web', reason: `ELECTRON_OVERRIDE_DIST_PATH is ${empty}, but there is no Electron binary at ${join(empty, 'electron')}` });
  });
});
