/**
 * Watches an opened domain module's files for the desktop app's Rule change (domain-modules.md,
 * "When the rules change"): one watcher per folder (editors save by writing a new file and
 * renaming it over the old one, which a watcher on the file itself would lose), events for the
 * module's files only, debounced so one save — often several writes — is one change. Plain: the
 * watch function and the timers are passed in (Node's `fs.watch` and `setTimeout` in the app),
 * so tests drive it without a file system or a clock.
 */
import { basename, dirname } from 'node:path';

/** How long after the last event of a burst the change is reported (ms). */
export const DEBOUNCE_MS = 200;

/** What the watcher needs: `watch(folder, listener(fileName))` returning a closer, and timers. */
export interface WatchIo {
  readonly watch: (folder: string, listener: (fileName: string | null) => void) => { close(): void };
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

/** Calls `onChange` once per burst of changes to any of `paths` (absolute); returns a function that stops watching. */
export function watchModuleFiles(paths: readonly string[], onChange: () => void, io: WatchIo, debounceMs = DEBOUNCE_MS): () => void {
  const byFolder = new Map<string, Set<string>>();
  for (const p of paths) {
    const folder = dirname(p);
    if (!byFolder.has(folder)) byFolder.set(folder, new Set());
    byFolder.get(folder)!.add(basename(p));
  }
  let timer: unknown;
  let closed = false;
  const fire = () => {
    timer = undefined;
    if (!closed) onChange();
  };
  const watchers = [...byFolder].flatMap(([folder, names]) => {
    try {
      return [
        io.watch(folder, (fileName) => {
          // some platforms do not say which file changed: count it as the module's
          if (closed || (fileName !== null && !names.has(fileName))) return;
          if (timer !== undefined) io.clearTimer(timer);
          timer = io.setTimer(fire, debounceMs);
        }),
      ];
    } catch {
      return [];
    }
  });
  return () => {
    closed = true;
    if (timer !== undefined) io.clearTimer(timer);
    for (const w of watchers) w.close();
  };
}
