/**
 * A real run: what one consumer did when a broker enacted a run (`purestream/real-run@1`, JSON
 * Lines). The first line says which consumer of which run on which stream; then one line per
 * delivery (written before the delivery is acknowledged, so a consumer that stops and starts
 * again resumes from it — the events enacted are enacted again into a fresh interpreter),
 * per dead letter and per session. From the lines: the delivery counts and the consumer's
 * final state. Pure (the caller reads and appends the file).
 */
import type { AnyDomainModule } from '../../../domain/kernel';
import { createInterpreter } from '../../engine/consumers/registry';
import type { EngineServices, Interpreter } from '../../engine/consumers/interpreter';
import type { ConsumerConfig, LogEntry } from '../../engine/types';
import { withoutBom } from '../../engine/jsonText';

/** The format name of the first line. */
export const REAL_RUN_FORMAT = 'purestream/real-run@1';

/** The first line. */
export interface RealRunHeader {
  readonly format: typeof REAL_RUN_FORMAT;
  /** The stream's URL, password hidden. */
  readonly source: string;
  readonly stream: string;
  readonly consumer: ConsumerConfig;
  readonly domain: string;
  readonly seed: number;
  readonly scenario?: string;
  readonly run?: string;
  readonly ackWaitMs: number;
  readonly deadLetterSubject?: string;
}

/** What became of one delivery: `refused` — delivered again after its retries were spent, refused until the broker gives up. */
export type DeliveryOutcome = 'enacted' | 'failed' | 'ignored' | 'lost' | 'refused';

/** A line after the first. */
export type RealRunLine =
  | { readonly t: 'session'; readonly at: number; readonly started: string }
  | {
      readonly t: 'delivery';
      readonly at: number;
      /** The stream sequence, exact. */
      readonly seq: string;
      readonly event: string;
      /** The broker's delivery count (1: first delivery). */
      readonly delivery: number;
      readonly outcome: DeliveryOutcome;
      /** Enacted although it was enacted before (a consumer that is not idempotent). */
      readonly again?: boolean;
      /** NAKed after it was enacted, so the broker delivers it again (an injected repeat). */
      readonly repeat?: boolean;
      /** The event, when it was enacted (to rebuild the state). */
      readonly entry?: LogEntry;
    }
  | { readonly t: 'dead-letter'; readonly at: number; readonly seq: string; readonly event?: string; readonly deliveries: number; readonly parked: boolean }
  | { readonly t: 'skipped'; readonly at: number; readonly seq: string; readonly why: string }
  | { readonly t: 'stopped'; readonly at: number; readonly why: string };

/** One consumer's delivery counts, real or simulated, named as the run report's metrics where they mean the same. */
export interface DeliveryCounts {
  readonly deliveries: number;
  /** Deliveries made again (a retry, a repeat; on a broker also after a timeout or a restart): deliveries of a message delivered before (a real run: recorded before). */
  readonly redeliveries: number;
  /** Failed deliveries, the last one of an event given up (dead-lettered or lost) included (not those refused after the retries were spent). */
  readonly failures: number;
  /** Deliveries of an event already enacted (ignored, or enacted again). */
  readonly duplicates: number;
  readonly deadLettered: number;
  readonly lost: number;
  /** Distinct events enacted. */
  readonly enacted: number;
}

/** The counts of a real run: its deliveries, messages that were not the run's, and sessions (restarts). */
export interface RealRunCounts extends DeliveryCounts {
  readonly skipped: number;
  readonly sessions: number;
}

/** A real run's state as it is read and written. */
export class RealRun {
  readonly lines: RealRunLine[] = [];
  private readonly enactedIds = new Set<string>();
  private readonly failedTimes = new Map<string, number>();
  private readonly repeatedTimes = new Map<string, number>();
  private readonly deadSeqs = new Set<string>();
  /** Stream sequences delivered (recorded) at least once. */
  private readonly deliveredSeqs = new Set<string>();
  private readonly parkedLines: { readonly seq: string; readonly event?: string }[] = [];
  private counts = { deliveries: 0, redeliveries: 0, failures: 0, duplicates: 0, deadLettered: 0, lost: 0, skipped: 0, sessions: 0 };

  constructor(readonly header: RealRunHeader) {}

