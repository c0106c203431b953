/**
 * The window's security settings and checks, as plain functions (unit-tested under Node):
 * the window options, the Content-Security-Policy, trusted IPC senders and navigation.
 */

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

/** The options of the main window: isolated, sandboxed, no Node in the renderer. */
export function mainWindowOptions(preloadPath: string) {
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

/** Navigation away from the app is blocked; new windows are always denied. */
export const shouldBlockNavigation = (url: string, appUrl: string): boolean => !isAppUrl(url, appUrl);

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
