/**
 * Writes an output file atomically: a temporary file in the same directory, written piece by
 * piece (a report of any size, never one string), then a rename. On failure, or when the
 * process is interrupted (./tempFiles), nothing is left behind; a failure is one line naming
 * the option and the file (never the temporary file, never the system's own error text).
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputFileError, type CliIO } from './io';
import { printable } from './printable';
import { trackTemp, untrackTemp } from './tempFiles';

/** Writes `text` (or its pieces, in order) to `file` (relative to the working directory), given as `option`; on failure nothing is left behind. */
export async function writeAtomically(file: string, text: string | Iterable<string> | AsyncIterable<string>, io: CliIO, option = '--out'): Promise<void> {
  const place = `${option} ${printable(file)}`;
  const target = resolve(io.cwd, file);
  // a folder (`.`, `out/`) is refused before anything is written beside it
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new InputFileError(`${place}: is a folder`);
  if (/[/\\]$/.test(file)) throw new InputFileError(`${place}: names a folder (it ends with "${file.at(-1)}"): give a file name`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  trackTemp(temp);
  try {
    const handle = await open(temp, 'wx');
    try {
      for await (const piece of typeof text === 'string' ? [text] : text) await handle.write(piece);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    // a file-system error is the place's fault (a missing folder, no permission); anything else is a bug
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new InputFileError(`${place}: ${writeFailure(code, file)}`);
  } finally {
    untrackTemp(temp);
  }
}

/** Why writing `file` failed, from the error's code: the place, in words (the system's text names the temporary file). */
function writeFailure(code: string, file: string): string {
  const folder = printable(dirname(file));
  switch (code) {
    case 'ENOENT':
      return `folder ${folder} does not exist`;
    case 'ENOTDIR':
      return `${folder} is not a folder`;
    case 'EISDIR':
      return 'is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot write the file: permission denied';
    case 'EROFS':
      return 'cannot write the file: the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'cannot write the file: no space left on the disk';
    case 'ENAMETOOLONG':
      return 'cannot write the file: the name is too long';
    default:
      return `cannot write the file (${code})`;
  }
}
