/**
 * The renderer is served from a privileged `app://purestream/` scheme rather than file://:
 * Chromium refuses module workers and fetch (sql.js's wasm) from file:// pages, and a standard,
 * secure scheme gives the page a real origin for the CSP and the IPC sender check. This module
 * is the plain part: the scheme and the mapping of a request path to a file under the renderer
 * folder, refusing anything that would escape it.
 */
import { extname, normalize, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'purestream';
/** The URL the main window loads in a built app. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Content types of the files the renderer build contains. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file under `root` that `requestUrl` names, with its content type, or undefined for another
 * host, an unknown scheme, or a path that leaves `root` (`..`, encoded separators, NUL).
 */
export function resolveAppFile(root: string, requestUrl: string): { file: string; type: string } | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const base = resolve(root);
  const file = resolve(base, normalize(`.${path === '/' ? '/index.html' : path}`));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  return { file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
