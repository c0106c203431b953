/**
 * One stored record of an imported log in full: its text as the file has it, the common
 * fields its profile read, its payload, and — when the log was inspected with a domain — the
 * aggregate of its stream before and after it. The aggregates come from replaying that one
 * stream's records up to this one through the same inspection (profile, map, domain), so a
 * row shows what the replay saw without keeping a history of the whole log. Pure over a
 * sql.js database.
 */
import type { SqlValue } from 'sql.js';
import type { AnyDomainModule } from '../../../domain/kernel';
import { LogInspector } from '../../../src/logs/logInspector';
import type { LogMap, ProfileName } from '../../../src/logs/profiles';
import { parseStored } from '../../../src/store/eventPages';
import type { RecordText } from '../../../src/store/logs';
import type { Workspace } from '../../../src/store/workspace';
import type { NodeDetail } from '../reader/graphSource';

/** How the log was read, to read its records again. */
export interface RecordReading {
  readonly profile: ProfileName;
  readonly map?: LogMap;
  readonly domain?: AnyDomainModule;
  /** The log begins after its source's start (StoredReading.partial). */
  readonly partial?: boolean;
}

/** A record of a stored log, for the details panel. */
export interface RecordDetail {
  readonly seq: number;
  readonly line: number;
  readonly kind: string;
  /** The record's text as the file has it (absent for a log stored before records were kept). */
  readonly raw?: string;
  /** Label → value: what the profile read (id, type, stream, positions, time, causation…). */
  readonly facts: readonly (readonly [string, string])[];
  readonly data: unknown;
  /** The metadata its profile read (Marten `headers`, KurrentDB `metadata`, Kafka headers…), absent when it has none (or was stored before metadata was kept). */
  readonly metadata?: unknown;
  /**
   * True when the record has metadata — its text read again as the log was read gives some — but
   * none was stored: a log stored before metadata was kept (workspace migration 4 → 5), until it
   * is inspected again.
   */
  readonly metadataNotStored?: true;
  /**
   * With a domain: the aggregate of the record's stream before (undefined: a new stream) and after
   * it; `replayed` false when the replay passed it by (a duplicate id, data its schema refuses): after is before.
   */
  readonly change?: { readonly stream: string; readonly before: unknown; readonly after: unknown; readonly replayed: boolean };
}

const LABELS: readonly (readonly [string, string])[] = [
  ['id', 'id'],
  ['type', 'type'],
  ['stream', 'stream'],
  ['position', 'position'],
  ['global_position', 'global position'],
  ['source', 'source'],
  ['time', 'time'],
  ['causation_id', 'causation'],
  ['correlation_id', 'correlation'],
  ['domain_stream', 'domain stream'],
];

function one(db: Workspace, sql: string, params: SqlValue[]): Record<string, SqlValue> | undefined {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    return stmt.step() ? stmt.getAsObject() : undefined;
  } finally {
    stmt.free();
  }
}

/** The record `seq` of log `logId` (undefined: no such record); with a domain in `reading`, its stream before and after it. */
export function recordDetail(db: Workspace, logId: number, seq: number, reading: RecordReading | undefined): RecordDetail | undefined {
  const row = one(db, 'SELECT * FROM events WHERE log_id = ? AND seq = ?', [logId, seq]);
  if (!row) return undefined;
  const facts: [string, string][] = [
    ['record', String(seq)],
    ['line', String(row.line ?? '')],
  ];
  for (const [column, label] of LABELS) if (row[column] !== null && row[column] !== '' && row[column] !== undefined) facts.push([label, String(row[column])]);
  const data = parseStored(row.data);
  const kind = String(row.kind ?? 'event');
  const stream = reading?.domain ? streamUpTo(db, logId, seq) : undefined;
  const change = stream && reading ? streamChange(stream, seq, reading) : undefined;
  const metadata = row.metadata === null || row.metadata === undefined ? undefined : parseStored(row.metadata);
  const notStored = metadata === undefined && row.raw !== null && row.raw !== undefined && reading !== undefined && hasMetadata(String(row.raw), Number(row.line ?? 0), reading);
  return {
    seq,
    line: Number(row.line ?? 0),
    kind,
    ...(row.raw !== null && row.raw !== undefined ? { raw: String(row.raw) } : {}),
    facts,
    data,
    ...(metadata !== undefined ? { metadata } : {}),
    ...(notStored ? { metadataNotStored: true as const } : {}),
    ...(change ? { change } : {}),
  };
}

