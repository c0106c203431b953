import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { rendererBuild } from './vite.renderer.mjs';

/** The renderer as a plain web page (no Electron runtime needed): `npm run web`, UI tests. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  publicDir: fileURLToPath(new URL('./renderer/public', import.meta.url)),
  build: { ...rendererBuild, outDir: fileURLToPath(new URL('./dist/web', import.meta.url)), emptyOutDir: true },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
});
