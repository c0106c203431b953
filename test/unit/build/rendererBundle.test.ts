/** The renderer bundle as users load it: no chunk over the limit, the favicon and app icon in place. */
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHUNK_LIMIT_KB } from '../../../vite.renderer.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'purestream-web-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the web build', () => {
  it(`has no JavaScript chunk over ${CHUNK_LIMIT_KB} kB, and ships the favicon and window icon`, async () => {
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const assets = join(outDir, 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => ({ f, kB: statSync(join(assets, f)).size / 1000 }));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.filter((c) => c.kB > CHUNK_LIMIT_KB)).toEqual([]);
    // the large libraries load as chunks of their own
    for (const library of ['svelte', 'xyflow', 'dagre', 'uplot']) expect(chunks.some((c) => c.f.startsWith(`${library}-`)), library).toBe(true);
    // no Node transport in the page or its workers: CloudEvents are read and written without the SDK's HTTP emitters
    for (const { f } of chunks) {
      const code = readFileSync(join(assets, f), 'utf8');
      expect(code, f).not.toMatch(/require\(["'](?:node:)?(?:https?|events)["']\)|from ?["'](?:node:)?(?:https?|events)["']/);
      expect(code, f).not.toContain('httpTransport');
    }

    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\.\/favicon\.svg"/);
    expect(readFileSync(join(outDir, 'favicon.svg'), 'utf8')).toContain('<svg');
    expect(existsSync(join(outDir, 'icon.png'))).toBe(true);
  }, 120_000);
});
