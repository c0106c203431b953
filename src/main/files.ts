/**
 * The main process's file handlers as plain functions (no Electron here), so they are tested
 * under Node with bad paths, huge files and corrupt content. Writes are atomic.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { FileKind, FileResult, OpenedFile } from '../preload/api';

/** Largest file each kind may be (a scenario is small; logs and workspaces can be large). */
export const MAX_BYTES: Record<FileKind, number> = { scenario: 16 * 1024 * 1024, log: 1024 * 1024 * 1024, workspace: 1024 * 1024 * 1024 };

/** The 16 bytes every SQLite database file starts with. */
const SQLITE_HEADER = 'SQLite format 3\0';

const fail = (error: string): FileResult<never> => ({ ok: false, error });

/** Checks a path coming from the renderer: a non-empty absolute path without NUL bytes. */
export function checkPath(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'no file path was given';
  if (path.includes('\0')) return 'the file path contains a NUL byte';
  if (!isAbsolute(path)) return `${path}: the path must be absolute`;
  return undefined;
}

/** Reads a file the user chose: text for scenarios and logs, bytes for workspaces. */
export async function readUserFile(path: unknown, kind: FileKind): Promise<FileResult<OpenedFile>> {
  const bad = checkPath(path);
  if (bad) return fail(bad);
  const file = path as string;
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    return fail(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (!stat.isFile()) return fail(`${file}: not a regular file`);
  if (stat.size > MAX_BYTES[kind]) return fail(`${file}: too large for a ${kind} (${stat.size} bytes, at most ${MAX_BYTES[kind]})`);
  const bytes = await fs.readFile(file);
  if (kind === 'workspace') {
    // A first check before the bytes cross to the renderer; the store then checks the schema itself.
    if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return fail(`${file}: not a Purestream workspace (not an SQLite file)`);
    return { ok: true, value: { path: file, name: basename(file), bytes: new Uint8Array(bytes) } };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\0')) return fail(`${file}: not a text file`);
  return { ok: true, value: { path: file, name: basename(file), text } };
}

/** Writes a file atomically: a temp file beside it, renamed over the target only when complete. */
export async function writeFileAtomic(path: unknown, contents: unknown): Promise<FileResult<string>> {
  const bad = checkPath(path);
  if (bad) return fail(bad);
  if (typeof contents !== 'string' && !(contents instanceof Uint8Array)) return fail('nothing to save: the contents must be text or bytes');
  const file = path as string;
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, contents, { flag: 'wx' });
    await fs.rename(tmp, file);
    return { ok: true, value: file };
  } catch (e) {
    await fs.rm(tmp, { force: true });
    return fail(`${file}: ${(e as Error).message}`);
  }
}

/** The recent-files list after opening or saving `path`: newest first, unique, at most `max`. */
export const withRecent = (recent: readonly string[], path: string, max = 10): string[] => [path, ...recent.filter((p) => p !== path)].slice(0, max);

/** Parses a stored recent-files list; anything corrupt gives an empty list rather than an error. */
export function parseRecent(text: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && checkPath(p) === undefined).slice(0, 10) : [];
  } catch {
    return [];
  }
}
