/**
 * Profiles of brokers' and buses' records, as field maps over a prepared record (logs.md,
 * "Envelopes"):
 * - `kafka`: `kcat -J` records (`topic`, `partition`, `offset`, `ts`, `key`, `payload`,
 *   `headers` as a flat [key, value, …] array) and Lambda MSK records (`value`/`key` in base64,
 *   `headers` as [{ key: [bytes] }]); `source` = topic-partition, `globalPosition` = offset,
 *   `stream` = key (else topic-partition); a payload behind a binary prefix is read as its
 *   JSON; a null payload is a tombstone; CloudEvents binary-mode `ce_*` headers are honoured;
 *   the type is a header's or the payload's, else the topic (a fallback the report names).
 * - `kinesis`: Lambda Kinesis records (base64 `data`, `sequenceNumber` as `globalPosition`,
 *   the shard of `eventID` as `source`, `partitionKey` as stream).
 * - `eventbridge`: EventBridge events (`detail-type` as type, `detail` as data, the producing
 *   `source` as stream: `resources` is often empty).
 * - `debezium`: change events, plain, `{schema, payload}` or CloudEvents-wrapped: stream =
 *   `<schema or db>.<table>/<key>`, type = the operation (`create`, `update`, `delete`, `read`,
 *   `truncate`, `message` for `op` c, u, d, r, t, m).
 * Offsets, sequence numbers and log positions may skip: never a gap. Pure.
 */
import { decodeBase64Payload, decodeTextPayload, utf8Text, base64Bytes } from './payload';
import { numberText, numberTextSupported } from '../json/exactJson';
import { formatUtc, timeOfEpochDigits } from '../json/logTime';
import { NEEDS_EXACT, type JsonObject, type Profile } from './profile';

const has = (r: JsonObject, ...keys: string[]): boolean => keys.every((k) => Object.hasOwn(r, k));
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Kafka headers as an object of strings, from kcat's flat array, MSK's byte arrays or an object. */
function headersOf(h: unknown): Record<string, string | null> | undefined {
  if (isObject(h)) return h as Record<string, string | null>;
  if (!Array.isArray(h)) return undefined;
  const out: Record<string, string | null> = Object.create(null);
  if (h.every((x) => typeof x === 'string' || x === null)) {
    for (let i = 0; i + 1 < h.length; i += 2) if (typeof h[i] === 'string') out[h[i] as string] = h[i + 1] as string | null;
    return out;
  }
  for (const entry of h) {
    if (!isObject(entry)) continue;
    for (const [k, v] of Object.entries(entry)) out[k] = Array.isArray(v) ? (utf8Text(Uint8Array.from(v as number[])) ?? null) : typeof v === 'string' ? v : null;
  }
  return out;
}

/** The kafka profile. */
export const kafkaProfile: Profile = {
  name: 'kafka',
  detect: (r) => (has(r, 'topic', 'partition', 'offset') ? 1 : 0),
  prepare: (r) => {
    const msk = !has(r, 'payload') && has(r, 'value');
    const raw = msk ? r.value : r.payload;
    const decoded = typeof raw === 'string' ? (msk ? decodeBase64Payload(raw) : decodeTextPayload(raw)) : { data: raw ?? null };
    const key = msk && typeof r.key === 'string' ? (utf8Text(base64Bytes(r.key) ?? new Uint8Array()) ?? r.key) : r.key;
    return { ...r, headers: headersOf(r.headers), payload: decoded.data, payloadContentType: decoded.contentType, key };
  },
  fields: {
    id: ['/headers/ce_id', '/headers/id', '/headers/eventId', '/headers/event_id', '/payload/id', '/payload/eventId', '/payload/event_id', '/payload/messageId'],
    type: ['/headers/ce_type', '/headers/type', '/headers/eventType', '/headers/event_type', '/payload/type', '/payload/eventType', '/payload/event_type', '/topic'],
    stream: ['/headers/ce_subject', '/key'],
    globalPosition: ['/offset'],
    time: ['/headers/ce_time', '/ts', '/timestamp'],
    data: ['/payload'],
    metadata: ['/headers'],
    causationId: ['/headers/ce_causationid', '/headers/causationId', '/headers/causation_id', '/payload/causationId', '/payload/metadata/causationId'],
    correlationId: ['/headers/ce_correlationid', '/headers/correlationId', '/headers/correlation_id', '/payload/correlationId', '/payload/metadata/correlationId'],
  },
  fallbacks: { type: { '/topic': 'the topic: no type header or payload type' } },
  derived: { source: '/topic + "-" + /partition', stream: '/key, else the topic-partition' },
  refine: (r, e) => {
    e.source = `${String(r.topic)}-${String(r.partition)}`;
    if (e.stream === undefined) e.stream = e.source;
    if (r.payload === null) e.kind = 'tombstone';
    if (typeof r.payloadContentType === 'string') e.contentType = r.payloadContentType;
    const headers = r.headers as Record<string, string | null> | undefined;
    if (typeof headers?.ce_source === 'string') e.idScope = headers.ce_source;
    const original = Object.hasOwn(r, 'value') && !Object.hasOwn(r, 'payloadContentType') ? r.value : undefined;
    e.content = JSON.stringify([r.key ?? null, original ?? e.data ?? null, headers ?? null]);
  },
};

