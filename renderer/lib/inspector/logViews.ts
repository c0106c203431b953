/**
 * A stored log (an imported recorded log) as the run views read runs: the causation graph's
 * windows (./graphSource) and the timeline's (./timelineSource), from the workspace's events
 * table — events, commands and rejections with their ids, causation and correlation ids, streams
 * and times. Lanes are the log's busiest streams, ties in natural order (the rest share one lane); a record is a point
 * in time; past `maxBars` in view, each lane's record count per time slice is drawn instead.
 * With its inspection's violations (a domain's replay), the event that broke an invariant and
 * the command that caused it carry what they broke, as a run's do, and the timeline marks the
 * event's point with what it broke (the frame's marks, as a run's timeline marks its decisions).
 * Pure over a sql.js database; the logs worker holds one per log shown.
 */
import type { SqlValue } from 'sql.js';
import type { Workspace } from '../../../src/store/workspace';
import type { LogViolation } from '../../../src/logs/types';
import type { BrokenInvariant, CausalRecord, GraphWindow } from '../reader/graphSource';
import type { LaneActivity, TimelineFrame, TimelineWindow } from '../reader/timelineSource';
import type { TimeRange, TimelineBar, TimelineLane } from '../timeline/timelineModel';
import { MAX_MARKS, type TimelineMark } from '../timeline/timelineMarks';
import { selectRows as select } from '../../../src/store/selectRows';
import { naturalOrder } from '../../../src/engine/text/naturalOrder';
import { escapeControls as shown } from '../../../src/engine/text/controlChars';

/** Streams with a lane of their own; the others share one. */
export const STREAM_LANES = 40;

/** Kinds of rows the graph and the timeline show (the records that happened). */
const SHOWN = "('event', 'command', 'rejection', 'system', 'other', 'archived')";


const ROW = 'seq, id, type, kind, stream, at, causation_id, correlation_id, position, time, line';

interface Row {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly kind: string;
  readonly stream: string;
  readonly at: number;
  readonly causationId?: string;
  readonly correlationId?: string;
  readonly position?: string;
  readonly time?: string;
  readonly line: number;
}

const toRow = (r: SqlValue[]): Row => ({
  seq: Number(r[0]),
  id: String(r[1]),
  type: String(r[2]),
  kind: String(r[3]),
  stream: String(r[4]),
  at: Number(r[5]),
  ...(r[6] !== null ? { causationId: String(r[6]) } : {}),
  ...(r[7] !== null ? { correlationId: String(r[7]) } : {}),
  ...(r[8] !== null ? { position: String(r[8]) } : {}),
  ...(r[9] !== null ? { time: String(r[9]) } : {}),
  line: Number(r[10]),
});

/** Records asked for in one query (SQLite's bound parameters stay well under its limit). */
const CHUNK = 500;

/** The node id of a stored record: its own id (causation ids name it so), or `#<record>` when it has none. */
export const nodeIdOf = (row: { readonly id: string; readonly seq: number; readonly kind?: string }): string => (row.kind === 'rejection' ? `rejection:${row.id}` : row.id !== '' ? row.id : `#${row.seq}`);

/** What a record counted apart is, said on its node (it is drawn as an event, but is none of the log's events). */
const APART: Readonly<Record<string, string>> = { other: 'not an event', archived: 'archived', system: 'system event' };

function causalRecord(r: Row): CausalRecord {
  const place = [shown(r.stream), r.position !== undefined ? `@${shown(r.position)}` : '', r.time ?? ''].filter(Boolean).join(' ');
  const sub = [APART[r.kind], place].filter(Boolean).join(' · ');
  return {
    id: nodeIdOf(r),
    kind: r.kind === 'command' ? 'command' : r.kind === 'rejection' ? 'rejection' : 'event',
    // labels as shown: control and bidirectional characters escaped (ids stay as recorded: edges and lookups use them)
    type: shown(r.type),
    sub: sub || `record ${r.seq}`,
    time: r.at,
    outcome: r.kind === 'rejection' ? 'rejected' : r.kind === 'command' ? 'accepted' : 'event',
    ...(r.stream !== '' ? { stream: r.stream } : {}),
    ...(r.causationId !== undefined ? { causationId: r.causationId } : {}),
    ...(r.correlationId !== undefined ? { correlationId: r.correlationId } : {}),
    flow: shown(r.type),
  };
}

