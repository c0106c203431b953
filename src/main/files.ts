/**
 * The main process's file handlers as plain functions (no Electron here), so they are tested
 * under Node with bad paths, huge files and corrupt content. Paths come from the main process's
 * own dialogs and lists (fileGrants.ts), never from the renderer. Writes are atomic and durable.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { FileKind, FileResult } from '../preload/api';

/** A file's contents as read for the renderer (the token is added by the caller). */
export interface ReadFile {
  readonly path: string;
  readonly name: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

/** Largest file each kind may be (a scenario is small; logs and workspaces can be large). */
export const MAX_BYTES: Record<FileKind, number> = { domain: 8 * 1024 * 1024, scenario: 16 * 1024 * 1024, log: 1024 * 1024 * 1024, workspace: 1024 * 1024 * 1024 };

/** The 16 bytes every SQLite database file starts with. */
const SQLITE_HEADER = 'SQLite format 3\0';

const fail = (error: string): FileResult<never> => ({ ok: false, error });

/** Checks a path: a non-empty absolute path without NUL bytes. */
export function checkPath(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'no file path was given';
  if (path.includes('\0')) return 'the file path contains a NUL byte';
  if (!isAbsolute(path)) return `${path}: the path must be absolute`;
  return undefined;
}

/** Reads a file the user chose: text for scenarios and logs, bytes for workspaces. */
export async function readUserFile(path: unknown, kind: FileKind): Promise<FileResult<ReadFile>> {
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

/** The file operations an atomic write uses (Node's; a test wraps them to see their order). */
export interface WriteIo {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly rm: typeof fs.rm;
}

const nodeIo: WriteIo = { open: fs.open, rename: fs.rename, rm: fs.rm };

/**
 * Writes a file atomically and durably: a temp file beside it is written and fsynced, renamed
 * over the target, and the folder fsynced, so a crash leaves the old file or the new one, never
 * a torn or empty one.
 */
export async function writeFileAtomic(path: unknown, contents: unknown, io: WriteIo = nodeIo): Promise<FileResult<string>> {
  const bad = checkPath(path);
  if (bad) return fail(bad);
  if (typeof contents !== 'string' && !(contents instanceof Uint8Array)) return fail('nothing to save: the contents must be text or bytes');
  const file = path as string;
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await io.open(tmp, 'wx');
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(tmp, file);
  } catch (e) {
    await io.rm(tmp, { force: true });
    return fail(`${file}: ${(e as Error).message}`);
  }
  await syncFolder(dirname(file), io);
  return { ok: true, value: file };
}

/** Fsyncs a folder so a rename in it is on disk; where folders cannot be opened (Windows) the rename stands as is. */
async function syncFolder(dir: string, io: WriteIo): Promise<void> {
  try {
    const handle = await io.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported on this platform: the file itself is already synced
  }
}

/** An entry of the recent-files list as the main process stores it (paths stay in main). */
export interface RecentEntry {
  readonly path: string;
  readonly kind: FileKind;
}

/** The recent-files list after opening or saving a file: newest first, unique, at most `max`. */
export const withRecent = (recent: readonly RecentEntry[], entry: RecentEntry, max = 10): RecentEntry[] =>
  [entry, ...recent.filter((r) => r.path !== entry.path || r.kind !== entry.kind)].slice(0, max);

/** Parses a stored recent-files list; anything corrupt gives an empty list (or drops the entry) rather than an error. */
export function parseRecent(text: string | undefined): RecentEntry[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    if (!Array.isArray(value)) return [];
    return value
      .filter((r): r is RecentEntry => typeof r === 'object' && r !== null && checkPath((r as RecentEntry).path) === undefined && ['scenario', 'log', 'workspace'].includes((r as RecentEntry).kind))
      .map((r) => ({ path: r.path, kind: r.kind }))
      .slice(0, 10);
  } catch {
    return [];
  }
}
