/**
 * Writes an output file atomically: a temporary file in the same directory, written piece by
 * piece (a report of any size, never one string), then a rename. On failure, or when the
 * process is interrupted (./tempFiles), nothing is left behind.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputFileError, type CliIO } from './io';
import { printable } from './printable';
import { trackTemp, untrackTemp } from './tempFiles';

/** Writes `text` (or its pieces, in order) to `file` (relative to the working directory); on failure nothing is left behind. */
export async function writeAtomically(file: string, text: string | Iterable<string> | AsyncIterable<string>, io: CliIO): Promise<void> {
  const target = resolve(io.cwd, file);
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
    if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
    throw new InputFileError(`${printable(file)}: cannot write the file: ${(e as Error).message}`);
  } finally {
    untrackTemp(temp);
  }
}
