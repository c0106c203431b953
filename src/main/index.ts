/** Electron main: a thin shell. Window options, security checks, file grants and handlers are plain functions. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { promises as fs, watch } from 'node:fs';
import { join } from 'node:path';
import { Channel, type FileKind, type FileResult, type OpenedDomain, type OpenedFile, type RecentFile } from '../preload/api';
import { collectModuleFiles } from './moduleFiles';
import { MODULE_EXTENSIONS } from '../engine/module/moduleFile';
import { watchModuleFiles } from './moduleWatch';
import { parseRecent, readUserFile, withRecent, writeFileAtomic, type RecentEntry } from './files';
import { FileGrants, fileKindOf, type GrantSource } from './fileGrants';
import { APP_SCHEME, resolveAppFile } from './appProtocol';
import { menuTemplate } from './menu';
import { openDocumentationLink } from './externalLinks';
import { confirmExternalLink, confirmLeave, type Confirmation } from './dialogs';
import { allowDevice, allowPermission, appUrlFor, guardIpc, securityHeaders, isDevelopment, mainWindowOptions, shouldBlockNavigation } from './security';
import { ConnectionList } from './connections';
import { SourceSessions } from './sourceSessions';
import { openSourceReader } from '../sources/node/openSourceReader';

let window: BrowserWindow | undefined;
const appUrl = appUrlFor(app.isPackaged, process.env);
const devTools = isDevelopment(app.isPackaged, process.env);
const rendererDir = join(__dirname, '../renderer');
const grants = new FileGrants();
const headerLists = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [v]]));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

/** Serves the renderer's files over app://, each with the CSP; anything outside the renderer folder is a 404. */
function serveRenderer() {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppFile(rendererDir, request.url);
    const body = found ? await fs.readFile(found.file).catch(() => undefined) : undefined;
    if (!found || !body) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(body), { headers: { 'content-type': found.type, ...securityHeaders(new URL(request.url).pathname) } });
  });
}

// The recent-files list lives in the app's own data folder, written only by main.
const recentPath = () => join(app.getPath('userData'), 'recent.json');
const readRecent = async (): Promise<RecentEntry[]> => parseRecent(await fs.readFile(recentPath(), 'utf8').catch(() => '[]'));
async function remember(entry: RecentEntry) {
  await writeFileAtomic(recentPath(), JSON.stringify(withRecent(await readRecent(), entry)));
}

const filters: Record<FileKind, { name: string; extensions: string[] }[]> = {
  scenario: [{ name: 'Purestream scenario', extensions: ['json'] }],
  log: [{ name: 'Event log', extensions: ['jsonl', 'json', 'ndjson'] }],
  workspace: [{ name: 'Purestream workspace', extensions: ['purestream', 'sqlite'] }],
  domain: [{ name: 'Domain module', extensions: MODULE_EXTENSIONS.map((e) => e.slice(1)) }],
};

/** Opened domain modules' watchers by token: a saved change tells the renderer, which reloads the module. */
const domainWatchers = new Map<string, () => void>();

/** Reads a granted domain module and its relative imports, and (re)starts watching them. */
async function readDomain(path: string): Promise<FileResult<OpenedDomain>> {
  const collected = await collectModuleFiles(path);
  if (typeof collected === 'string') return { ok: false, error: collected };
  const { token, name } = grants.grant(path, 'domain', 'open-dialog');
  domainWatchers.get(token)?.();
  domainWatchers.set(
    token,
    watchModuleFiles(collected.paths, () => window?.webContents.send(Channel.domainChanged, token), {
      watch: (folder, listener) => watch(folder, (_event, fileName) => listener(fileName === null ? null : String(fileName))),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as NodeJS.Timeout),
    }),
  );
  return { ok: true, value: { token, name, files: { entry: collected.entry, files: collected.files } } };
}

/** Reads a file the user chose and hands the renderer its contents and a token (never the path). */
async function readGranted(path: string, kind: FileKind, source: GrantSource): Promise<FileResult<OpenedFile>> {
  const result = await readUserFile(path, kind);
  if (!result.ok) return result;
  await remember({ path, kind });
  const { token, name } = grants.grant(path, kind, source);
  return { ok: true, value: { token, name, text: result.value.text, bytes: result.value.bytes } };
}

async function ask(confirmation: Confirmation): Promise<boolean> {
  const answer = window ? await dialog.showMessageBox(window, confirmation.options) : await dialog.showMessageBox(confirmation.options);
  return answer.response === confirmation.yes;
}

/** Registers an IPC handler that ignores calls from anything but the app's own window and page. */
function handle(channel: string, fn: (...args: unknown[]) => unknown) {
  const guarded = guardIpc(fn, () => window?.webContents.id, appUrl);
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => guarded(event, ...args));
}

/** Registers a one-way IPC listener with the same guard as `handle`. */
function listen(channel: string, fn: (...args: unknown[]) => void) {
  const guarded = guardIpc(fn, () => window?.webContents.id, appUrl);
  ipcMain.on(channel, (event: IpcMainEvent, ...args: unknown[]) => guarded(event, ...args));
}

