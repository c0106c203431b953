/**
 * Exported records as CloudEvents 1.0 structured JSON (cli-and-reports.md, "CloudEvents"),
 * the one writer the command line and the app share. Plain objects, no SDK: the attributes are
 * written in the SDK's order (id, time, type, source, specversion, datacontenttype, subject,
 * data, extensions) and a test validates every export with the official SDK.
 * - Event: `type "purestream.<domain>.<EventType>"`, `source "/purestream/<domain>"`, `time`
 *   = virtual ms after 2026-01-01T00:00:00Z, `subject` = stream, `data`, extensions
 *   `sequence` (the seq as a decimal string zero-padded to 20 digits, so that it sorts as a
 *   string as the sequence extension requires), `causationid`, `correlationid`.
 * - Commands and rejections have no CloudEvents form of their own; they are included so a
 *   CloudEvents export keeps what decision drift needs: a command is
 *   `purestream.<domain>.command.<CommandType>` (id = command id, `data` = its payload,
 *   extensions `actor`, `batch` (the batch levels as a JSON string), `authorize`), a rejection
 *   is `purestream.<domain>.rejection` (id `<commandId>.rejection`, `data { commandId, code }`).
 *   Other tools may ignore them.
 */
import type { ExportRecord } from './exportRun';
import { virtualToIso } from './timestamps';

type Json = Record<string, unknown>;

/** The CloudEvents `source` of a purestream domain. */
export const sourceOf = (domain: string): string => `/purestream/${domain}`;

const PURESTREAM_SOURCE = '/purestream/';

/** The purestream domain a CloudEvents `source` names as {@link sourceOf} writes it (`/purestream/commerce` → `commerce`), else undefined. */
export function domainOfSource(source: string): string | undefined {
  if (!source.startsWith(PURESTREAM_SOURCE)) return undefined;
  const domain = source.slice(PURESTREAM_SOURCE.length);
  return domain !== '' && !domain.includes('/') ? domain : undefined;
}

/** Digits of the `sequence` extension: 20 holds any unsigned 64-bit number. */
export const SEQUENCE_DIGITS = 20;

/** A seq as the `sequence` extension writes it: decimal, zero-padded to 20 digits. */
export const sequenceOf = (seq: number | string): string => String(seq).padStart(SEQUENCE_DIGITS, '0');

const ext = (name: string, value: unknown): Json => (typeof value === 'string' ? { [name]: value } : {});

/** One exported record as a structured CloudEvent (a plain JSON object). */
export function toCloudEvent(record: ExportRecord, domain: string): Json {
  const r = record as Json;
  const head = (id: string, type: string) => ({ id, time: virtualToIso(r.at as number), type, source: sourceOf(domain), specversion: '1.0', datacontenttype: 'application/json' });
  if (r.kind === 'command') {
    const batch = r.batch as unknown[] | undefined;
    return {
      ...head(r.id as string, `purestream.${domain}.command.${r.type as string}`),
      data: r.data,
      ...ext('actor', r.actor),
      ...(batch ? { batch: JSON.stringify(batch) } : {}),
      ...(r.authorize === true ? { authorize: true } : {}),
    };
  }
  if (r.kind === 'rejection') return { ...head(`${r.commandId as string}.rejection`, `purestream.${domain}.rejection`), data: { commandId: r.commandId, code: r.code } };
  return {
    ...head(r.id as string, `purestream.${domain}.${r.type as string}`),
    ...ext('subject', r.stream),
    data: r.data,
    sequence: sequenceOf(r.seq as number),
    ...ext('causationid', r.causationId),
    ...ext('correlationid', r.correlationId),
  };
}

/** A CloudEvents batch (`application/cloudevents-batch+json`): a JSON array, one event per line. */
export function cloudEventsBatch(records: readonly ExportRecord[], domain: string): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => JSON.stringify(toCloudEvent(r, domain))).join(',\n')}\n]\n`;
}

/** The events format: the header line, then one record per line. */
export function eventsJsonLines(header: Json, records: readonly ExportRecord[]): string {
  return [header, ...records].map((r) => JSON.stringify(r)).join('\n') + '\n';
}
