/**
 * A run's events as the CloudEvents `publish` sends (the one writer, src/logs/cloudEventWriter.ts)
 * and back: an event read from the broker as the engine's log entry, for a consumer's
 * interpreter. Pure.
 */
import { toCloudEvent, sourceOf } from '../../logs/cloudEventWriter';
import type { ExportRecord } from '../../logs/exportRun';
import { parseTimeText } from '../../logs/json/logTime';
import { VIRTUAL_EPOCH_MS } from '../../logs/timestamps';
import { commandId, eventId } from '../../../domain/kernel';
import type { LogEntry } from '../../engine/types';
import { natsToken } from './deliveryPolicy';

/** A structured CloudEvent (JSON object). */
export type CloudEvent = Readonly<Record<string, unknown>>;

/** The run's events (records with a `seq`) as CloudEvents, in log order. */
export function runCloudEvents(records: readonly ExportRecord[], domain: string): CloudEvent[] {
  return records.filter((r) => typeof (r as { seq?: unknown }).seq === 'number').map((r) => toCloudEvent(r, domain));
}

/** The subject an event is published to: `<STREAM>.<its stream, as a subject token>`. */
export const eventSubject = (stream: string, event: CloudEvent): string => `${stream}.${natsToken(String(event.subject ?? 'events'))}`;

/** What a message read back is, for a consumer of `domain`. */
export type ReadBack = { readonly kind: 'event'; readonly entry: LogEntry } | { readonly kind: 'other'; readonly why: string };

/** A message body published by `publish` as the log entry it was in the run; anything else (another domain's, a command, not a CloudEvent) as `other`. */
export function logEntryOf(body: string, domain: string): ReadBack {
  let ce: Record<string, unknown>;
  try {
    ce = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { kind: 'other', why: 'not JSON' };
  }
  if (typeof ce !== 'object' || ce === null || ce.specversion !== '1.0') return { kind: 'other', why: 'not a CloudEvent' };
  const prefix = `purestream.${domain}.`;
  const type = typeof ce.type === 'string' && ce.type.startsWith(prefix) ? ce.type.slice(prefix.length) : undefined;
  if (ce.source !== sourceOf(domain) || type === undefined || type.startsWith('command.') || type === 'rejection') return { kind: 'other', why: `not an event of domain ${domain}` };
  const time = typeof ce.time === 'string' ? parseTimeText(ce.time) : undefined;
  const at = time ? time.ms - VIRTUAL_EPOCH_MS : 0;
  return {
    kind: 'event',
    entry: {
      seq: Number(ce.sequence),
      id: eventId(String(ce.id)),
      type,
      data: ce.data,
      stream: String(ce.subject ?? ''),
      causationId: commandId(String(ce.causationid ?? '')),
      correlationId: String(ce.correlationid ?? ''),
      at,
      appendedAt: at,
    },
  };
}
