/**
 * Streams that began before a read, replayed from their start (README, "Streams that began
 * before the read"): in a read that began after the store's start, with a domain, the first record
 * read of a stream past the stream's first revision has that stream's earlier events loaded from
 * the store (a reader that can query by stream: ../types' EarlierEvents) and replayed first — into
 * the state only, never counted among the events read — so its invariants are checked and its
 * commands decided on its whole history. A load that fails leaves that stream and the later ones
 * as before (replayed from an unknown state, said in the note of ../logs/streamStarts), and says why.
 * A read resumed from a checkpoint does not load a stream whose earlier events the states it
 * carries hold already (../logs/domainCheck's `carriesEarlier`).
 */
import type { LogInspector } from '../logs/logInspector';
import type { EarlierEventsLoaded } from '../logs/types';
import { reasonOf, SourceError, type EarlierEvents } from './types';

/** Loads and replays the earlier events of the streams a read meets past their start. */
export class EarlierReplay {
  private readonly seen = new Set<string>();
  private streams = 0;
  private events = 0;
  private failed: { readonly stream: string; readonly reason: string } | undefined;

  constructor(
    private readonly earlier: EarlierEvents,
    private readonly inspector: LogInspector,
    /** Rows per query. */
    private readonly page: number,
    /** The source as shown (its password hidden), for a failure that ends the read. */
    private readonly display: string,
  ) {}

  /** Before `record` is read: its stream's earlier events replayed when it is the stream's first record here and past its start (a promise then; undefined when there is nothing to load). */
  before(record: object): Promise<void> | undefined {
    const stream = this.earlier.streamOf(record);
    if (stream === undefined || this.seen.has(stream.key)) return undefined;
    this.seen.add(stream.key);
    if (!stream.pastFirst || this.failed !== undefined) return undefined;
    // a read resumed from a checkpoint that holds them already (the store is not asked for events it would not replay)
    if (this.inspector.carriesEarlier(record)) return undefined;
    return this.load(record, stream.name);
  }

  private async load(record: object, name: string): Promise<void> {
    let replayed = 0;
    let pages = 0;
    try {
      for await (const rows of this.earlier.before(record, this.page)) {
        pages++;
        for (const row of rows) if (this.inspector.earlier(row)) replayed++;
      }
    } catch (error) {
      // part of the stream replayed already: its state is neither whole nor unknown, so the read ends here as a lost connection does
      if (pages > 0) throw new SourceError(this.display, `read failed: loading the earlier events of stream ${JSON.stringify(name)}: ${reasonOf(error)}`, 'read');
      this.failed = { stream: name, reason: reasonOf(error) };
      return;
    }
    if (replayed > 0) {
      this.streams++;
      this.events += replayed;
    }
  }

  /** What was loaded, for the report (undefined when nothing was, nor failed). */
  get loaded(): EarlierEventsLoaded | undefined {
    if (this.streams === 0 && this.failed === undefined) return undefined;
    return { streams: this.streams, events: this.events, ...(this.failed ? { failed: `stream ${JSON.stringify(this.failed.stream)}: ${this.failed.reason}` } : {}) };
  }
}

/** The report's note on what was loaded (../logs/types' `earlierEvents`). */
export function earlierNote(loaded: EarlierEventsLoaded): string {
  const parts: string[] = [];
  if (loaded.streams > 0) {
    const n = loaded.streams === 1 ? "1 stream's" : `${loaded.streams} streams'`;
    parts.push(
      `${n} earlier events loaded from the store (${loaded.events === 1 ? '1 event' : `${loaded.events} events`}) and replayed before ${loaded.streams === 1 ? 'its' : 'their'} events read: ` +
        `${loaded.streams === 1 ? 'its' : 'their'} invariants are checked and commands decided on ${loaded.streams === 1 ? 'its' : 'their'} whole history; those events are not counted among the events read`,
    );
  }
  if (loaded.failed !== undefined) parts.push(`the earlier events of a stream could not be loaded from the store (${loaded.failed}): that stream and the later ones that began before the read are replayed without them`);
  return parts.join('; ');
}
