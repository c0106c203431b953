/**
 * How many records the log on screen stores, for the Logs summary's record count (its Records
 * tab lists them all): while a live source is read, its progress says so at each tick; a finished
 * log's is asked of the logs worker once per log (and once more when a live read of it ends, the
 * last batch stored). Pure.
 */
import type { LogSource } from '../workspace/logsProtocol';

/** The count asked of the logs worker for a log: `total` once the answer came. */
export interface AskedCount {
  readonly source: LogSource;
  readonly total?: number;
}

/** The log on screen: where it is stored, and while it is read live, how many records are stored so far. */
export interface ShownLog {
  readonly source: LogSource;
  readonly live?: { readonly stored: number };
}

const sameLog = (a: LogSource, b: LogSource): boolean => a.db === b.db && a.logId === b.logId;

/**
 * The stored count to show (undefined while not known), and the log to ask it of, when it has to
 * be asked: never while a live read's progress says it, nor while an ask of this log is answered
 * or on its way.
 */
export function storedCount(shown: ShownLog | undefined, asked: AskedCount | undefined): { readonly total?: number; readonly ask?: LogSource } {
  if (!shown) return {};
  if (shown.live) return { total: shown.live.stored };
  if (asked && sameLog(asked.source, shown.source)) return asked.total === undefined ? {} : { total: asked.total };
  return { ask: shown.source };
}
