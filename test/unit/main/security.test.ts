import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, guardIpc, isAppUrl, isTrustedSender, mainWindowOptions, shouldBlockNavigation } from '../../../src/main/security';

describe('main window security', () => {
  it('pins the window options: isolated, sandboxed, no Node integration, DevTools only when asked (development)', () => {
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences.devTools).toBe(true);
    const options = mainWindowOptions('/app/preload/index.cjs', { devTools: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });
  it("has a CSP that allows 'wasm-unsafe-eval' for sql.js but never 'unsafe-eval'", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
  it('uses the same CSP in the renderer page', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    expect(html).toContain('wasm-unsafe-eval');
    expect(html).not.toMatch(/'unsafe-eval'/);
  });
  it('recognises only the app own pages', () => {
    expect(isAppUrl('http://localhost:5173/#x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('file:///app/renderer/index.html', 'file:///app/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd', 'file:///app/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url', 'file:///app/renderer/index.html')).toBe(false);
  });
  it('blocks navigation away from the app', () => {
    expect(shouldBlockNavigation('https://example.com', 'file:///app/renderer/index.html')).toBe(true);
    expect(shouldBlockNavigation('file:///app/renderer/index.html', 'file:///app/renderer/index.html')).toBe(false);
  });
  it('ignores IPC from any other window or page', () => {
    const app = 'file:///app/renderer/index.html';
    expect(isTrustedSender({ frameUrl: app, webContentsId: 1 }, 1, app)).toBe(true);
    expect(isTrustedSender({ frameUrl: app, webContentsId: 2 }, 1, app)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', webContentsId: 1 }, 1, app)).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, webContentsId: 1 }, 1, app)).toBe(false);
    expect(isTrustedSender({ frameUrl: app, webContentsId: 1 }, undefined, app)).toBe(false);
  });
  it('runs a guarded IPC handler only for the app window; other callers get undefined', () => {
    const app = 'file:///app/renderer/index.html';
    let calls = 0;
    const handler = guardIpc((path: string) => {
      calls++;
      return `opened ${path}`;
    }, () => 7, app);
    expect(handler({ senderFrame: { url: app }, sender: { id: 7 } }, '/a.json')).toBe('opened /a.json');
    expect(handler({ senderFrame: { url: app }, sender: { id: 8 } }, '/a.json')).toBeUndefined();
    expect(handler({ senderFrame: { url: 'https://evil.example/' }, sender: { id: 7 } }, '/a.json')).toBeUndefined();
    expect(handler({ senderFrame: null, sender: { id: 7 } }, '/a.json')).toBeUndefined();
    expect(calls).toBe(1);
  });
});