  /** Takes one line (read from the file, or just written). */
  add(line: RealRunLine): void {
    this.lines.push(line);
    const c = this.counts;
    switch (line.t) {
      case 'session':
        c.sessions++;
        return;
      case 'skipped':
        c.skipped++;
        return;
      case 'dead-letter':
        if (this.deadSeqs.has(line.seq)) return;
        this.deadSeqs.add(line.seq);
        if (line.parked) {
          c.deadLettered++;
          this.parkedLines.push({ seq: line.seq, ...(line.event !== undefined ? { event: line.event } : {}) });
        } else c.lost++;
        return;
      case 'delivery':
        c.deliveries++;
        // made again as recorded here: a message a stopped session fetched but never handled comes back
        // with the broker's delivery count past 1, and is still its first delivery to this consumer
        if (this.deliveredSeqs.has(line.seq)) c.redeliveries++;
        else this.deliveredSeqs.add(line.seq);
        if (line.outcome === 'failed') {
          c.failures++;
          this.failedTimes.set(line.event, (this.failedTimes.get(line.event) ?? 0) + 1);
        } else if (line.outcome === 'lost') {
          c.failures++;
          c.lost++;
        }
        else if (line.outcome === 'ignored' || line.again) c.duplicates++;
        if (line.outcome === 'enacted') this.enactedIds.add(line.event);
        if (line.repeat) this.repeatedTimes.set(line.event, (this.repeatedTimes.get(line.event) ?? 0) + 1);
        return;
      default:
    }
  }

  /** How many deliveries of an event failed so far. */
  failures(id: string): number {
    return this.failedTimes.get(id) ?? 0;
  }

  /** How many times an event was NAKed after it was enacted, to be delivered again. */
  repeats(id: string): number {
    return this.repeatedTimes.get(id) ?? 0;
  }

  /** Whether an event id was enacted before. */
  enacted(id: string): boolean {
    return this.enactedIds.has(id);
  }

  /** The messages the broker gave up on and that were parked on the dead-letter subject, in the order they were: stream sequence and event id (when it could be read). */
  deadLetters(): readonly { readonly seq: string; readonly event?: string }[] {
    return this.parkedLines;
  }

  /** Why the run ended before the stream was enacted, when its last session was stopped (`--stop-after`, Ctrl-C) and not resumed. */
  stoppedWhy(): string | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i];
      if (line.t === 'stopped') return line.why;
      if (line.t === 'session') return undefined;
    }
    return undefined;
  }

  /** The counts so far. */
  tally(): RealRunCounts {
    return { ...this.counts, enacted: this.enactedIds.size };
  }

  /** A fresh interpreter of the consumer with every enacted event enacted again in order: the consumer's state as the run left it. */
  rebuild(decider: AnyDomainModule, services: EngineServices = {}): Interpreter {
    const interpreter = createInterpreter({ ...this.header.consumer, idempotent: false }, { decider, consumer: this.header.consumer.name, idempotent: false, services });
    for (const line of this.lines) if (line.t === 'delivery' && line.outcome === 'enacted' && line.entry) interpreter.enact(line.entry, line.at);
    return interpreter;
  }
}

/** Reads a real run's lines; a message naming the line when one is not what it should be. */
export function parseRealRun(text: string, file: string): RealRun {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${file}: empty: not a ${REAL_RUN_FORMAT} file`);
  const parse = (l: string, n: number): Record<string, unknown> => {
    try {
      const v = JSON.parse(n === 0 ? withoutBom(l) : l);
      if (typeof v === 'object' && v !== null) return v as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new Error(`${file}:${n + 1}: not a JSON object`);
  };
  // a consumer that crashed while writing leaves its last line unfinished: that delivery was not acknowledged, so it is delivered again
  if (lines.length > 1 && !text.endsWith('\n')) lines.pop();
  const header = parse(lines[0], 0);
  if (header.format !== REAL_RUN_FORMAT) throw new Error(`${file}:1: not a ${REAL_RUN_FORMAT} file (format: ${JSON.stringify(header.format ?? null)})`);
  const run = new RealRun(header as unknown as RealRunHeader);
  lines.slice(1).forEach((l, i) => {
    const line = parse(l, i + 1);
    if (!['session', 'delivery', 'dead-letter', 'skipped', 'stopped'].includes(line.t as string)) throw new Error(`${file}:${i + 2}: unknown line kind ${JSON.stringify(line.t ?? null)}`);
    run.add(line as unknown as RealRunLine);
  });
  return run;
}
