/**
 * Waiting at a missing position of a store whose positions come from a sequence read in commit
 * order by nothing else (Marten `seq_id` without a high-water mark, Message DB `global_position`):
 * the commit-order trap of sources.md. A row numbered after the missing one may commit first, so
 * a read that finds a gap cannot tell a number still being written from one never to be written.
 *
 * The rule: when a gap is seen, the transactions then in progress are remembered — those with a
 * transaction id by the read's snapshot `xmax` (every id below it that was not finished is in its
 * `xip`), those without one (no write yet: a number taken with `nextval` gives none) by their
 * virtual transaction id in `pg_locks`. The read waits while any transaction below that `xmax` is
 * still in progress (`pg_snapshot_xmin(pg_current_snapshot())` below it), and while one of those
 * without an id has taken one since (it wrote) and is still open; one still without an id a poll
 * later is not waited for (it has written nothing for a poll after its number was passed — the
 * one case this cannot see). Once all have ended and the position is still missing, nothing can
 * write it any more (rolled back, or the number was taken and not used): it is passed, and said
 * once ({@link SkippedPositions}). Every other gap below the highest position the snapshot saw is
 * final then too (a transaction that could fill one was in progress when the snapshot was taken), so
 * a read of a backlog waits once, not at each gap; those, and a gap seen while no other
 * transaction is open (passed at once), are not said: gaps in store-wide positions are normal
 * (logs.md).
 *
 * The check runs before the snapshot of the round that reads past the gap, never inside it: a
 * transaction that ends between the two is then seen by that round.
 */
import type { SkippedPositions } from '../../logs/types';
import type { PgQuery } from './pgSession';

type Row = Record<string, unknown>;

/** A missing position waited for: from `at` through `through`, and the transactions that may fill it. */
interface PendingGap {
  readonly at: bigint;
  readonly through: bigint;
  /** The highest position the snapshot that saw it held: every missing position below it is settled with it. */
  readonly visibleMax: bigint;
  /** The read's snapshot `xmax` when it was seen: every transaction id below it that was in progress then may fill it. */
  readonly xmax: bigint;
  /** Virtual transaction ids without a transaction id when it was seen (not yet looked at again). */
  idle: string[];
  /** Of those, the ones that took a transaction id since: waited for until they end. */
  writers: Set<string>;
  /** When it was first seen (ms, the reader's clock). */
  readonly since: number;
}

/** Transactions in progress other than this session's, without a transaction id (their own `virtualxid` lock, no `transactionid` lock). */
const IDLE_TRANSACTIONS = `SELECT v.virtualtransaction AS vxid FROM pg_locks v
  WHERE v.locktype = 'virtualxid' AND v.mode = 'ExclusiveLock' AND v.granted AND v.pid IS DISTINCT FROM pg_backend_pid()
    AND NOT EXISTS (SELECT 1 FROM pg_locks x WHERE x.locktype = 'transactionid' AND x.mode = 'ExclusiveLock' AND x.virtualtransaction = v.virtualtransaction)`;

/** Of the virtual transaction ids `$1`, those still open, and whether each has a transaction id now. */
const STILL_OPEN = `SELECT v.virtualtransaction AS vxid,
    EXISTS (SELECT 1 FROM pg_locks x WHERE x.locktype = 'transactionid' AND x.mode = 'ExclusiveLock' AND x.virtualtransaction = v.virtualtransaction) AS writes
  FROM pg_locks v WHERE v.locktype = 'virtualxid' AND v.mode = 'ExclusiveLock' AND v.granted AND v.virtualtransaction = ANY($1::text[])`;

const range = (first: bigint, last: bigint): string => (first === last ? `position ${first}` : `positions ${first}..${last}`);

/** The gaps of one read: which positions are final, which one is waited for, which were passed. */
export class GapWatch {
  private pending: PendingGap | undefined;
  /** Missing positions below this are final (nothing can write them any more). */
  private finalBelow: bigint;
  /** The gaps waited for and found final, not yet read past: said when the read passes them. */
  private waited: { at: bigint; through: bigint }[] = [];

  constructor(
    /** The last position read before this read (`--from`), or undefined from the start. */
    after: string | undefined,
    /** The query of the highest position in the read's snapshot (one row, `max` as text). */
    private readonly maxSql: string,
    private readonly now: () => number = Date.now,
  ) {
    this.finalBelow = after === undefined ? 0n : BigInt(after) + 1n;
  }

  /** Whether a gap is waited for (the reader then checks it with {@link settle} before each round). */
  get blocked(): boolean {
    return this.pending !== undefined;
  }

