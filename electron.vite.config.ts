import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { BUNDLER_CHECKS, rendererBuild } from './vite.renderer.mjs';

/** electron-vite: main and preload from src/, the renderer rooted at renderer/ (bundled as for the web). */
export default defineConfig({
  main: { build: { rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') }, checks: BUNDLER_CHECKS } } },
  preload: { build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, checks: BUNDLER_CHECKS, output: { format: 'cjs', entryFileNames: '[name].cjs' } } } },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
    worker: { format: 'es' },
    build: { ...rendererBuild, minify: true, rolldownOptions: { ...rendererBuild.rolldownOptions, input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