/**
 * The `max` streams of a log with the most records shown, busiest first and equally busy ones in
 * natural order (o-2 before o-10), and whether the log has other streams. One pass over SQLite's
 * count per stream, keeping the best `max` (SQLite's own ORDER BY knows only code-unit order).
 */
function busiestStreams(db: Workspace, logId: number, max: number): { own: string[]; others: boolean } {
  const kept: { stream: string; n: number }[] = [];
  const before = (a: { stream: string; n: number }, b: { stream: string; n: number }) => b.n - a.n || naturalOrder(a.stream, b.stream);
  let streams = 0;
  const stmt = db.prepare(`SELECT stream, count(*) FROM events WHERE log_id = ? AND kind IN ${SHOWN} GROUP BY stream`);
  try {
    stmt.bind([logId]);
    while (stmt.step()) {
      streams++;
      const [stream, n] = stmt.get();
      const row = { stream: String(stream), n: Number(n) };
      if (kept.length === max && before(row, kept[max - 1]) >= 0) continue;
      let at = kept.length;
      while (at > 0 && before(row, kept[at - 1]) < 0) at--;
      kept.splice(at, 0, row);
      if (kept.length > max) kept.pop();
    }
  } finally {
    stmt.free();
  }
  return { own: kept.map((r) => r.stream), others: streams > max };
}

/** The graph and timeline of one stored log. */
export class LogViews {
  private frame: TimelineFrame | undefined;
  private laneOf: Map<string, number> | undefined;
  /** The violations by the record whose enactment broke them. */
  private readonly brokeAt = new Map<number, LogViolation[]>();

  /** `violations`: the log's inspection's, each at the record that broke an invariant (none without a domain). */
  constructor(
    private readonly db: Workspace,
    readonly logId: number,
    violations: readonly LogViolation[] = [],
  ) {
    for (const v of violations) this.brokeAt.set(v.record, [...(this.brokeAt.get(v.record) ?? []), v]);
  }

  /** The extent of the log's time (first and last record's ms). */
  extent(): { start: number; end: number; total: number } {
    const [row] = select(this.db, `SELECT min(at), max(at), count(*) FROM events WHERE log_id = ? AND kind IN ${SHOWN}`, [this.logId]);
    const start = row?.[0] === null || row === undefined ? 0 : Number(row[0]);
    const end = row?.[1] === null || row === undefined ? start : Number(row[1]);
    return { start, end: end > start ? end : start + 1, total: Number(row?.[2] ?? 0) };
  }

  /** The records in `range` (all when undefined), at most `max`, earliest first; distinct records sharing an id (duplicates) appear once. */
  graphWindow(range: TimeRange | undefined, max: number): GraphWindow {
    const { start, end, total } = this.extent();
    const from = range?.from ?? start;
    const to = range?.to ?? end;
    const inRange = Number(select(this.db, `SELECT count(*) FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND at >= ? AND at <= ?`, [this.logId, from, to])[0][0]);
    const rows = select(this.db, `SELECT ${ROW} FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND at >= ? AND at <= ? ORDER BY at, seq LIMIT ?`, [this.logId, from, to, max]).map(toRow);
    const seen = new Set<string>();
    const records: CausalRecord[] = [];
    for (const r of rows) {
      const record = causalRecord(r);
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      records.push(record);
    }
    if (this.brokeAt.size > 0) this.markBroken(rows, records);
    const narrowed = inRange > rows.length && rows.length > 0 ? { from, to: rows[rows.length - 1].at } : { from, to };
    const missing = this.missingCauses(records, seen);
    return { range: narrowed, records, total, inRange, start, end, clock: 'epoch', ...(rows.length > records.length ? { repeated: rows.length - records.length } : {}), ...(missing.length > 0 ? { missing } : {}) };
  }

