/**
 * What the app's announcer says of a live read (the Logs view's LiveStatus), where its status line
 * changes at each batch: its start, its first catching up with a tail, the start of a wait at a
 * missing position, Stop pressed, a failure or a lost connection — and its count only at
 * milestones (1,000, 2,000, 5,000, 10,000 … records). A read kept ends with the log's headline
 * (InspectorView says it), a cancel with the import's (ImportStatus): not said here again. Pure:
 * it compares the facts with the last ones seen, never reads the clock.
 */

/** A live read's facts as the status line shows them (renderer/src/views/inspector/liveRead's LiveRead). */
export interface LiveFacts {
  readonly phase: 'idle' | 'connecting' | 'reading' | 'stopping' | 'done';
  /** The source read, password hidden. */
  readonly display: string;
  readonly until: 'head' | 'live';
  readonly records: number;
  readonly caughtUp: boolean;
  /** What the read waits for now (a store's missing position), in words. */
  readonly waiting?: string;
  readonly ended?: 'kept' | 'failed' | 'cancelled';
  /** Why the connection was lost, when it was. */
  readonly lost?: string;
}

/** The least count said as a milestone. */
const FIRST_MILESTONE = 1000;

/** The greatest milestone (1, 2 or 5 times a power of ten, from 1,000) `records` reached; 0 below the first. */
export function milestone(records: number): number {
  if (records < FIRST_MILESTONE) return 0;
  let ten = FIRST_MILESTONE;
  while (ten * 10 <= records) ten *= 10;
  return records >= 5 * ten ? 5 * ten : records >= 2 * ten ? 2 * ten : ten;
}

const count = (n: number): string => `${n.toLocaleString('en-US')} record${n === 1 ? '' : 's'}`;

/** The words a live read's changes are said in, one sentence at a time. */
export class LiveNews {
  private last: LiveFacts | undefined;
  /** The milestone said last in this read; whether this read's catching up was said. */
  private said = 0;
  private caughtUpSaid = false;

  /** Takes `facts` as the ones already known, saying nothing (a status shown again mid-read). */
  prime(facts: LiveFacts): void {
    this.last = facts;
    this.said = milestone(facts.records);
    this.caughtUpSaid = facts.caughtUp;
  }

  /** The sentence to say for the read's facts now (undefined: nothing worth saying since the last ones). */
  next(facts: LiveFacts): string | undefined {
    const before = this.last;
    this.last = facts;
    if (facts.phase !== before?.phase) return this.phaseChanged(facts, before);
    if (facts.phase !== 'reading') return undefined;
    if (facts.waiting !== undefined && before.waiting === undefined) return `The read is ${facts.waiting}.`;
    if (facts.caughtUp && !this.caughtUpSaid && facts.until === 'live') {
      this.caughtUpSaid = true;
      this.said = milestone(facts.records);
      // no count: a tail may say it is caught up after its first batch, before the rest of what the stream holds (the line on screen counts on)
      return 'Up to date: waiting for new records.';
    }
    const reached = milestone(facts.records);
    if (reached <= this.said) return undefined;
    this.said = reached;
    return `${count(reached)} read…`;
  }

  private phaseChanged(facts: LiveFacts, before: LiveFacts | undefined): string | undefined {
    switch (facts.phase) {
      case 'reading':
        this.said = 0;
        this.caughtUpSaid = false;
        return facts.until === 'live' ? `Tailing ${facts.display}: its records are read as they come.` : `Reading ${facts.display} up to its end…`;
      case 'stopping':
        return `Stopping the read of ${facts.display}: what was read is kept.`;
      case 'done':
        if (before?.phase !== 'reading' && before?.phase !== 'stopping') return undefined;
        if (facts.ended === 'failed') return `The read of ${facts.display} failed after ${count(facts.records)}: nothing of it was kept.`;
        if (facts.ended === 'kept' && facts.lost) return `The connection to ${facts.display} was lost after ${count(facts.records)}: ${facts.lost}. What was read is kept.`;
        return undefined;
      default:
        return undefined;
    }
  }
}
