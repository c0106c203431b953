/** The shell's hardening, each a plain function fed hostile input. */
import { describe, expect, it } from 'vitest';
import { FileGrants, fileKindOf } from '../../../src/main/fileGrants';
import { documentationLink, openDocumentationLink } from '../../../src/main/externalLinks';
import { allowDevice, allowPermission, appUrlFor, isDevelopment, shouldBlockNavigation } from '../../../src/main/security';
import { menuTemplate } from '../../../src/main/menu';
import { APP_URL } from '../../../src/main/appProtocol';
import { confirmLeave } from '../../../src/main/dialogs';

describe('file grants: a token, not a path, crosses IPC', () => {
  it('maps a token back only to the file chosen in the dialog, for its kind', () => {
    const grants = new FileGrants();
    const ref = grants.grant('/home/ana/flash.purestream', 'workspace', 'open-dialog');
    expect(ref.name).toBe('flash.purestream');
    expect(ref.token).not.toContain('/');
    expect(grants.pathOf(ref.token, 'workspace')).toBe('/home/ana/flash.purestream');
    expect(grants.grant('/home/ana/flash.purestream', 'workspace', 'recent').token).toBe(ref.token);
  });
  it.each([
    ['a path outside the dialog choice', '/home/ana/.bashrc'],
    ['the chosen path itself', '/home/ana/flash.purestream'],
    ['a traversal', '/home/ana/flash.purestream/../../../etc/passwd'],
    ['an unknown token', '00000000-0000-4000-8000-000000000000'],
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { token: 'x' }],
    ['undefined', undefined],
    ['a prototype key', '__proto__'],
  ])('refuses %s', (_label, token) => {
    const grants = new FileGrants();
    grants.grant('/home/ana/flash.purestream', 'workspace', 'open-dialog');
    expect(grants.pathOf(token, 'workspace')).toBeUndefined();
  });
  it('does not let a scenario token write a workspace, or another session use a token', () => {
    const grants = new FileGrants();
    const scenario = grants.grant('/home/ana/s.json', 'scenario', 'open-dialog');
    expect(grants.pathOf(scenario.token, 'workspace')).toBeUndefined();
    expect(grants.pathOf(scenario.token, 'log')).toBeUndefined();
    expect(new FileGrants().pathOf(scenario.token, 'scenario')).toBeUndefined();
  });
  it('knows only the three kinds of file', () => {
    expect(['scenario', 'log', 'workspace', 'exe', '', undefined, 7].map(fileKindOf)).toEqual(['scenario', 'log', 'workspace', undefined, undefined, undefined, undefined]);
  });
});

describe('permissions: denied by default', () => {
  const app = 'app://purestream/index.html';
  it.each(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'unknown'])(
    'refuses %s, even to the app page',
    (permission) => expect(allowPermission(permission, app, app)).toBe(false),
  );
  it('lets only the app page write to the clipboard', () => {
    expect(allowPermission('clipboard-sanitized-write', 'app://purestream/index.html#/runs', app)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/', app)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', 'app://other/index.html', app)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', undefined, app)).toBe(false);
  });
  it('never grants a device', () => expect(allowDevice()).toBe(false));
});

describe('navigation and redirect guards', () => {
  const app = APP_URL;
  it.each([
    'https://evil.example/',
    'http://purestream/index.html',
    'app://evil/index.html',
    'app://purestream.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'blob:app://purestream/0f2c',
    'about:blank',
    'chrome://settings',
    'not a url',
  ])('blocks a navigation, redirect or frame navigation to %s', (url) => expect(shouldBlockNavigation(url, app)).toBe(true));
  it("allows the app's own pages, with their view in the hash", () => {
    expect(shouldBlockNavigation('app://purestream/index.html#/runs', app)).toBe(false);
    expect(shouldBlockNavigation('app://purestream/', app)).toBe(false);
  });
  it('in development, only the dev server', () => {
    const dev = 'http://localhost:5173/';
    expect(shouldBlockNavigation('http://localhost:5173/#/graph', dev)).toBe(false);
    expect(shouldBlockNavigation('http://localhost:5174/', dev)).toBe(true);
    expect(shouldBlockNavigation('http://localhost.evil.example:5173/', dev)).toBe(true);
  });
});

