/**
 * Exported records as CloudEvents 1.0 (built and validated with the official SDK).
 * - Event: `type "purestream.<domain>.<EventType>"`, `source "/purestream/<domain>"`, `time`
 *   = virtual ms after 2026-01-01T00:00:00Z, `subject` = stream, `data`, extensions
 *   `sequence` (the seq as a decimal string, the CloudEvents sequence extension's type),
 *   `causationid`, `correlationid`.
 * - Commands and rejections have no CloudEvents form of their own; they are included so a
 *   CloudEvents export keeps what decision drift needs: a command is
 *   `purestream.<domain>.command.<CommandType>` (id = command id, `data` = its payload,
 *   extensions `actor`, `batch` (the batch levels as a JSON string), `authorize`), a rejection is `purestream.<domain>.rejection`
 *   (id `<commandId>.rejection`, `data { commandId, code }`). Other tools may ignore them.
 */
import { CloudEvent } from 'cloudevents';
import type { ExportRecord } from './exportRun';
import { virtualToIso } from './timestamps';

type Json = Record<string, unknown>;

/** The CloudEvents `source` of a purestream domain. */
export const sourceOf = (domain: string): string => `/purestream/${domain}`;

const ext = (name: string, value: unknown): Json => (typeof value === 'string' ? { [name]: value } : {});

/** One exported record as a validated CloudEvent (the constructor validates strictly). */
export function toCloudEvent(record: ExportRecord, domain: string): CloudEvent<unknown> {
  const r = record as Json;
  const base = { specversion: '1.0', source: sourceOf(domain), time: virtualToIso(r.at as number), datacontenttype: 'application/json' };
  if (r.kind === 'command') {
    const batch = r.batch as unknown[] | undefined;
    return new CloudEvent<unknown>({
      ...base,
      id: r.id as string,
      type: `purestream.${domain}.command.${r.type as string}`,
      data: r.data,
      ...ext('actor', r.actor),
      ...(batch ? { batch: JSON.stringify(batch) } : {}),
      ...(r.authorize === true ? { authorize: true } : {}),
    });
  }
  if (r.kind === 'rejection')
    return new CloudEvent<unknown>({ ...base, id: `${r.commandId as string}.rejection`, type: `purestream.${domain}.rejection`, data: { commandId: r.commandId, code: r.code } });
  return new CloudEvent<unknown>({
    ...base,
    id: r.id as string,
    type: `purestream.${domain}.${r.type as string}`,
    subject: r.stream as string,
    data: r.data,
    sequence: String(r.seq),
    ...ext('causationid', r.causationId),
    ...ext('correlationid', r.correlationId),
  });
}

/** A CloudEvents batch (`application/cloudevents-batch+json`): a JSON array, one event per line. */
export function cloudEventsBatch(records: readonly ExportRecord[], domain: string): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => JSON.stringify(toCloudEvent(r, domain).toJSON())).join(',\n')}\n]\n`;
}

/** The events format: the header line, then one record per line. */
export function eventsJsonLines(header: Json, records: readonly ExportRecord[]): string {
  return [header, ...records].map((r) => JSON.stringify(r)).join('\n') + '\n';
}
