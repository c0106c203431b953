/**
 * Workspace files on disk (Node and Electron's main process only). Saving writes a temporary
 * file next to the target and renames it over the target only once it is completely written and
 * flushed, so a crash mid-save leaves the old file whole.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { openWorkspace, type Workspace } from './workspace';

/** Writes workspace bytes to `path` atomically (temp file, fsync, rename). */
export async function saveWorkspaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads and opens a workspace file (read-only access: the file is never changed by opening). */
export async function openWorkspaceFile(sqlJs: SqlJsStatic, path: string): Promise<Workspace> {
  return openWorkspace(sqlJs, new Uint8Array(await readFile(path)), path);
}
