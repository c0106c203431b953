/** The mutable tallies of one run, from which the report's metrics are computed. */
import { Float64List } from './growable';

/** Counts and latency samples; everything the metrics need and nothing more. */
export class RunCounters {
  commands = 0;
  accepted = 0;
  rejected = 0;
  events = 0;
  deliveries = 0;
  failures = 0;
  retries = 0;
  deadLettered = 0;
  lost = 0;
  duplicates = 0;
  maxQueueDepth = 0;
  maxWorkers = 0;
  staleDecisions = 0;
  /** Virtual time of the last piece of work (arrival, decision end, attempt end): the makespan's end. */
  lastActivity = 0;
  readonly rejections = new Map<string, number>();
  readonly commandLatency = new Float64List();
  readonly enactLatency = new Float64List();

  /** Counts one rejected command by code. */
  reject(code: string): void {
    this.rejected++;
    this.rejections.set(code, (this.rejections.get(code) ?? 0) + 1);
  }
}
