/**
 * electron-vite builds the desktop app (main, preload, renderer) from this tree. No Electron
 * runtime can start on this machine, so the test checks the build, never claims a run.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

describe('electron-vite build', () => {
  it('bundles main (ESM), a CommonJS preload for the sandbox, and the renderer with its CSP', () => {
    execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'error'], { stdio: 'pipe', timeout: 180_000 });
    const main = readFileSync('out/main/index.js', 'utf8');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(readFileSync('out/preload/index.cjs', 'utf8')).toContain('exposeInMainWorld');
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toContain("'wasm-unsafe-eval'");
    expect(html).not.toContain("'unsafe-eval'");
  }, 200_000);
});