/** Whether a record's text, read under the log's profile and map, carries metadata (as the import stores it: an event-like record's, not null). */
function hasMetadata(raw: string, line: number, reading: RecordReading): boolean {
  let found = false;
  const inspector = new LogInspector({
    profile: reading.profile,
    map: reading.map,
    skipInvalid: true,
    onRecord: (r) => {
      const read = r.read;
      found = read !== undefined && read.kind !== 'header' && read.kind !== 'command' && read.kind !== 'rejection' && read.metadata !== undefined && read.metadata !== null;
    },
  });
  inspector.record(raw, line);
  return found;
}

/** A record's stream (the domain's, else the log's) and that stream's event records up to it. */
export interface StreamRecords {
  readonly stream: string;
  readonly records: readonly RecordText[];
}

/** Record `seq`'s stream and its event records up to it, as the file had them; undefined when it is no event or has no stream. */
export function streamUpTo(db: Workspace, logId: number, seq: number): StreamRecords | undefined {
  const row = one(db, 'SELECT kind, stream, domain_stream FROM events WHERE log_id = ? AND seq = ?', [logId, seq]);
  if (!row || String(row.kind ?? 'event') !== 'event') return undefined;
  const stream = row.domain_stream !== null && row.domain_stream !== undefined ? String(row.domain_stream) : String(row.stream);
  if (stream === '') return undefined;
  const records: RecordText[] = [];
  const stmt = db.prepare("SELECT raw, line, seq FROM events WHERE log_id = ? AND (domain_stream = ?2 OR (domain_stream IS NULL AND stream = ?2)) AND seq <= ? AND kind = 'event' AND raw IS NOT NULL ORDER BY seq");
  try {
    stmt.bind([logId, stream, seq]);
    while (stmt.step()) {
      const [raw, line, s] = stmt.get();
      records.push({ raw: String(raw), line: Number(line), seq: Number(s) });
    }
  } finally {
    stmt.free();
  }
  return { stream, records };
}

/**
 * The stream's aggregate before and after record `seq`: its records up to it replayed alone,
 * through the same inspection (profile, map, domain). Where the domain runs: in the logs worker
 * for a bundled domain, in its own worker for a domain module.
 */
export function streamChange({ stream, records }: StreamRecords, seq: number, reading: RecordReading): RecordDetail['change'] {
  if (!reading.domain) return undefined;
  const inspector = new LogInspector({ domain: reading.domain, profile: reading.profile, map: reading.map, skipInvalid: true, history: true, ...(reading.partial ? { partial: true } : {}) });
  let count = 0;
  let mine = -1;
  for (const r of records) {
    count++;
    if (r.seq === seq) mine = count;
    inspector.record(r.raw, r.line);
  }
  const result = inspector.finish('stream');
  if (!result.ok || !result.history) return undefined;
  const steps = result.history.filter((h) => h.stream === stream);
  const last = steps[steps.length - 1];
  // the record may not have been replayed (a duplicate): then it changed nothing
  const applied = last !== undefined && last.eventSeq === mine;
  const before = applied ? steps[steps.length - 2]?.after : last?.after;
  return { stream, before, after: applied ? last.after : before, replayed: applied };
}

/** A record's details as a causation-graph node's. */
export function nodeDetailOf(detail: RecordDetail): NodeDetail {
  return {
    facts: detail.facts,
    payload: detail.data,
    changes: detail.change ? [{ stream: detail.change.stream, step: detail.seq, before: detail.change.before, after: detail.change.after }] : [],
  };
}
