/** `npm start`'s decisions as data: (binary present, installer result, override) → launch, install or web. */
import { describe, expect, it } from 'vitest';
import { downloadUrl, expectedBinary, installFailureReason, platformPath, startDecision } from '../../../scripts/startDecision.mjs';

const BIN = '/p/node_modules/electron/dist/electron';

describe('startDecision', () => {
  it('launches a binary that starts, from the package or from ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(startDecision({ override: undefined, binary: { status: 'ok', path: BIN }, installer: undefined })).toEqual({ action: 'launch', binary: BIN });
    expect(startDecision({ override: '/opt/e', binary: { status: 'ok', path: '/opt/e/electron' }, installer: undefined })).toEqual({ action: 'launch', binary: '/opt/e/electron' });
  });
  it("runs Electron's installer when the package has no binary yet (Electron 45 downloads none at npm install)", () => {
    expect(startDecision({ override: undefined, binary: { status: 'missing', path: BIN }, installer: undefined })).toEqual({ action: 'install' });
  });
  it('launches what the installer fetched', () => {
    expect(startDecision({ override: undefined, binary: { status: 'ok', path: BIN }, installer: { ok: true } })).toEqual({ action: 'launch', binary: BIN });
  });
  it("falls back to the web UI with the installer's real reason, never installing twice", () => {
    const reason = 'network error: github.com could not be reached (getaddrinfo ENOTFOUND github.com)';
    expect(startDecision({ override: undefined, binary: { status: 'missing', path: BIN }, installer: { ok: false, reason } })).toEqual({
      action: 'web',
      reason: `Electron's installer could not fetch the binary: ${reason}`,
    });
    expect(startDecision({ override: undefined, binary: { status: 'missing', path: BIN }, installer: { ok: true } })).toEqual({
      action: 'web',
      reason: `Electron's installer finished, but there is no binary at ${BIN}`,
    });
  });
  it('never downloads over a binary the user pointed to with ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(startDecision({ override: '/opt/e', binary: { status: 'missing', path: '/opt/e/electron' }, installer: undefined })).toEqual({
      action: 'web',
      reason: 'ELECTRON_OVERRIDE_DIST_PATH is /opt/e, but there is no Electron binary at /opt/e/electron',
    });
  });
  it('says why a present binary cannot start, and when none can exist', () => {
    expect(startDecision({ override: undefined, binary: { status: 'broken', path: BIN, detail: 'libgtk-3.so.0: cannot open shared object file' }, installer: undefined })).toEqual({
      action: 'web',
      reason: `the Electron binary at ${BIN} does not start (libgtk-3.so.0: cannot open shared object file)`,
    });
    expect(startDecision({ override: undefined, binary: { status: 'unavailable', detail: 'the electron package is not installed (run npm install)' }, installer: undefined })).toEqual({
      action: 'web',
      reason: 'the electron package is not installed (run npm install)',
    });
  });
});

describe('where the binary is expected', () => {
  it('follows path.txt in the dist folder, or the platform name under the override (as electron/index.js)', () => {
    expect(expectedBinary({ electronDir: '/p/e', platform: 'linux', override: undefined, pathTxt: 'electron' })).toBe('/p/e/dist/electron');
    expect(expectedBinary({ electronDir: '/p/e', platform: 'linux', override: undefined, pathTxt: undefined })).toBe('/p/e/dist/electron');
    expect(expectedBinary({ electronDir: '/p/e', platform: 'darwin', override: '/Apps/E', pathTxt: undefined })).toBe('/Apps/E/Electron.app/Contents/MacOS/Electron');
    expect(expectedBinary({ electronDir: '/p/e', platform: 'aix', override: undefined, pathTxt: undefined })).toBeUndefined();
    expect(platformPath('win32')).toBe('electron.exe');
  });
  it('downloads from the mirror the installer would use', () => {
    const target = { version: '45.5.0', platform: 'linux', arch: 'x64' };
    expect(downloadUrl({}, target)).toBe('https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip');
    expect(downloadUrl({ ELECTRON_MIRROR: 'https://mirror.example/electron/' }, target)).toBe('https://mirror.example/electron/v45.5.0/electron-v45.5.0-linux-x64.zip');
  });
});

describe("the installer's failure in one line", () => {
  const context = { version: '45.5.0', platform: 'linux', arch: 'x64', downloadUrl: 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip', networkError: undefined };
  it.each([
    ['TypeError: fetch failed\n    at node:internal/deps/undici', { networkError: 'getaddrinfo ENOTFOUND github.com' }, 'network error: github.com could not be reached (getaddrinfo ENOTFOUND github.com)'],
    ['TypeError: fetch failed', {}, 'network error: github.com could not be reached (fetch failed)'],
    ['Error: connect ECONNREFUSED 10.0.0.1:443', {}, 'network error: github.com could not be reached (ECONNREFUSED 10.0.0.1:443)'],
    ['', { timedOut: true, networkError: 'no answer in 10 s' }, 'network error: the download from github.com did not finish in time (no answer in 10 s)'],
    ['Error: Electron builds are not available on platform: aix', {}, 'unsupported platform: Electron publishes no build for aix'],
    ['HTTPError: Response code 404 (Not Found) for https://github.com/...', {}, 'unsupported platform: github.com has no Electron 45.5.0 for linux-x64 (HTTP 404)'],
    ['HTTPError: Response code 503 (Service Unavailable)', {}, 'network error: github.com answered HTTP 503'],
    ['Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.', {}, `the downloaded file did not match Electron's published checksum (Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.)`],
    ["Error: EACCES: permission denied, mkdir '/usr/lib/node_modules/electron/dist'", {}, "no permission to write Electron's files (EACCES: permission denied, mkdir '/usr/lib/node_modules/electron/dist')"],
    ['Error: ENOSPC: no space left on device, write', {}, 'no space left on the device for the Electron binary'],
    ['Something odd\n  at x', {}, 'Something odd'],
    ['', {}, 'it exited with an error and printed nothing'],
  ])('%j', (output, extra, reason) => {
    expect(installFailureReason(output, { ...context, ...extra })).toBe(reason);
  });
});
