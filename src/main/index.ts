/** Electron main: a thin shell. Window options, security checks and file handlers are plain functions. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Channel, type FileKind } from '../preload/api';
import { parseRecent, readUserFile, withRecent, writeFileAtomic } from './files';
import { APP_SCHEME, APP_URL, resolveAppFile } from './appProtocol';
import { applicationMenu } from './menu';
import { CONTENT_SECURITY_POLICY, guardIpc, mainWindowOptions, shouldBlockNavigation } from './security';

let window: BrowserWindow | undefined;
// The dev server in development; otherwise the built renderer over the app:// scheme (see appProtocol.ts).
const appUrl = process.env.ELECTRON_RENDERER_URL ?? APP_URL;
const rendererDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

/** Serves the renderer's files over app://, each with the CSP; anything outside the renderer folder is a 404. */
function serveRenderer() {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppFile(rendererDir, request.url);
    const body = found ? await fs.readFile(found.file).catch(() => undefined) : undefined;
    if (!found || !body) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(body), { headers: { 'content-type': found.type, 'content-security-policy': CONTENT_SECURITY_POLICY } });
  });
}
const recentPath = () => join(app.getPath('userData'), 'recent.json');
const filters: Record<FileKind, { name: string; extensions: string[] }[]> = {
  scenario: [{ name: 'Purestream scenario', extensions: ['json'] }],
  log: [{ name: 'Event log', extensions: ['jsonl', 'json', 'ndjson'] }],
  workspace: [{ name: 'Purestream workspace', extensions: ['purestream', 'sqlite'] }],
};

async function remember(path: string) {
  const recent = withRecent(parseRecent(await fs.readFile(recentPath(), 'utf8').catch(() => '[]')), path);
  await writeFileAtomic(recentPath(), JSON.stringify(recent));
}

/** Registers an IPC handler that ignores calls from anything but the app's own window. */
function handle(channel: string, fn: (...args: unknown[]) => unknown) {
  const guarded = guardIpc(fn, () => window?.webContents.id, appUrl);
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => guarded(event, ...args));
}

function createWindow() {
  window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window?.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (e, url) => shouldBlockNavigation(url, appUrl) && e.preventDefault());
  Menu.setApplicationMenu(applicationMenu((command) => window?.webContents.send(Channel.menuCommand, command)));
  void window.loadURL(appUrl);
}

app.whenReady().then(() => {
  serveRenderer();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  handle(Channel.openFile, async (kind) => {
    const k = (['scenario', 'log', 'workspace'].includes(kind as string) ? kind : 'scenario') as FileKind;
    const picked = await dialog.showOpenDialog(window!, { properties: ['openFile'], filters: filters[k] });
    if (picked.canceled || picked.filePaths.length === 0) return { ok: true, value: null };
    const result = await readUserFile(picked.filePaths[0], k);
    if (result.ok) await remember(result.value.path);
    return result;
  });
  handle(Channel.saveFile, async (kind, contents, path, suggestedName) => {
    let target = path as string | undefined;
    if (!target) {
      const picked = await dialog.showSaveDialog(window!, { defaultPath: typeof suggestedName === 'string' ? suggestedName : undefined, filters: filters[kind as FileKind] ?? [] });
      if (picked.canceled || !picked.filePath) return { ok: true, value: null };
      target = picked.filePath;
    }
    const result = await writeFileAtomic(target, contents);
    if (result.ok) await remember(result.value);
    return result;
  });
  handle(Channel.recentFiles, async () => parseRecent(await fs.readFile(recentPath(), 'utf8').catch(() => '[]')));
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
