/**
 * Temporary files the CLI is writing (an output on its way to its name), so an interrupted
 * process leaves none behind: {@link removeTempsOnSignals} (installed by ./index.ts) removes
 * them on SIGINT/SIGTERM before the process ends.
 */
import { rmSync } from 'node:fs';

const open = new Set<string>();

/** Notes a temporary file being written. */
export const trackTemp = (path: string): void => void open.add(path);

/** The file was renamed or removed: nothing to clean up any more. */
export const untrackTemp = (path: string): void => void open.delete(path);

/** Removes every temporary file still open (synchronous: it runs as the process ends). */
export function removeTemps(): void {
  for (const path of open) rmSync(path, { force: true });
  open.clear();
}

/**
 * On SIGINT or SIGTERM: removes the temporary files and ends the process (exit 130 or 143, as a
 * shell reports them) — except while a command handles them itself, `handledElsewhere()` (a live
 * tail ends on Ctrl-C or SIGTERM with its report).
 */
export function removeTempsOnSignals(handledElsewhere: () => boolean = () => false): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (handledElsewhere()) return;
      removeTemps();
      process.exit(code);
    });
  }
}
