/**
 * The desktop app as built, in one file because both steps use out/: `npm start` with a
 * stand-in Electron binary in ELECTRON_OVERRIDE_DIST_PATH (electron-vite builds the app and
 * starts the binary with ELECTRON_EXEC_PATH), then electron-builder packaging that build for
 * Linux as a folder (`--dir`) on a stand-in Electron distribution whose binary carries a fuse
 * wire: the fuses come out flipped and app.asar holds the build and nothing else. The
 * installers (AppImage, deb, dmg, nsis) need downloads and are not built here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { readCalls, standInSource, writeStandIn } from '../scripts/standInElectron';

const run = promisify(execFile);
const ROOT = resolve('.');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'purestream-desktop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fuse wire of Electron 45 as shipped: run-as-Node, NODE_OPTIONS, inspect and file:// privileges on. */
const SHIPPED_WIRE = [...'10110001'].map((c) => c.charCodeAt(0));
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

describe('the desktop app', () => {
  it('hands the binary in ELECTRON_OVERRIDE_DIST_PATH to electron-vite, which builds the app and starts it', async () => {
    const dist = join(dir, 'override');
    mkdirSync(dist);
    writeStandIn(join(dist, 'electron'));
    const record = join(dir, 'override.jsonl');
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, PURESTREAM_STANDIN_RECORD: record, ELECTRON_RENDERER_URL: undefined },
      timeout: 240_000,
    });
    expect(stdout).toContain(`Starting Purestream with Electron at ${join(dist, 'electron')}`);
    const calls = readCalls(record);
    // the probe (as Node, no window), then the app: `electron .` from the project folder
    expect(calls.map((c) => c.argv)).toEqual([['--version'], ['.']]);
    expect(calls[0].env.ELECTRON_RUN_AS_NODE).toBe('1');
    // JSON leaves out unset variables: not run as Node, no dev server
    expect(calls[1]).toEqual({ argv: ['.'], cwd: ROOT, env: { ELECTRON_EXEC_PATH: join(dist, 'electron'), ELECTRON_OVERRIDE_DIST_PATH: dist, NODE_ENV_ELECTRON_VITE: 'production' } });

    // what the binary was started on: main (ESM), a CommonJS preload for the sandbox, the renderer with its CSP
    const main = readFileSync('out/main/index.js', 'utf8');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(readFileSync('out/preload/index.cjs', 'utf8')).toContain('exposeInMainWorld');
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toContain("'wasm-unsafe-eval'");
    expect(html).not.toContain("'unsafe-eval'");
  }, 300_000);

  it('packages into app.asar with the fuses flipped, shipping the build and no dev files', async () => {
    // a stand-in Electron distribution: the binary ends with the sentinel, wire version 1 and 8 fuses
    const electronDist = join(dir, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from(standInSource() + `// ${FUSE_SENTINEL}`), Buffer.from([1, SHIPPED_WIRE.length, ...SHIPPED_WIRE]), Buffer.from('\n')]), { mode: 0o755 });
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT');
    writeFileSync(join(electronDist, 'version'), '45.5.0');
    const output = join(dir, 'packaged');
    await run(process.execPath, ['node_modules/electron-builder/cli.js', '--config', 'electron-builder.config.ts', '--linux', 'dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`], {
      timeout: 240_000,
    });

    const app = join(output, 'linux-unpacked');
    const wire = await getCurrentFuseWire(join(app, 'purestream'));
    const fuse = (option: FuseV1Options) => String.fromCharCode(wire[option] as number);
    expect({
      runAsNode: fuse(FuseV1Options.RunAsNode),
      nodeOptions: fuse(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: fuse(FuseV1Options.EnableNodeCliInspectArguments),
      onlyLoadAppFromAsar: fuse(FuseV1Options.OnlyLoadAppFromAsar),
      asarIntegrity: fuse(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      fileProtocolPrivileges: fuse(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({ runAsNode: '0', nodeOptions: '0', inspectArguments: '0', onlyLoadAppFromAsar: '1', asarIntegrity: '1', fileProtocolPrivileges: '0' });

    const files = listPackage(join(app, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/favicon.svg', '/out/renderer/icon.png']));
    expect(files.filter((f) => !/^\/(package\.json$|out(\/|$))/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') || f.includes('node_modules'))).toEqual([]);
    expect(readFileSync(join(output, 'linux-unpacked', 'resources', 'app.asar')).length).toBeLessThan(20 * 1024 * 1024);
  }, 300_000);
});
