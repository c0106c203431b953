/**
 * Reads a structured CloudEvent (JSON) from any producer as a log record. Attributes are
 * validated with the official SDK (plus the checks it leaves out: it invents a missing `id`
 * and `time`), and `data` xor `data_base64` (decoded). The type is matched by removing a
 * `purestream.<domain>.` prefix, else by its last dot-separated segment, else through the
 * type map. Our own command and rejection forms (`purestream.<domain>.command.<Type>`,
 * `purestream.<domain>.rejection`) are read back as such. Pure.
 */
import { CloudEvent, ValidationError } from 'cloudevents';
import { badString, type ReadResult, type RecordReader } from './recordReader';
import { parseTime, VIRTUAL_EPOCH_MS } from './timestamps';
import { readBatch } from './recordReader';
import type { BatchRef } from './types';

/** A user-given mapping from a producer's CloudEvents type to one of the domain's event types. */
export type TypeMap = Readonly<Record<string, string>>;

/** The CloudEvents `source` of a purestream domain. */
export const sourceOf = (domain: string): string => `/purestream/${domain}`;

const problem = (anomaly: 'malformed' | 'unknown-type' | 'invalid-data', message: string): ReadResult => ({ kind: 'anomaly', anomaly, message });

/** Checks a CloudEvent with the SDK; returns what is wrong, or undefined. */
export function cloudEventProblem(value: Record<string, unknown>): string | undefined {
  if (value.specversion !== '1.0') return `specversion: expected "1.0", got ${JSON.stringify(value.specversion)}`;
  const missing = badString('id', value.id) ?? badString('source', value.source) ?? badString('type', value.type);
  if (missing) return missing;
  if (value.data !== undefined && value.data_base64 !== undefined) return 'has both "data" and "data_base64" (only one is allowed)';
  // a data_base64 that is not base64 is a data problem, reported with the payload; the SDK would throw on decoding it
  const sdkValue = typeof value.data_base64 === 'string' && !isBase64(value.data_base64) ? { ...value, data_base64: '' } : value;
  try {
    new CloudEvent(sdkValue, false).validate();
    return undefined;
  } catch (e) {
    if (!(e instanceof ValidationError)) return `not a valid CloudEvent: ${(e as Error)?.message ?? String(e)}`;
    const details = (e as ValidationError).errors?.map((x) => (typeof x === 'object' && x !== null && 'message' in x ? `${(x as { instancePath?: string }).instancePath ?? ''} ${(x as { message: string }).message}`.trim() : String(x)));
    return `not a valid CloudEvent: ${e.message.split('\n')[0]}${details?.length ? ` (${details.join('; ')})` : ''}`;
  }
}

const isBase64 = (s: string): boolean => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

/** The record type a CloudEvents type stands for, or undefined. */
export function matchType(ceType: string, reader: RecordReader): { kind: 'event' | 'command'; type: string } | { kind: 'rejection' } | undefined {
  const prefix = `purestream.${reader.decider.id}.`;
  if (ceType.startsWith(prefix)) {
    const rest = ceType.slice(prefix.length);
    if (reader.isEventType(rest)) return { kind: 'event', type: rest };
    if (rest.startsWith('command.') && reader.isCommandType(rest.slice(8))) return { kind: 'command', type: rest.slice(8) };
    if (rest === 'rejection') return { kind: 'rejection' };
  }
  const last = ceType.slice(ceType.lastIndexOf('.') + 1);
  if (reader.isEventType(last)) return { kind: 'event', type: last };
  const mapped = reader.typeMap[ceType];
  if (mapped !== undefined && reader.isEventType(mapped)) return { kind: 'event', type: mapped };
  return undefined;
}

const isJsonType = (t: unknown) => t === undefined || (typeof t === 'string' && /^application\/([\w.+-]*\+)?json\b|^text\/json\b/i.test(t));

/** The event payload: `data` (JSON, or a JSON string), or `data_base64` decoded. */
function payload(value: Record<string, unknown>): { data: unknown } | { error: string } {
  if (!isJsonType(value.datacontenttype)) return { error: `datacontenttype: ${JSON.stringify(value.datacontenttype)} is not JSON` };
  if (value.data_base64 !== undefined) {
    try {
      const bytes = Uint8Array.from(atob(value.data_base64 as string), (c) => c.charCodeAt(0));
      return { data: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
    } catch {
      return { error: 'data_base64: not base64-encoded UTF-8 JSON' };
    }
  }
  if (typeof value.data === 'string' && value.datacontenttype !== undefined) {
    try {
      return { data: JSON.parse(value.data) };
    } catch {
      return { error: 'data: a string that is not JSON' };
    }
  }
  return { data: value.data };
}

/** The `batch` extension: the batch levels as a JSON string. */
function batchOf(v: unknown): BatchRef | string | undefined {
  if (v === undefined) return undefined;
  try {
    return readBatch(typeof v === 'string' ? JSON.parse(v) : v);
  } catch {
    return 'batch: expected a JSON string of [{ "id", "mode" }...]';
  }
}

const sequenceOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : undefined;

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads one structured CloudEvent as a record, or says what is wrong with it. */
export function readCloudEvent(value: Record<string, unknown>, reader: RecordReader): ReadResult {
  const bad = cloudEventProblem(value);
  if (bad) return problem('malformed', bad);
  const matched = matchType(value.type as string, reader);
  if (!matched) return problem('unknown-type', `unknown CloudEvents type ${JSON.stringify(value.type)} for domain ${reader.decider.id} (add it to --type-map)`);
  const body = payload(value);
  if ('error' in body) return problem('invalid-data', body.error);
  const ours = typeof value.source === 'string' && value.source.startsWith('/purestream/');
  const parsed = parseTime(value.time);
  const at = parsed === undefined ? Number.NaN : ours ? parsed - VIRTUAL_EPOCH_MS : parsed;
  const time = typeof value.time === 'string' ? { time: value.time } : {};
  const id = value.id as string;
  if (matched.kind === 'rejection') {
    const d = body.data as Record<string, unknown> | undefined;
    const wrong = typeof d !== 'object' || d === null ? 'data: expected { "commandId", "code" }' : (badString('data.commandId', d.commandId) ?? badString('data.code', d.code));
    if (wrong) return problem('invalid-data', wrong);
    return { kind: 'rejection', commandId: d!.commandId as string, code: d!.code as string, at, ...time };
  }
  if (matched.kind === 'command') {
    const invalid = reader.checkCommandData(matched.type, body.data);
    if (invalid) return invalid;
    const batch = batchOf(value.batch);
    if (typeof batch === 'string') return problem('malformed', batch);
    const actor = optionalString(value.actor);
    const authorize = value.authorize === true ? { authorize: true } : {};
    return { kind: 'command', id, type: matched.type, at, ...time, data: body.data, ...(actor ? { actor } : {}), ...(batch ? { batch } : {}), ...authorize };
  }
  const invalid = reader.checkEventData(matched.type, body.data);
  if (invalid) return invalid;
  const seq = sequenceOf(value.sequence);
  const stream = optionalString(value.subject);
  const causationId = optionalString(value.causationid);
  const correlationId = optionalString(value.correlationid);
  return {
    kind: 'event',
    seq: seq ?? 0,
    seqGiven: seq !== undefined,
    id,
    type: matched.type,
    at,
    ...time,
    data: body.data,
    ...(stream ? { stream } : {}),
    ...(causationId ? { causationId } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
}
