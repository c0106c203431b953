#!/usr/bin/env node
// `npm run web`: builds the renderer and serves it as a plain web page (PORT overrides 4173).
import { spawnSync, spawn } from 'node:child_process';

export function serveWeb() {
  const port = process.env.PORT ?? '4173';
  const vite = 'node_modules/vite/bin/vite.js';
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`Purestream web UI: http://127.0.0.1:${port}`);
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'vite.config.ts', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) serveWeb();