  /** What the read waits for, for progress (`waiting for position 1169: …`), once it has waited `noticeMs`; undefined when nothing. */
  waiting(noticeMs: number): string | undefined {
    const gap = this.pending;
    if (!gap) return undefined;
    const waited = this.now() - gap.since;
    if (waited < noticeMs) return undefined;
    return `waiting for ${range(gap.at, gap.through)}: a transaction that may write it is still open (since ${Math.floor(waited / 1000)} s)`;
  }

  /**
   * Whether the gap waited for can still be filled; when not, its positions become final. Runs
   * outside the read's transactions (autocommit), before the snapshot of the round that follows.
   */
  async settle(q: PgQuery): Promise<void> {
    const gap = this.pending;
    if (!gap) return;
    const xmin = BigInt((await q('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin'))[0].xmin as string);
    const looked = gap.idle.length > 0 || gap.writers.size > 0 ? await q(STILL_OPEN, [[...gap.idle, ...gap.writers]]) : [];
    const open = new Map(looked.map((r) => [r.vxid as string, r.writes === true]));
    // a transaction without an id when the gap was seen: waited for only if it has written since (one look)
    for (const vxid of gap.idle) if (open.get(vxid) === true) gap.writers.add(vxid);
    gap.idle = [];
    for (const vxid of gap.writers) if (!open.has(vxid)) gap.writers.delete(vxid);
    if (xmin < gap.xmax || gap.writers.size > 0) return;
    this.finalBelow = gap.visibleMax > this.finalBelow ? gap.visibleMax : this.finalBelow;
    this.waited.push({ at: gap.at, through: gap.through });
    this.pending = undefined;
  }

  /**
   * The rows (in position order, after `after`) up to the first missing position a transaction may
   * still fill, read in the round's transaction; and the waited-for positions these rows pass. From
   * the start (`after` undefined) the first position expected is 1, where sequences start.
   */
  async untilGap(q: PgQuery, rows: Row[], after: string | undefined, positionOf: (row: Row) => string): Promise<{ kept: Row[]; passed: SkippedPositions[] }> {
    let expected = after === undefined ? 1n : BigInt(after) + 1n;
    const passed: SkippedPositions[] = [];
    for (let i = 0; i < rows.length; i++) {
      const position = BigInt(positionOf(rows[i]));
      if (position > expected) {
        if (position - 1n >= this.finalBelow && (await this.mayFill(q, expected, position - 1n))) return { kept: rows.slice(0, i), passed };
        passed.push(...this.pass(expected, position - 1n));
      }
      expected = position + 1n;
    }
    this.forget(expected);
    return { kept: rows, passed };
  }

  /** Whether a transaction in progress now may fill `at`..`through` (the gap is then waited for). */
  private async mayFill(q: PgQuery, at: bigint, through: bigint): Promise<boolean> {
    // the same gap again (its transactions not all ended): still waited for; a gap cannot widen, only be filled
    if (this.pending?.at === at) return true;
    const snapshot = (await q('SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() s'))[0];
    const xmin = BigInt(snapshot.xmin as string);
    const xmax = BigInt(snapshot.xmax as string);
    const idle = await this.idle(q);
    if (xmin === xmax && idle.length === 0) return false;
    const visibleMax = BigInt(((await q(this.maxSql))[0].max as string | null) ?? String(through + 1n));
    this.pending = { at, through, visibleMax, xmax, idle, writers: new Set(), since: this.now() };
    return true;
  }

  private async idle(q: PgQuery): Promise<string[]> {
    return (await q(IDLE_TRANSACTIONS)).map((r) => r.vxid as string);
  }

  /** The waited-for positions among `first`..`last`, which the read now passes: said once each. */
  private pass(first: bigint, last: bigint): SkippedPositions[] {
    const out: SkippedPositions[] = [];
    for (const w of this.waited) {
      const a = w.at > first ? w.at : first;
      const b = w.through < last ? w.through : last;
      if (a > b) continue;
      const one = a === b;
      out.push({ first: String(a), last: String(b), message: `${range(a, b)} ${one ? 'was' : 'were'} never written: the transactions that could write ${one ? 'it' : 'them'} ended without (rolled back, or the number was taken and not used)` });
    }
    this.forget(last + 1n);
    return out;
  }

  /** Drops what lies wholly before `next` (read past: filled or passed). */
  private forget(next: bigint): void {
    this.waited = this.waited.filter((w) => w.through >= next);
    if (this.pending && this.pending.at < next) this.pending = undefined;
  }
}
