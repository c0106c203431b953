/**
 * Bundles a domain module and its imports into one script with esbuild (TypeScript and
 * JavaScript, no build step for the user): relative imports and packages resolved from the
 * module's folder as Node resolves them, `purestream/domain` provided by Purestream (its own
 * `src/engine/module/published.ts`), Node built-ins refused (a module gets no file system or
 * network). Output: CommonJS for a `node:vm` context, with a source map for file:line in
 * messages. Runs in the module's worker thread.
 */
import { build, type Message, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isModuleFileName, NOT_A_MODULE } from '../engine/module/moduleFile';
import { PACKAGE_ROOT } from './packageRoot';

/** Purestream's published module API, which `purestream/domain` resolves to. */
export const PUBLISHED_ENTRY = join(PACKAGE_ROOT, 'src', 'engine', 'module', 'published.ts');

/** A bundled module: the script, its source map (JSON text), and where the bundle pretends to live. */
export interface Bundle {
  readonly code: string;
  readonly map: string;
  /** The folder the map's sources are relative to (the module's). */
  readonly dir: string;
  /**
   * `sha256:<hex>` of the files bundled (each one's path from the module's folder and its content),
   * Purestream's own `purestream/domain` left out: the module's rules as written, the same from any
   * folder and any version of Purestream (a checkpoint notices a changed module by it).
   */
  readonly sourceHash: string;
}

/** Bundling failed: one message per problem, each naming the file and line. */
export class BundleError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'BundleError';
  }
}

const providePurestream: Plugin = {
  name: 'purestream-domain',
  setup(b) {
    b.onResolve({ filter: /^purestream\/domain$/ }, () => ({ path: PUBLISHED_ENTRY }));
  },
};

/** Bundles the module at `file` (absolute); `shown(path)` names files in messages. Throws BundleError. */
export async function bundleModule(file: string, shown: (path: string) => string): Promise<Bundle> {
  if (!isModuleFileName(file)) throw new BundleError([`${shown(file)}: ${NOT_A_MODULE}`]);
  const kind = statSync(file, { throwIfNoEntry: false });
  if (!kind) throw new BundleError([`${shown(file)}: cannot read the file: no such file`]);
  if (!kind.isFile()) throw new BundleError([`${shown(file)}: cannot read the file: it is a folder`]);
  const dir = dirname(file);
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      conditions: ['import', 'default'],
      resolveExtensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
      sourcemap: 'external',
      sourcesContent: false,
      keepNames: true,
      absWorkingDir: dir,
      outfile: join(dir, '__purestream_module.js'),
      logLevel: 'silent',
      plugins: [providePurestream],
      metafile: true,
    });
    const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
    const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!.text;
    return { code, map, dir, sourceHash: sourceHash(dir, resolve(file), result.metafile.inputs) };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors?.length) throw e;
    throw new BundleError(errors.map((m) => problemText(m, dir, shown)));
  }
}

/**
 * The hash of the bundled files but Purestream's own (see Bundle's `sourceHash`): those the entry
 * reaches without going through `purestream/domain`; `inputs` (esbuild's metafile) are relative to `dir`.
 */
function sourceHash(dir: string, entry: string, inputs: Readonly<Record<string, { readonly imports: readonly { readonly path: string }[] }>>): string {
  const published = resolve(PUBLISHED_ENTRY);
  const reached = new Set<string>();
  const visit = (input: string) => {
    if (reached.has(input) || !(input in inputs) || resolve(dir, input) === published) return;
    reached.add(input);
    for (const i of inputs[input].imports) visit(i.path);
  };
  // esbuild names a symlinked entry by its target's path
  const real = realpathOr(entry);
  const start = Object.keys(inputs).find((input) => resolve(dir, input) === entry) ?? Object.keys(inputs).find((input) => realpathOr(resolve(dir, input)) === real);
  if (start === undefined) throw new Error(`the bundle of ${entry} does not list the module itself among its inputs`);
  visit(start);
  const hash = createHash('sha256');
  for (const input of [...reached].sort()) {
    hash.update(`${input.replace(/\\/g, '/')}\0`);
    hash.update(readFileSync(resolve(dir, input)));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** `bank.ts:3: cannot resolve the import "lodash" …` from an esbuild message. */
function problemText(m: Message, dir: string, shown: (path: string) => string): string {
  const where = m.location ? `${shown(join(dir, m.location.file))}:${m.location.line}` : shown(dir);
  const unresolved = /^Could not resolve "(.+)"/.exec(m.text);
  if (unresolved) {
    const name = unresolved[1];
    const builtin = name.startsWith('node:') || /^(fs|path|os|child_process|http|https|net|crypto|url|util|stream|events|worker_threads)(\/|$)/.test(name);
    return `${where}: cannot resolve the import "${name}"${
      builtin ? ' (a domain module gets no Node built-ins: it is pure)' : name.startsWith('.') ? ' (no such file next to it)' : ' (install the package beside the module, or import a relative file)'
    }`;
  }
  return `${where}: ${m.text}`;
}

/**
 * How messages show a path, as the user typed the module's (`typed`, relative to `cwd` or
 * absolute): the module itself by the path typed; its other files absolute when that was, else
 * relative to the working directory (`--domain /tmp/m/seats.ts` run from elsewhere never reads
 * `../../../tmp/m/seats.ts`).
 */
export function shownAsTyped(typed: string, cwd: string): (path: string) => string {
  const file = resolve(cwd, typed);
  const real = realpathOr(file);
  return (path) => (path === file || path === real ? typed : isAbsolute(typed) ? path : relative(cwd, path) || path);
}

/** The path with its links resolved (as a bundler may report it), or the path itself when it cannot be. */
function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
