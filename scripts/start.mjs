#!/usr/bin/env node
// `npm start`: the Electron app; where no Electron runtime can start, says so and serves the web UI.
import { spawn } from 'node:child_process';
import { findElectron } from './electronRuntime.mjs';
import { serveWeb } from './web.mjs';

const electron = findElectron();
if (electron.ok) {
  const child = spawn(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'preview'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`No Electron runtime can start here: ${electron.reason}. Serving the web UI instead.`);
  serveWeb();
}