describe('ELECTRON_RENDERER_URL and DevTools: development only', () => {
  it('a packaged app always loads its own files, whatever the environment says', () => {
    expect(appUrlFor(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(APP_URL);
    expect(appUrlFor(true, {})).toBe(APP_URL);
  });
  it('an unpackaged app takes the dev server, only on a loopback http address', () => {
    expect(appUrlFor(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe('http://localhost:5173/');
    expect(appUrlFor(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' })).toBe('http://127.0.0.1:5173/');
    for (const hostile of ['https://evil.example/', 'http://evil.example:5173/', 'http://user:pw@localhost:5173/', 'file:///tmp/x.html', 'javascript:1', 'garbage', 'http://127.0.0.1.evil.example/'])
      expect(appUrlFor(false, { ELECTRON_RENDERER_URL: hostile }), hostile).toBe(APP_URL);
    expect(appUrlFor(false, {})).toBe(APP_URL);
  });
  it('DevTools: only electron-vite dev of an unpackaged app; not npm start (preview), not a packaged app', () => {
    expect(isDevelopment(false, { NODE_ENV_ELECTRON_VITE: 'development' })).toBe(true);
    expect(isDevelopment(false, { NODE_ENV_ELECTRON_VITE: 'production' })).toBe(false);
    expect(isDevelopment(true, { NODE_ENV_ELECTRON_VITE: 'development' })).toBe(false);
    expect(isDevelopment(false, {})).toBe(false);
  });
  it('the menu offers DevTools only in development', () => {
    const roles = (devTools: boolean) => JSON.stringify(menuTemplate(() => undefined, { devTools }));
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});

describe('the menu: one Save', () => {
  it('Save and Save As are the workspace; the scenario is downloaded, named as such', () => {
    const sent: string[] = [];
    const file = menuTemplate((c) => sent.push(c), { devTools: false })[0].submenu as { label?: string; click?: () => void }[];
    const labels = file.map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(['New Workspace', 'Open Workspace…', 'Open Log…', 'Save', 'Save As…', 'Download Scenario…']);
    for (const item of file) item.click?.();
    expect(sent).toEqual(['new', 'open', 'open-log', 'save', 'save-as', 'download-scenario']);
  });
  it('asks before leaving with unsaved work, defaulting to stay', () => {
    const { options, yes } = confirmLeave();
    expect(options.buttons[yes]).toBe('Leave');
    expect(options.buttons[options.defaultId]).toBe('Stay');
    expect(options.cancelId).toBe(options.defaultId);
  });
});

describe('openExternal: only the project documentation, after a confirmation', () => {
  it('opens an allowlisted link once the user confirms, and not when they cancel', async () => {
    const opened: string[] = [];
    const asked: string[] = [];
    const effects = (answer: boolean) => ({ confirm: async (u: string) => (asked.push(u), answer), open: async (u: string) => void opened.push(u) });
    expect(await openDocumentationLink('https://github.com/purestream/purestream#readme', effects(true))).toBe(true);
    expect(await openDocumentationLink('https://github.com/purestream/purestream/blob/main/README.md', effects(false))).toBe(false);
    expect(asked).toEqual(['https://github.com/purestream/purestream#readme', 'https://github.com/purestream/purestream/blob/main/README.md']);
    expect(opened).toEqual(['https://github.com/purestream/purestream#readme']);
  });
  it.each([
    'https://evil.example/',
    'http://github.com/purestream/purestream',
    'https://github.com/purestream/purestream-evil',
    'https://github.com/other/repo',
    'https://github.com.evil.example/purestream/purestream',
    'https://evil.example/?https://github.com/purestream/purestream',
    'https://user@github.com/purestream/purestream',
    'https://github.com:8443/purestream/purestream',
    'https://github.com./purestream/purestream',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://share/x',
    'ms-msdt:/id',
    'https://github.com/purestream/../evil/repo',
    '',
    42,
    undefined,
  ])('refuses %j without asking', async (url) => {
    let asked = false;
    expect(documentationLink(url)).toBeUndefined();
    expect(await openDocumentationLink(url, { confirm: async () => ((asked = true), true), open: async () => expect.fail('opened') })).toBe(false);
    expect(asked).toBe(false);
  });
});
