/** Finding a log entry by seq in a trace. */
import type { LogEntry, Trace } from '../types';

/**
 * The trace's log entry with `seq`. A run's log holds seq n at index n-1, so this is O(1);
 * a log that does not (a summary or a filtered copy) is searched.
 */
export function logEntryAt(trace: Pick<Trace, 'log'>, seq: number): LogEntry | undefined {
  const direct = trace.log[seq - 1];
  return direct?.seq === seq ? direct : trace.log.find((e) => e.seq === seq);
}
