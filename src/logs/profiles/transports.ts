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
 * (`debezium`, change events however carried, is ./debezium.)
 * Offsets, sequence numbers and log positions may skip: never a gap. Pure.
 */
import { decodeBase64Payload, decodeTextPayload, utf8Text, base64Bytes } from './payload';
import type { JsonObject, Profile } from './profile';

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
