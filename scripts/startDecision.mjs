// @ts-check
/**
 * What `npm start` does, as plain functions (tested in test/unit/scripts): where Electron's
 * binary lives, whether to launch it, run Electron's own installer, or serve the web UI, and
 * the one-line reason an installer failure is given. No I/O here; electronRuntime.mjs does it.
 */
import { join } from 'node:path';

/**
 * The executable inside Electron's dist folder for a platform, as the `electron` package's
 * install.js and index.js name it; undefined where Electron publishes no build.
 * @param {string} platform a `process.platform` value
 * @returns {string | undefined}
 */
export function platformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return undefined;
  }
}

/**
 * Where the binary is expected: in ELECTRON_OVERRIDE_DIST_PATH when set (Electron's documented
 * override, read the same way as the package's index.js), else in the package's dist folder.
 * @param {{ electronDir: string, platform: string, override: string | undefined, pathTxt: string | undefined }} at
 *   `pathTxt` is the package's path.txt (written by its installer), when present
 * @returns {string | undefined} undefined when the platform has no Electron build
 */
export function expectedBinary({ electronDir, platform, override, pathTxt }) {
  const inDist = pathTxt?.trim() || platformPath(platform);
  if (!inDist) return undefined;
  return override ? join(override, inDist) : join(electronDir, 'dist', inDist);
}

/**
 * @typedef {{ status: 'ok', path: string }
 *   | { status: 'missing', path: string }
 *   | { status: 'broken', path: string, detail: string }
 *   | { status: 'unavailable', detail: string }} BinaryState
 *   `unavailable`: no binary can exist here (the package is not installed, the platform has no build)
 * @typedef {{ ok: true } | { ok: false, reason: string }} InstallerResult
 * @typedef {{ action: 'launch', binary: string }
 *   | { action: 'install' }
 *   | { action: 'web', reason: string }} StartAction
 */

/**
 * The next step of `npm start`. A present binary is launched; a missing one is fetched by
 * Electron's installer once (never when ELECTRON_OVERRIDE_DIST_PATH names where the user keeps
 * theirs); the web UI is the fallback, with the real reason.
 * @param {{ override: string | undefined, binary: BinaryState, installer: InstallerResult | undefined }} input
 *   `installer` is undefined until the installer has run
 * @returns {StartAction}
 */
export function startDecision({ override, binary, installer }) {
  switch (binary.status) {
    case 'ok':
      return { action: 'launch', binary: binary.path };
    case 'unavailable':
      return { action: 'web', reason: binary.detail };
    case 'broken':
      return { action: 'web', reason: `the Electron binary at ${binary.path} does not start (${binary.detail})` };
    case 'missing':
      if (override) return { action: 'web', reason: `ELECTRON_OVERRIDE_DIST_PATH is ${override}, but there is no Electron binary at ${binary.path}` };
      if (!installer) return { action: 'install' };
      if (!installer.ok) return { action: 'web', reason: `Electron's installer could not fetch the binary: ${installer.reason}` };
      return { action: 'web', reason: `Electron's installer finished, but there is no binary at ${binary.path}` };
  }
}

/**
 * The one-line reason an installer run failed, from its output (install.js prints only the
 * error's stack, e.g. "TypeError: fetch failed") and, for a network failure, what a direct
 * request to the download host said.
 * @param {string} output the installer's stdout and stderr
 * @param {{ version: string, platform: string, arch: string, downloadUrl: string, networkError: string | undefined, timedOut?: boolean }} context
 * @returns {string}
 */
export function installFailureReason(output, { version, platform, arch, downloadUrl, networkError, timedOut }) {
  const host = hostOf(downloadUrl);
  const firstLine = (/** @type {string} */ text) => text.trim().split('\n')[0]?.trim() ?? '';
  if (timedOut) return `network error: the download from ${host} did not finish in time${networkError ? ` (${networkError})` : ''}`;
  const unsupported = /Electron builds are not available on platform: ?(\S*)/.exec(output);
  if (unsupported) return `unsupported platform: Electron publishes no build for ${unsupported[1] || platform}`;
  const http = /Response code (\d{3})|HTTP(?:Error)?:? (\d{3})|status(?: code)? (\d{3})/i.exec(output);
  const code = http && (http[1] ?? http[2] ?? http[3]);
  if (code === '404') return `unsupported platform: ${host} has no Electron ${version} for ${platform}-${arch} (HTTP 404)`;
  if (code) return `network error: ${host} answered HTTP ${code}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|certificate/i.test(output))
    return `network error: ${host} could not be reached (${networkError ?? firstLine(output.match(/(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)[^\n]*/)?.[0] ?? 'fetch failed')})`;
  if (/checksum|sha256/i.test(output)) return `the downloaded file did not match Electron's published checksum (${firstLine(output)})`;
  if (/EACCES|EPERM|EROFS/.test(output)) return `no permission to write Electron's files (${firstLine(output.match(/(EACCES|EPERM|EROFS)[^\n]*/)?.[0] ?? output)})`;
  if (/ENOSPC/.test(output)) return 'no space left on the device for the Electron binary';
  return firstLine(output) || 'it exited with an error and printed nothing';
}

/**
 * The URL Electron's installer downloads from: ELECTRON_MIRROR (or the npm config form of it)
 * when set, else Electron's GitHub releases, as @electron/get builds it.
 * @param {Record<string, string | undefined>} env
 * @param {{ version: string, platform: string, arch: string }} target
 * @returns {string}
 */
export function downloadUrl(env, { version, platform, arch }) {
  const mirror = env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.npm_package_config_electron_mirror || env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  const dir = env.npm_config_electron_custom_dir || env.ELECTRON_CUSTOM_DIR || `v${version}`;
  return `${mirror}${dir.replace('{{ version }}', version)}/electron-v${version}-${platform}-${arch}.zip`;
}

/** @param {string} url */
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
