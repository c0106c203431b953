#!/usr/bin/env node
// Builds the command line ahead of time (npm's `prepare` runs it on install): the TypeScript of
// src/cli and what it imports, bundled by esbuild into dist/cli/ (ES modules split per command,
// so `--help` and `--version` load almost nothing; packages stay in node_modules). Worker
// scripts referenced by `new URL('./x.mjs', import.meta.url)` are copied beside the chunks. A
// manifest lists every input, so bin/purestream.mjs can tell a stale build and fall back to tsx.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');

/** Builds dist/cli; returns the number of inputs. */
export async function buildCli() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    // the CLI, the worker thread a domain module runs in (src/modules/moduleWorker.mjs starts it) and
    // the thread that frames a big log file (src/logs/node/framingThread.mjs)
    entryPoints: [
      { in: 'src/cli/index.ts', out: 'index' },
      { in: 'src/modules/moduleWorker.ts', out: 'moduleWorker' },
      { in: 'src/logs/node/framingThread.ts', out: 'framingThread' },
    ],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
  // worker scripts the sources load by URL, beside the chunks that load them
  const scripts = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.mjs')) scripts.push(path);
    }
  };
  walk(join(root, 'src'));
  for (const script of scripts) {
    const name = script.slice(script.lastIndexOf('/') + 1);
    copyFileSync(script, join(out, name));
    copyFileSync(script, join(out, 'chunks', name));
  }
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')), ...scripts.map((s) => relative(root, s)), 'package.json'];
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ built: Date.now(), inputs }, null, 1));
  return inputs.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const inputs = await buildCli();
  console.log(`purestream: built the command line in dist/cli (${inputs} inputs, ${Date.now() - started} ms)`);
}
