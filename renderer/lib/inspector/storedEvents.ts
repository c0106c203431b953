/**
 * Inspected records as rows of the workspace's events table (src/store/logs.ts): every record
 * of the file, read or not, under its number in the file (`seq`), with its line, its text, and
 * the common fields a profile read from it — what the event table, the graph and the timeline
 * of a log show, and what a new inspection with another domain or map reads again. Pure.
 */
import { formatUtc } from '../../../src/logs/json/logTime';
import type { InspectedRecord } from '../../../src/logs/logInspector';
import type { StoredEventInput } from '../../../src/store/logs';

/** Characters of a record's text kept for an unreadable record (a readable one is kept whole). */
const MAX_UNREAD_TEXT = 64 * 1024;

/** The row of one inspected record; `lastAt` is the time of the record before it (a record without a time is placed there). */
export function storedRecord(r: InspectedRecord, lastAt: number): StoredEventInput {
  const base = { seq: r.record, line: r.line, raw: r.text };
  const read = r.read;
  if (!read) return { ...base, raw: r.text.slice(0, MAX_UNREAD_TEXT), kind: r.problem?.kind ?? 'malformed', id: '', type: '', stream: '', at: lastAt, data: r.problem?.message ?? null };
  switch (read.kind) {
    case 'header':
      return { ...base, kind: 'header', id: '', type: 'header', stream: '', at: lastAt, data: { domain: read.domain ?? null } };
    case 'command':
      return { ...base, kind: 'command', id: read.id, type: read.type, stream: '', at: read.time?.ms ?? lastAt, ...timeOf(read.time), data: read.data };
    case 'rejection':
      return { ...base, kind: 'rejection', id: read.commandId, type: read.code, stream: '', at: read.time?.ms ?? lastAt, ...timeOf(read.time), causationId: read.commandId, data: { commandId: read.commandId, code: read.code } };
    default:
      return {
        ...base,
        kind: read.kind === 'event' && read.archived ? 'archived' : read.kind,
        id: read.id ?? '',
        type: read.type,
        stream: read.stream ?? r.domainStream ?? '',
        at: read.time?.ms ?? lastAt,
        ...timeOf(read.time),
        ...(read.causationId !== undefined ? { causationId: read.causationId } : {}),
        ...(read.correlationId !== undefined ? { correlationId: read.correlationId } : {}),
        ...(read.streamPosition !== undefined || read.globalPosition !== undefined ? { position: read.streamPosition ?? read.globalPosition } : {}),
        ...(read.globalPosition !== undefined ? { globalPosition: read.globalPosition } : {}),
        ...(read.source !== undefined ? { source: read.source } : {}),
        ...(r.domainStream !== undefined && r.domainStream !== read.stream ? { domainStream: r.domainStream } : {}),
        ...(read.metadata !== undefined && read.metadata !== null ? { metadata: read.metadata } : {}),
        data: read.data,
      };
  }
}

const timeOf = (t: Parameters<typeof formatUtc>[0] | undefined): { time?: string } => (t ? { time: formatUtc(t) } : {});