  /**
   * The causation ids of `records` that name no record of the log (neither by id nor, in a
   * Message DB log, by its `<stream>/<position>` address): the graph draws them as "not in this
   * log". Ids have no index: one read of the log's ids per 500 causes asked.
   */
  private missingCauses(records: readonly CausalRecord[], drawn: ReadonlySet<string>): string[] {
    const asked = [...new Set(records.map((r) => r.causationId).filter((c): c is string => c !== undefined && !drawn.has(c)))];
    const found = new Set<string>();
    for (let i = 0; i < asked.length; i += 500) {
      const part = asked.slice(i, i + 500);
      for (const [id] of select(this.db, `SELECT DISTINCT id FROM events WHERE log_id = ? AND id IN (${part.map(() => '?').join(', ')})`, [this.logId, ...part])) found.add(String(id));
    }
    return asked.filter((c) => {
      if (found.has(c)) return false;
      const address = /^(.+)\/(\d+)$/.exec(c);
      return !address || select(this.db, 'SELECT 1 FROM events WHERE log_id = ? AND stream = ? AND position = ? LIMIT 1', [this.logId, address[1], address[2]]).length === 0;
    });
  }

  /** Gives the records whose replay broke an invariant, and the commands that decided them, what they broke; in place. A cause that is an event did not break it, and is not marked. */
  private markBroken(rows: readonly Row[], records: CausalRecord[]): void {
    const broke = new Map<string, BrokenInvariant[]>();
    const decided = new Map<string, BrokenInvariant[]>();
    const add = (to: Map<string, BrokenInvariant[]>, id: string, more: readonly BrokenInvariant[]) => to.set(id, [...(to.get(id) ?? []), ...more]);
    for (const r of rows) {
      const violations = this.brokeAt.get(r.seq);
      if (!violations) continue;
      const event = nodeIdOf(r);
      const these = violations.map((v) => ({ invariant: v.invariant, stream: v.stream, message: v.message, event }));
      add(broke, event, these);
      if (r.causationId !== undefined && r.causationId !== event) add(decided, r.causationId, these);
    }
    records.forEach((record, i) => {
      const b = [...(broke.get(record.id) ?? []), ...(record.kind === 'command' ? (decided.get(record.id) ?? []) : [])];
      if (b.length > 0) records[i] = { ...record, broke: b };
    });
  }

  /** The stored record a graph node stands for (its first record with that id). */
  recordOfNode(id: string): number | undefined {
    if (id.startsWith('#')) return Number(id.slice(1));
    const rejection = id.startsWith('rejection:');
    const row = select(this.db, `SELECT seq FROM events WHERE log_id = ? AND id = ? AND kind ${rejection ? "= 'rejection'" : "!= 'rejection'"} ORDER BY seq LIMIT 1`, [this.logId, rejection ? id.slice(10) : id])[0];
    return row ? Number(row[0]) : undefined;
  }

  /** Lanes: the busiest streams (ties in natural order), then one lane for the others; the extent of time. */
  timelineFrame(): TimelineFrame {
    if (this.frame) return this.frame;
    const { own, others } = busiestStreams(this.db, this.logId, STREAM_LANES);
    const lanes: TimelineLane[] = own.map((s) => ({ label: s === '' ? '(no stream)' : shown(s), kind: 'stream' }));
    if (others) lanes.push({ label: 'other streams', kind: 'stream' });
    this.laneOf = new Map(own.map((s, i) => [s, i]));
    const { start, end } = this.extent();
    const view = this.eventsView(start, end);
    const marks = this.violationMarks();
    this.frame = { lanes, downtime: [], start, end, clock: 'epoch', ...(view ? { view } : {}), ...(marks.length > 0 ? { marks } : {}) };
    return this.frame;
  }

