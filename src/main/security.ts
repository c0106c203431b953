/**
 * The window's security settings and checks, as plain functions (unit-tested under Node):
 * the window options, the Content-Security-Policy, which URL the app loads, trusted IPC
 * senders, navigation and redirects, and permission requests.
 */
// with the extension: vite.config.ts imports this file, and a Vite config's imports are loadable by Node itself
import { APP_URL } from './appProtocol.ts';

/** The CSP of every page: sql.js needs 'wasm-unsafe-eval'; 'unsafe-eval' is never allowed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The CSP of a domain module's worker (renderer/src/worker/module.worker.ts), where a user's
 * module is bundled and run: scripts only from the app itself and from `blob:` URLs (the module's
 * bundle is evaluated as an ES module from a blob the worker makes — no `eval`, no `new
 * Function`), WebAssembly compilation (esbuild-wasm and sql.js, both compiled from the app's own
 * files), and nothing else: no connections (fetch, XHR, WebSocket), no nested workers, no images,
 * fonts or frames. 'unsafe-eval' is never allowed.
 */
export const MODULE_WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "connect-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The module worker's script (built: `assets/module.worker-<hash>.js`; dev server: `module.worker.ts?worker_file`). */
export const isModuleWorkerPath = (path: string): boolean => /(^|\/)module\.worker[-.\w]*\.(js|ts)(\?|$)/.test(path);

/**
 * The page is cross-origin isolated so a module's calls can be watched through shared memory
 * (SharedArrayBuffer) by the one-second watchdog; every response carries these.
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The security headers of a response of the app by its URL path: the module worker's own CSP, else the page's, and isolation. */
export function securityHeaders(path: string): Record<string, string> {
  return { 'Content-Security-Policy': isModuleWorkerPath(path) ? MODULE_WORKER_POLICY : CONTENT_SECURITY_POLICY, ...CROSS_ORIGIN_ISOLATION };
}

/**
 * Development is electron-vite's dev server run (`npm run dev`) of an unpackaged app; `npm start`
 * (electron-vite preview) and a packaged app are not.
 */
export const isDevelopment = (isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean =>
  !isPackaged && env.NODE_ENV_ELECTRON_VITE === 'development';

/**
 * The URL the window loads: electron-vite's dev server (ELECTRON_RENDERER_URL) only in an
 * unpackaged app and only on this machine (http on a loopback host); otherwise the built
 * renderer over app://. A packaged app ignores the variable: it would become a trusted IPC origin.
 */
export function appUrlFor(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !dev) return APP_URL;
  try {
    const url = new URL(dev);
    const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
    return url.protocol === 'http:' && loopback && !url.username && !url.password ? url.href : APP_URL;
  } catch {
    return APP_URL;
  }
}

/** The options of the main window: isolated, sandboxed, no Node in the renderer; DevTools only in development. */
export function mainWindowOptions(preloadPath: string, { devTools }: { readonly devTools: boolean }) {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Purestream',
    backgroundColor: '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  } as const;
}

/** True when `url` is one of the app's own pages (the dev server origin or the packaged file). */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
  // Scheme and host (with port), not `origin`: a custom scheme's origin is "null" for any host.
  return target.protocol === app.protocol && target.host === app.host;
}

/** IPC is accepted only from the app's own window and page; everything else is ignored. */
export function isTrustedSender(sender: { readonly frameUrl: string | undefined; readonly webContentsId: number }, appWindowId: number | undefined, appUrl: string): boolean {
  return appWindowId !== undefined && sender.webContentsId === appWindowId && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl, appUrl);
}

/**
 * Navigation, a redirect or a frame's navigation away from the app's own pages is blocked
 * (will-navigate, will-redirect, will-frame-navigate on every webContents); new windows are always denied.
 */
export const shouldBlockNavigation = (url: string, appUrl: string): boolean => !isAppUrl(url, appUrl);

/**
 * The permissions the app's own page may have: writing text to the clipboard (copy buttons).
 * Everything else — camera, microphone, geolocation, notifications, MIDI, HID, USB, serial,
 * screen capture, reading the clipboard, opening external protocols — is denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether a permission request or check is granted: only a listed permission, only for the
 * app's own page (request and check handlers both use it; device requests are always denied).
 */
export function allowPermission(permission: string, requestingUrl: string | undefined, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, appUrl);
}

/** Device access (HID, USB, serial, Bluetooth) is never granted. */
export const allowDevice = (): boolean => false;

/** What an IPC handler sees of its caller. */
export interface IpcCaller {
  readonly senderFrame?: { readonly url: string } | null;
  readonly sender: { readonly id: number };
}

/**
 * Wraps an IPC handler so that calls from anything but the app's own window and page are
 * ignored (answered with undefined, the handler never runs).
 */
export function guardIpc<A extends unknown[], R>(
  handler: (...args: A) => R,
  appWindowId: () => number | undefined,
  appUrl: string,
): (event: IpcCaller, ...args: A) => R | undefined {
  return (event, ...args) =>
    isTrustedSender({ frameUrl: event.senderFrame?.url, webContentsId: event.sender.id }, appWindowId(), appUrl) ? handler(...args) : undefined;
}