/** The kinesis profile. */
export const kinesisProfile: Profile = {
  name: 'kinesis',
  detect: (r) => (isObject(r.kinesis) && has(r.kinesis, 'sequenceNumber') ? 1 : 0),
  prepare: (r) => {
    const k = r.kinesis as JsonObject;
    const decoded = typeof k.data === 'string' ? decodeBase64Payload(k.data) : { data: k.data };
    return { ...r, payload: decoded.data, payloadContentType: decoded.contentType };
  },
  fields: {
    id: ['/eventID'],
    type: ['/payload/type', '/payload/eventType', '/payload/event_type', '/payload/detail-type', '/eventName'],
    stream: ['/kinesis/partitionKey'],
    globalPosition: ['/kinesis/sequenceNumber'],
    time: ['/kinesis/approximateArrivalTimestamp'],
    data: ['/payload'],
    causationId: ['/payload/causationId', '/payload/metadata/causationId'],
    correlationId: ['/payload/correlationId', '/payload/metadata/correlationId'],
  },
  fallbacks: { type: { '/eventName': 'the Lambda event name (aws:kinesis:record): no payload type' } },
  numericTime: 's',
  derived: { source: 'the shard of /eventID' },
  refine: (r, e) => {
    const eventId = typeof r.eventID === 'string' ? r.eventID : '';
    const colon = eventId.indexOf(':');
    e.source = colon > 0 ? eventId.slice(0, colon) : String((r as JsonObject).eventSourceARN ?? 'kinesis');
    if (typeof r.payloadContentType === 'string') e.contentType = r.payloadContentType;
    e.content = String((r.kinesis as JsonObject).data ?? '');
  },
};

/** The eventbridge profile. */
export const eventBridgeProfile: Profile = {
  name: 'eventbridge',
  detect: (r) => (has(r, 'detail-type', 'detail') ? 1 : has(r, 'detail-type') ? 0.9 : 0),
  fields: { id: ['/id'], type: ['/detail-type'], stream: ['/source'], source: ['/source'], time: ['/time'], data: ['/detail'] },
};

const OPERATIONS: Readonly<Record<string, string>> = { c: 'create', u: 'update', d: 'delete', r: 'read', t: 'truncate', m: 'message' };

/** A change event's key: the row's `id`, else its first column (of `after`, else `before`). */
function rowKey(row: unknown): string | undefined {
  if (!isObject(row)) return undefined;
  const value = Object.hasOwn(row, 'id') ? row.id : Object.values(row)[0];
  return value === undefined || value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An epoch count member (`ts_ns`) as RFC 3339 text, to the last digit; NEEDS_EXACT when its digits were lost in a plain parse. */
function epochTime(holder: JsonObject, key: string, unit: 'ns' | 'us' | 'ms'): string | undefined | typeof NEEDS_EXACT {
  const value = holder[key];
  if (typeof value !== 'number') return undefined;
  const digits = Number.isSafeInteger(value) ? String(value) : numberText(holder, key);
  if (digits === undefined) return numberTextSupported ? NEEDS_EXACT : undefined;
  const t = timeOfEpochDigits(digits, unit);
  return t ? formatUtc(t) : undefined;
}

/** The debezium profile. */
export const debeziumProfile: Profile = {
  name: 'debezium',
  detect: (r) => {
    if (typeof r.iodebeziumop === 'string') return 1;
    const v = isObject(r.payload) && has(r, 'schema') ? r.payload : r;
    return typeof v.op === 'string' && (has(v, 'before') || has(v, 'after')) && isObject(v.source) ? 1 : 0;
  },
  prepare: (r) => {
    const cloudEvent = typeof r.iodebeziumop === 'string';
    let time: unknown = cloudEvent ? r.time : undefined;
    let v: JsonObject = cloudEvent ? (isObject(r.data) ? r.data : {}) : r;
    if (isObject(v.payload) && has(v, 'schema')) v = v.payload;
    const source = isObject(v.source) ? v.source : {};
    const op = String(cloudEvent ? r.iodebeziumop : v.op);
    const table = String((cloudEvent ? r.iodebeziumtable : undefined) ?? source.table ?? source.collection ?? 'table');
    const scope = (cloudEvent ? (r.iodebeziumschema ?? r.iodebeziumdb) : undefined) ?? source.schema ?? source.db;
    const deleted = op === 'd';
    const row = deleted ? v.before : v.after;
    const key = rowKey(row) ?? rowKey(deleted ? v.after : v.before);
    if (time === undefined) {
      // the change's time at its finest: ts_ns, ts_us, else ts_ms (of the envelope, else of the source)
      const exact = epochTime(v, 'ts_ns', 'ns') ?? epochTime(v, 'ts_us', 'us') ?? epochTime(v, 'ts_ms', 'ms') ?? epochTime(source, 'ts_ms', 'ms');
      if (exact === NEEDS_EXACT) return NEEDS_EXACT;
      time = exact;
    }
    return {
      id: cloudEvent ? r.id : undefined,
      type: OPERATIONS[op] ?? op,
      stream: `${scope !== undefined && scope !== null ? `${String(scope)}.` : ''}${table}${key === undefined ? '' : `/${key}`}`,
      position: source.lsn ?? source.pos ?? source.change_lsn,
      origin: cloudEvent ? r.source : source.name,
      time,
      data: row ?? null,
      metadata: { before: v.before ?? null, after: v.after ?? null, source, ...(v.transaction ? { transaction: v.transaction } : {}) },
    };
  },
  fields: { id: ['/id'], type: ['/type'], stream: ['/stream'], globalPosition: ['/position'], source: ['/origin'], time: ['/time'], data: ['/data'], metadata: ['/metadata'] },
  derived: { type: '/op (c, u, d, r, t, m) as create, update, delete, read, truncate, message', stream: '/source/schema (or db) + "." + /source/table + "/" + the row key' },
};
