import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { rendererBuild } from './vite.renderer.mjs';
// with their extensions, as Node loads modules itself (Vite's `configLoader: 'native'` warns on every start otherwise)
import { CROSS_ORIGIN_ISOLATION, isModuleWorkerPath, MODULE_WORKER_POLICY } from './src/main/security.ts';

type Next = () => void;
type Middleware = (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: Next) => void;

/**
 * The web build's response headers (dev and preview servers; a static host must send the same):
 * cross-origin isolation on every response (the module watchdog's SharedArrayBuffer), and the
 * module worker's own CSP on its script. The page's CSP is the meta tag in renderer/index.html.
 */
const securityHeaders: Middleware = (req, res, next) => {
  for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION)) res.setHeader(name, value);
  if (isModuleWorkerPath(req.url ?? '')) res.setHeader('Content-Security-Policy', MODULE_WORKER_POLICY);
  next();
};
const headersPlugin = {
  name: 'purestream-security-headers',
  configureServer(server: { middlewares: { use(m: Middleware): void } }): void {
    server.middlewares.use(securityHeaders);
  },
  configurePreviewServer(server: { middlewares: { use(m: Middleware): void } }): void {
    server.middlewares.use(securityHeaders);
  },
};

/** The renderer as a plain web page (no Electron runtime needed): `npm run web`, UI tests. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [headersPlugin, svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  publicDir: fileURLToPath(new URL('./renderer/public', import.meta.url)),
  build: { ...rendererBuild, outDir: fileURLToPath(new URL('./dist/web', import.meta.url)), emptyOutDir: true },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
});
