/** Writes an output file atomically: a temporary file in the same directory, then a rename. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputFileError, type CliIO } from './io';

/** Writes `text` to `file` (relative to the working directory); on failure nothing is left behind. */
export async function writeAtomically(file: string, text: string, io: CliIO): Promise<void> {
  const target = resolve(io.cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InputFileError(`${file}: cannot write the file: ${(e as Error).message}`);
  }
}
