/** Finding a log entry by seq in a trace. */
import type { LogEntry, Trace } from '../types';

/**
 * The trace's log entry with `seq`. A run's log holds seq n at index n-1, so this is O(1);
 * a log that does not (a summary or a filtered copy) is searched.
 */
export function logEntryAt(trace: Pick<Trace, 'log'>, seq: number): LogEntry | undefined {
  const log = trace.log;
  const direct = log[seq - 1];
  if (direct?.seq === seq) return direct;
  // the log is in seq order (appended so): search it
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid].seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return log[lo]?.seq === seq ? log[lo] : undefined;
}
