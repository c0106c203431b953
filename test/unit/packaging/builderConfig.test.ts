/**
 * The packaging configuration as data (electron-builder cannot download Electron here): the
 * installers per platform, the fuses, what is shipped — checked against electron-builder's own
 * schema as it loads the file for `npm run dist`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import config from '../../../electron-builder.config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; engines: Record<string, string> };

describe('electron-builder configuration', () => {
  it('is what `npm run dist` loads, and electron-builder accepts it', async () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.config.ts');
    const loaded = await getConfig('.', 'electron-builder.config.ts', null);
    expect(loaded.appId).toBe(config.appId);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });
  it('builds AppImage and deb on Linux, a dmg on macOS, an NSIS installer on Windows, each with the app icon', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.icon).toBe('build/icon.png');
    const png = readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
  it('sets the fuses: no run-as-Node, no NODE_OPTIONS, no inspect flags; only app.asar, integrity checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
  it('ships only the build and package.json: no maps, no node_modules (what lands in app.asar: desktopApp.test.ts)', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!**/*.map', '!node_modules{,/**/*}']);
    expect(config.npmRebuild).toBe(false);
  });
  it('needs the Node the electron package needs', () => {
    const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { engines: { node: string } };
    expect(electron.engines.node).toBe('>= 22.12.0');
    expect(pkg.engines.node).toBe('>=22.12.0');
  });
});
