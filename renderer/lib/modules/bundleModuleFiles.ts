/**
 * Bundles a domain module for the app (domain-modules.md, "Imports"): the module's file and its
 * relative imports, given as text (the app reads files, the worker never does), become one ES
 * module with a source map. `purestream/domain` is provided by the loader (a shim that reads the
 * worker's own copy of the published API from `globalThis`); any other bare import is refused
 * with a message naming the import and the file:line, and saying to use the command line. Takes
 * esbuild's `build` as a parameter: esbuild-wasm inside the module worker, native esbuild in tests.
 */
import type { BuildOptions, BuildResult, Message, OnLoadArgs, OnResolveArgs, Plugin } from 'esbuild-wasm';
import { isModuleFileName, NOT_A_MODULE } from '../../../src/engine/module/moduleFile';


/** Where the loader keeps the published API for the shim (`globalThis[PUBLISHED_KEY]`). */
export const PUBLISHED_KEY = '__purestreamDomain';

/** A module's files by path (`/bank.ts`, `/rules/fees.ts`: absolute in one virtual folder tree) and which is the entry. */
export interface ModuleFiles {
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
  /** The name of the file the user picked, when it is read as the entry of another name (`bank-v2.ts` picked to Reload `bank.ts`): the file that will run. */
  readonly pickedAs?: string;
}

/** A bundle: ES module text and its source map (JSON text, sources named by the files' paths). */
export interface AppBundle {
  readonly code: string;
  readonly map: string;
}

/** What the bundler needs of esbuild (its `build` with `write: false`). */
export type BuildFn = (options: BuildOptions & { write: false }) => Promise<BuildResult & { outputFiles: { path: string; text: string }[] }>;

/** Bundling failed: one line per problem, each naming the file (and line, when known). */
export class ModuleBundleError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ModuleBundleError';
  }
}

const NS = 'purestream-file';

/** The message for a bare import the app cannot provide (exported for tests). */
export const bareImportText = (specifier: string): string =>
  `cannot import "${specifier}": in the app a domain module may import only its own files (relative paths) and purestream/domain — run modules that use packages on the command line (purestream run <scenario.json>)`;

/** `/a/b/../c.ts` → `/a/c.ts`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
const extOf = (path: string): string => (/\.[^./]+$/.exec(path)?.[0] ?? '').toLowerCase();
/** How messages name a file: its path without the leading slash. */
export const shownPath = (path: string): string => path.replace(/^\//, '');

/** The file a relative import names, trying TypeScript's and Node's extensions; undefined when none is given. */
export function resolveRelative(files: Readonly<Record<string, string>>, importer: string, specifier: string): string | undefined {
  const base = normalizePath(`${dirOf(importer)}/${specifier}`);
  const swapped = base.replace(/\.(m?)js$/, '.$1ts');
  const candidates = [base, swapped, ...['.ts', '.mts', '.js', '.mjs', '.json'].map((e) => base + e), ...['/index.ts', '/index.js', '/index.mjs'].map((e) => base + e)];
  return candidates.find((c) => Object.hasOwn(files, c));
}

function virtualFiles(input: ModuleFiles, publishedNames: readonly string[]): Plugin {
  return {
    name: 'purestream-module-files',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args: OnResolveArgs) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: NS };
        if (args.path === 'purestream/domain') return { path: 'purestream/domain', namespace: 'purestream-published' };
        if (args.path.startsWith('.') || args.path.startsWith('/')) {
          const found = resolveRelative(input.files, args.importer, args.path);
          if (found) return { path: found, namespace: NS };
          return { errors: [{ text: `cannot resolve the import "${args.path}" (no such file was opened with the module: open its folder's files together, or use the command line)` }] };
        }
        return { errors: [{ text: bareImportText(args.path) }] };
      });
      b.onLoad({ filter: /.*/, namespace: NS }, (args: OnLoadArgs) => {
        const ext = extOf(args.path);
        return { contents: input.files[args.path], loader: ext === '.json' ? 'json' : ext === '.ts' || ext === '.mts' ? 'ts' : 'js', resolveDir: dirOf(args.path) };
      });
      b.onLoad({ filter: /.*/, namespace: 'purestream-published' }, () => ({
        contents: [`const d = globalThis[${JSON.stringify(PUBLISHED_KEY)}];`, ...publishedNames.map((n) => `export const ${n} = d.${n};`)].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/** Bundles `input` with `build`; `publishedNames`: what `purestream/domain` exports at run time. Throws ModuleBundleError. */
export async function bundleModuleFiles(build: BuildFn, input: ModuleFiles, publishedNames: readonly string[]): Promise<AppBundle> {
  if (!isModuleFileName(input.entry)) throw new ModuleBundleError([`${shownPath(input.entry)}: ${NOT_A_MODULE}`]);
  if (!Object.hasOwn(input.files, input.entry)) throw new ModuleBundleError([`${shownPath(input.entry)}: the file was not read`]);
  try {
    const result = await build({
      entryPoints: [input.entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      sourcemap: 'external',
      sourcesContent: false,
      keepNames: true,
      outfile: '/module.js',
      logLevel: 'silent',
      plugins: [virtualFiles(input, publishedNames)],
    });
    const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
    const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!.text;
    return { code, map };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors?.length) throw e;
    throw new ModuleBundleError(errors.map((m) => problemText(m, input.entry)));
  }
}

/** `bank.ts:3: cannot import "lodash" …` from an esbuild message. */
function problemText(m: Message, entry: string): string {
  const where = m.location ? `${shownPath(m.location.file.replace(/^[a-z-]+:/, ''))}:${m.location.line}` : shownPath(entry);
  return `${where}: ${m.text}`;
}
