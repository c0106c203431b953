#!/usr/bin/env node
// The `purestream` CLI. It starts from the JavaScript built ahead of time in dist/cli (npm's
// `prepare` builds it on install; `npm run build:cli` again) when that build is there and no
// source changed since; otherwise it runs the TypeScript sources through tsx, so no build step
// is ever needed. The freshness check reads a small manifest and stats its inputs (a few ms).
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function freshBuild() {
  try {
    const manifest = JSON.parse(readFileSync(new URL('dist/cli/manifest.json', root), 'utf8'));
    for (const input of manifest.inputs) if (statSync(new URL(input, root)).mtimeMs > manifest.built) return false;
    return true;
  } catch {
    return false;
  }
}

if (process.env.PURESTREAM_FROM_SOURCE !== '1' && freshBuild()) await import(new URL('dist/cli/index.js', root).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/cli/index.ts', root).href);
}
