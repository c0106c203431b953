/**
 * Reads a domain module for the app (domain-modules.md): the module file the user chose in the
 * main process's dialog and the files it imports by relative path, found by scanning its
 * `import`/`export … from` specifiers (the module worker bundles them; nothing is run here). The
 * files travel as text under virtual paths rooted at the module's folder (`/bank.ts`,
 * `/rules/fees.ts`); an import outside that folder, a missing file, or too many or too large
 * files is left to the bundler's message or reported here. Plain (no Electron), tested under Node.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isModuleFileName, NOT_A_MODULE } from '../engine/module/moduleFile';

/** At most this many files, and this many bytes in all, are read for one module. */
export const MAX_MODULE_FILES = 200;
export const MAX_MODULE_BYTES = 8 * 1024 * 1024;

/** A module's files by virtual path, and its entry. */
export interface CollectedModule {
  readonly entry: string;
  readonly files: Record<string, string>;
  /** The real paths read (to watch them). */
  readonly paths: readonly string[];
}

/** Reads a file's text, or undefined when there is none. */
export type ReadText = (path: string) => Promise<string | undefined>;

const nodeRead: ReadText = async (path) => {
  try {
    const stat = await fs.stat(path);
    return stat.isFile() ? await fs.readFile(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** Relative specifiers of a module's static and dynamic imports and re-exports. */
export function relativeImports(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/g)) found.add(m[2]);
  return [...found];
}

/** The file a relative import names (TypeScript's and Node's extension rules); undefined when none exists. */
async function resolveImport(from: string, specifier: string, read: ReadText): Promise<{ path: string; text: string } | undefined> {
  const base = resolve(dirname(from), specifier);
  const swapped = base.replace(/\.(m?)js$/, '.$1ts');
  for (const candidate of [base, swapped, ...['.ts', '.mts', '.js', '.mjs', '.json'].map((e) => base + e), ...['index.ts', 'index.js', 'index.mjs'].map((e) => join(base, e))]) {
    const text = await read(candidate);
    if (text !== undefined) return { path: candidate, text };
  }
  return undefined;
}

/** Reads the module at `entryPath` (absolute) and its relative imports; a string is the one reason it cannot be read. */
export async function collectModuleFiles(entryPath: string, read: ReadText = nodeRead): Promise<CollectedModule | string> {
  if (!isModuleFileName(entryPath)) return `${entryPath}: ${NOT_A_MODULE}`;
  const root = dirname(entryPath);
  const virtual = (path: string) => `/${relative(root, path).split(sep).join('/')}`;
  const entryText = await read(entryPath);
  if (entryText === undefined) return `${entryPath}: no such file`;
  const files: Record<string, string> = { [virtual(entryPath)]: entryText };
  const paths = [entryPath];
  let bytes = entryText.length;
  const queue = [entryPath];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const specifier of relativeImports(files[virtual(from)])) {
      const found = await resolveImport(from, specifier, read);
      // a missing file is reported by the bundler, at the import's line
      if (!found || Object.hasOwn(files, virtual(found.path))) continue;
      if (relative(root, found.path).startsWith('..')) return `${from}: imports ${specifier}, outside the module's folder ${root}: in the app a module and its imports live in one folder (or use the command line)`;
      bytes += found.text.length;
      if (paths.length + 1 > MAX_MODULE_FILES || bytes > MAX_MODULE_BYTES) return `${entryPath}: the module and its imports are too large for the app (at most ${MAX_MODULE_FILES} files and ${MAX_MODULE_BYTES / 1024 / 1024} MB)`;
      files[virtual(found.path)] = found.text;
      paths.push(found.path);
      if (!found.path.endsWith('.json')) queue.push(found.path);
    }
  }
  return { entry: virtual(entryPath), files, paths };
}
