#!/usr/bin/env node
// Builds the package export `purestream/domain` ahead of time (npm's `prepare` runs it on install,
// after the command line): src/engine/module/published.ts bundled by esbuild into
// dist/domain/index.js (packages stay in node_modules), so a user's test runs under plain Node
// (`node counter.test.ts`, whose type stripping cannot load extensionless TypeScript imports), and
// its declarations emitted by TypeScript into dist/domain/types/ with every relative import
// naming its `.js` file, so they resolve under `"moduleResolution": "nodenext"` as under `bundler`.
// The app, the tests and the module loader keep importing the sources (tsconfig `paths`, vitest's
// alias, bundleModule's plugin).
import { build } from 'esbuild';
import ts from 'typescript';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The published module API (domain-modules.md): what `purestream/domain` is. */
const ENTRY = 'src/engine/module/published.ts';

/** Builds `out` (dist/domain by default): index.js, its source map, index.d.ts and the declarations it re-exports. */
export async function buildDomainExport(out = join(root, 'dist', 'domain')) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [{ in: ENTRY, out: 'index' }],
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const declarations = emitDeclarations(join(out, 'types'));
  for (const [file, text] of declarations) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, withJsSpecifiers(text, file, declarations));
  }
  writeFileSync(join(out, 'index.d.ts'), `export * from './types/${ENTRY.replace(/\.ts$/, '.js')}';\n`);
}

/** The declarations of the entry and of every file it reaches (path → text), compiled with the project's settings. */
function emitDeclarations(outDir) {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, outDir, rootDir: root, skipLibCheck: true };
  const program = ts.createProgram([join(root, ENTRY)], options);
  const files = new Map();
  const { diagnostics, emitSkipped } = program.emit(undefined, (file, text) => files.set(resolve(file), text));
  if (emitSkipped || diagnostics.length) fail(diagnostics);
  return files;
}

/** A declaration file whose relative imports name files as Node's ESM resolution wants them: `./testing.js`, `../kernel/index.js`. */
function withJsSpecifiers(text, file, declarations) {
  return text.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g, (_all, head, quote, specifier) => `${head}${quote}${jsSpecifier(specifier, file, declarations)}${quote}`);
}

function jsSpecifier(specifier, file, declarations) {
  const target = resolve(dirname(file), specifier.replace(/\.(ts|js)$/, ''));
  if (declarations.has(`${target}.d.ts`)) return `${specifier.replace(/\.(ts|js)$/, '')}.js`;
  if (declarations.has(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${file}: "${specifier}" names no declaration file the build emitted`);
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  throw new Error(`purestream/domain's declarations: ${ts.formatDiagnostics(diagnostics, host)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildDomainExport();
  console.log(`purestream: built purestream/domain in dist/domain (${Date.now() - started} ms)`);
}