// Live sources (Connect…): read here, batches sent to the window; saved connections' passwords in the OS's secure storage.
let connections: ConnectionList | undefined;
const connectionsPath = () => join(app.getPath('userData'), 'connections.json');
async function savedConnections(): Promise<ConnectionList> {
  connections ??= new ConnectionList(safeStorage, (text) => writeFileAtomic(connectionsPath(), text), await fs.readFile(connectionsPath(), 'utf8').catch(() => '[]'));
  return connections;
}
const sessions = new SourceSessions({
  open: (source, options) => openSourceReader(source, options),
  sendBatch: (id, batch) => window?.webContents.send(Channel.sourceBatch, id, batch),
  sendEnd: (id, end) => window?.webContents.send(Channel.sourceEnd, id, end),
  savedUrl: (id) => connections?.url(id) ?? { error: 'that connection is no longer saved' },
  remember: (url) => connections?.remember(url) ?? { secretKept: false },
});

function registerSourceHandlers() {
  handle(Channel.sourceRecent, async () => (await savedConnections()).recent());
  handle(Channel.sourceForget, async (id) => (await savedConnections()).forget(id));
  handle(Channel.sourceOpen, async (request) => {
    await savedConnections();
    return sessions.open(request);
  });
  handle(Channel.sourceStop, (id) => sessions.stop(id));
  handle(Channel.sourceEarlier, (id, record, more) => sessions.earlier(id, record, more));
  listen(Channel.sourceStart, (id) => sessions.start(id));
  listen(Channel.sourceAck, (id) => sessions.ack(id));
}

function registerHandlers() {
  registerSourceHandlers();
  handle(Channel.openFile, async (kind) => {
    const k = fileKindOf(kind);
    if (!k || !window) return { ok: false, error: 'unknown kind of file' };
    const picked = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: filters[k] });
    if (picked.canceled || picked.filePaths.length === 0) return { ok: true, value: null };
    return readGranted(picked.filePaths[0], k, 'open-dialog');
  });
  handle(Channel.saveFile, async (kind, contents, token, suggestedName) => {
    const k = fileKindOf(kind);
    if (!k || !window) return { ok: false, error: 'unknown kind of file' };
    // A token names a file this kind was opened from or saved to; anything else shows the Save dialog.
    let target = grants.pathOf(token, k);
    if (!target) {
      const defaultPath = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/]/g, '-').slice(0, 200) : undefined;
      const picked = await dialog.showSaveDialog(window, { defaultPath, filters: filters[k] });
      if (picked.canceled || !picked.filePath) return { ok: true, value: null };
      target = picked.filePath;
    }
    const result = await writeFileAtomic(target, contents);
    if (!result.ok) return result;
    await remember({ path: target, kind: k });
    return { ok: true, value: grants.grant(target, k, 'save-dialog') };
  });
  handle(Channel.recentFiles, async (): Promise<RecentFile[]> => (await readRecent()).map((r) => ({ ...grants.grant(r.path, r.kind, 'recent'), kind: r.kind })));
  handle(Channel.openRecent, async (token) => {
    const entry = (await readRecent()).find((r) => grants.pathOf(token, r.kind) === r.path);
    if (!entry) return { ok: false, error: 'that file is no longer in the recent-files list' };
    return readGranted(entry.path, entry.kind, 'recent');
  });
  handle(Channel.openDomain, async () => {
    if (!window) return { ok: false, error: 'no window' };
    const picked = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: filters.domain });
    if (picked.canceled || picked.filePaths.length === 0) return { ok: true, value: null };
    return readDomain(picked.filePaths[0]);
  });
  handle(Channel.readDomain, async (token) => {
    const path = grants.pathOf(token, 'domain');
    return path ? readDomain(path) : { ok: false, error: 'that domain module was not opened in this session: open it again' };
  });
  handle(Channel.openExternal, (url) => openDocumentationLink(url, { confirm: (link) => ask(confirmExternalLink(link)), open: (link) => shell.openExternal(link) }));
}

/** Every webContents (the window, and any frame or view that may appear): no navigation, redirect or window away from the app. */
function guardContents(contents: WebContents) {
  const block = (event: { preventDefault(): void; url: string }) => shouldBlockNavigation(event.url, appUrl) && event.preventDefault();
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-frame-navigate', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openDocumentationLink(url, { confirm: (link) => ask(confirmExternalLink(link)), open: (link) => shell.openExternal(link) });
    return { action: 'deny' };
  });
  // The page's beforeunload asks to stay when there is unsaved work; Electron shows no prompt of its own.
  contents.on('will-prevent-unload', (event) => {
    if (window && dialog.showMessageBoxSync(window, confirmLeave().options) === confirmLeave().yes) event.preventDefault();
  });
}

function createWindow() {
  window = new BrowserWindow({ ...mainWindowOptions(join(__dirname, '../preload/index.cjs'), { devTools }), icon: join(rendererDir, 'icon.png') });
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => void sessions.stopAll());
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((command) => window?.webContents.send(Channel.menuCommand, command), { devTools })));
  void window.loadURL(appUrl);
}

app.on('web-contents-created', (_e, contents) => guardContents(contents));

app.whenReady().then(() => {
  serveRenderer();
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...details.responseHeaders, ...headerLists(securityHeaders(new URL(details.url).pathname)) } }));
  ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl ?? contents?.getURL(), appUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin, appUrl));
  ses.setDevicePermissionHandler(() => allowDevice());
  registerHandlers();
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
