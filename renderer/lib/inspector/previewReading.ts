/**
 * The live preview of the mapping dialog: the first records of a log read with the reading
 * being edited (profile, map, domain) — what each common field comes out as, or why a record
 * cannot be read — so a user sees the effect of a pointer before inspecting the whole log. Pure.
 */
import { formatUtc } from '../../../src/logs/json/logTime';
import { LogInspector } from '../../../src/logs/logInspector';
import type { LogReading } from './importRecords';

/** One previewed record. */
export interface PreviewRow {
  readonly record: number;
  readonly line: number;
  /** The common fields read (`type`, `stream`, `position`, `time`…), as text; empty when unread. */
  readonly fields: Readonly<Record<string, string>>;
  /** Why it could not be read, or what the domain says of it. */
  readonly problem?: string;
  /** The record as the file has it (cut at 300 characters), so its field names can be read off for a map. */
  readonly raw?: string;
}

/** A preview: the profile chosen, the pointers used, the first records. */
export interface Preview {
  readonly profile: string;
  readonly fieldsUsed: Readonly<Record<string, string | null>>;
  readonly rows: readonly PreviewRow[];
}

const shown = (v: unknown): string => {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Reads `records` (as the file had them) with `reading`. */
export function previewReading(records: Iterable<{ readonly raw: string; readonly line: number }>, reading: LogReading): Preview {
  const rows: PreviewRow[] = [];
  const problems = new Map<number, string>();
  const inspector = new LogInspector({
    domain: reading.domain,
    profile: reading.profile,
    map: reading.map,
    skipInvalid: true,
    onRecord: (r) => {
      const read = r.read;
      if (!read) return void rows.push({ record: r.record, line: r.line, fields: {}, problem: `${r.problem?.kind}: ${r.problem?.message}` });
      const fields: Record<string, string> = { kind: read.kind };
      if (read.kind === 'event' || read.kind === 'tombstone' || read.kind === 'system' || read.kind === 'other') {
        Object.assign(fields, {
          type: read.type,
          id: read.id ?? '',
          stream: read.stream ?? r.domainStream ?? '',
          position: read.streamPosition ?? read.globalPosition ?? '',
          source: read.source ?? '',
          time: read.time ? formatUtc(read.time) : '',
          causation: read.causationId ?? '',
          data: shown(read.data),
        });
      } else if (read.kind === 'command') Object.assign(fields, { type: read.type, id: read.id, data: shown(read.data) });
      rows.push({ record: r.record, line: r.line, fields });
    },
  });
  const rawAt = new Map<number, string>();
  for (const r of records) {
    rawAt.set(r.line, r.raw.length > 300 ? `${r.raw.slice(0, 300)}…` : r.raw);
    inspector.record(r.raw, r.line);
  }
  const result = inspector.finish('preview');
  if (result.ok) for (const a of result.report.anomalies) if (a.record !== undefined && !problems.has(a.record)) problems.set(a.record, `${a.kind}: ${a.message}`);
  return {
    profile: result.ok ? result.report.profile : (inspector.profile?.name ?? 'generic'),
    fieldsUsed: result.ok ? result.report.fieldsUsed : {},
    rows: rows.map((row) => ({ ...row, ...(row.problem === undefined && problems.has(row.record) ? { problem: problems.get(row.record) } : {}), ...(rawAt.has(row.line) ? { raw: rawAt.get(row.line) } : {}) })),
  };
}