  /** The records whose replay broke an invariant, as the timeline draws them, with the invariants each broke (once each): the first MAX_MARKS, in order of time. */
  private violationMarks(): TimelineMark[] {
    const seqs = [...this.brokeAt.keys()].sort((a, b) => a - b).slice(0, MAX_MARKS);
    const marks: TimelineMark[] = [];
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const part = seqs.slice(i, i + CHUNK);
      const rows = select(this.db, `SELECT ${ROW} FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND seq IN (${part.map(() => '?').join(', ')})`, [this.logId, ...part]).map(toRow);
      for (const r of rows) marks.push({ bar: this.recordBar(r), invariants: [...new Set(this.brokeAt.get(r.seq)!.map((v) => v.invariant))] });
    }
    return marks.sort((a, b) => a.bar.end - b.bar.end || a.bar.lane - b.bar.lane);
  }

  /** A record as a point bar on its stream's lane. */
  private recordBar(r: Row): TimelineBar {
    return {
      key: `r${r.seq}`,
      lane: this.lane(r.stream),
      start: r.at,
      end: r.at,
      outcome: r.kind === 'rejection' ? 'rejected' : 'accepted',
      label: shown(`${r.type}${r.position !== undefined ? ` @${r.position}` : ''}`),
      node: nodeIdOf(r),
      target: { kind: 'event', seq: r.seq, id: r.id },
    };
  }

  /** The log's stream of each of records `seqs` (as the Streams list names streams; '' for a record of none): what a stream's marks add up (recordMarks' streamMarks). */
  recordStreams(seqs: readonly number[]): [number, string][] {
    const out: [number, string][] = [];
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const part = seqs.slice(i, i + CHUNK);
      for (const [seq, stream] of select(this.db, `SELECT seq, stream FROM events WHERE log_id = ? AND seq IN (${part.map(() => '?').join(', ')})`, [this.logId, ...part])) out.push([Number(seq), String(stream)]);
    }
    return out;
  }

  /**
   * The time of the log's records but its archived ones, when archived records lie outside it
   * (a Marten row archived weeks before the night's events would squeeze them into a sliver):
   * the timeline shows it first; zooming out or "show all" reaches the rest.
   */
  private eventsView(start: number, end: number): TimelineFrame['view'] {
    const [row] = select(this.db, `SELECT min(at), max(at), count(*) FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND kind != 'archived'`, [this.logId]);
    if (!row || row[0] === null || Number(row[2]) === 0) return undefined;
    const from = Number(row[0]);
    const to = Math.max(Number(row[1]), from + 1);
    if (from <= start && to >= end) return undefined;
    const [outside] = select(this.db, `SELECT count(*) FROM events WHERE log_id = ? AND kind = 'archived' AND (at < ? OR at > ?)`, [this.logId, from, to]);
    const n = Number(outside?.[0] ?? 0);
    return n === 0 ? undefined : { start: from, end: to, aside: `${n.toLocaleString('en-US')} archived ${n === 1 ? 'record' : 'records'} outside the events' time` };
  }

  private lane(stream: string): number {
    return this.laneOf!.get(stream) ?? this.frame!.lanes.length - 1;
  }

  /** The records in `range` as point bars, or per lane and slice how many there were (past `maxBars`). */
  timelineWindow(range: TimeRange, maxBars: number, buckets: number): TimelineWindow {
    const frame = this.timelineFrame();
    const total = Number(select(this.db, `SELECT count(*) FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND at >= ? AND at <= ?`, [this.logId, range.from, range.to])[0][0]);
    if (total <= maxBars) {
      const rows = select(this.db, `SELECT ${ROW} FROM events WHERE log_id = ? AND kind IN ${SHOWN} AND at >= ? AND at <= ? ORDER BY at, seq`, [this.logId, range.from, range.to]).map(toRow);
      return { range, bars: rows.map((r) => this.recordBar(r)), total };
    }
    const n = Math.max(1, Math.floor(buckets));
    const width = Math.max(1e-9, range.to - range.from) / n;
    const lanes = frame.lanes.length;
    const count = new Uint32Array(lanes * n);
    const bad = new Uint32Array(lanes * n);
    // grouped by lane, not by stream: a log of a million one-record streams makes 41 groups per slice, not a million
    const own = [...this.laneOf!.keys()];
    const laneStream = own.length > 0 ? `CASE WHEN stream IN (${own.map((_, i) => `?${i + 6}`).join(', ')}) THEN stream END` : 'NULL';
    const rows = select(
      this.db,
      `SELECT ${laneStream} AS lane, min(?3 - 1, CAST((at - ?1) / ?2 AS INTEGER)) AS b, count(*), sum(kind = 'rejection') FROM events WHERE log_id = ?4 AND kind IN ${SHOWN} AND at >= ?1 AND at <= ?5 GROUP BY lane, b`,
      [range.from, width, n, this.logId, range.to, ...own],
    );
    for (const [stream, b, c, r] of rows) {
      const k = (stream === null ? lanes - 1 : this.lane(String(stream))) * n + Number(b);
      count[k] += Number(c);
      bad[k] += Number(r);
    }
    let most = 1;
    for (let k = 0; k < count.length; k++) if (count[k] > most) most = count[k];
    // points have no duration: a slice is as busy as its share of the busiest slice
    const busy = new Float32Array(count.length);
    for (let k = 0; k < count.length; k++) busy[k] = count[k] / most;
    const activity: LaneActivity = { range, buckets: n, busy, count, bad };
    return { range, bars: [], total, activity };
  }
}
