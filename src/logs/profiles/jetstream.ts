/**
 * The `jetstream` profile (an extension of logs.md, for sources.md's live NATS reads): one
 * JetStream message as the NATS reader of src/sources hands it over —
 * `{ stream, seq, subject, time, headers?, data }` with `seq` the stream sequence as an exact
 * decimal string, `time` the server's timestamp (RFC 3339, nanoseconds), `headers` the message
 * headers as an object of strings and `data` the body as text.
 * - A body holding a structured CloudEvent (JSON with `specversion`) is read as that event; a
 *   message in CloudEvents binary mode (`ce-…` or `ce_…` headers, any case) as the event the
 *   headers describe, its body being `data`; any other body as JSON (or text) with the usual
 *   names for id and type (`Nats-Msg-Id` is an id too); a body that is not JSON, with nothing else
 *   to say its type, is a `malformed` record (not JSON), as a file's line would be.
 * - `globalPosition` = the stream sequence, `source` = the stream (sequences may skip: deleted
 *   messages; never a gap), `stream` = the CloudEvent's `subject`, else the NATS subject;
 *   identity is scoped by the CloudEvent's `source` when there is one; a record repeating its
 *   subject, headers (other than NATS's own `Nats-…`) and body is a redelivery (`identical`). Pure.
 */
import { decodeTextPayload } from './payload';
import { problem, type JsonObject, type Profile } from './profile';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Headers of NATS itself (`Nats-Msg-Id`, `Nats-Expected-…`): the transport's, not the event's content. */
const NATS_OWN = /^nats-/i;

/** The CloudEvent a message carries (its attributes and `data`), or undefined. */
function cloudEventOf(headers: Readonly<Record<string, unknown>> | undefined, body: unknown): JsonObject | undefined {
  if (isObject(body) && typeof body.specversion === 'string') return body;
  if (!headers) return undefined;
  let event: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(headers)) {
    const m = /^ce[-_](.+)$/i.exec(name);
    if (!m || typeof value !== 'string') continue;
    (event ??= {})[m[1].toLowerCase()] = value;
  }
  if (!event || typeof event.specversion !== 'string') return undefined;
  event.data = body;
  return event;
}

/** Why a message's body is not JSON: empty, or as JSON.parse says it (`: Unexpected token …`). */
function bodyError(body: string): string {
  if (body.trim() === '') return ' is empty';
  try {
    JSON.parse(body);
    return ' is not JSON';
  } catch (e) {
    return `: ${(e as Error).message}`;
  }
}

/** The jetstream profile. */
export const jetStreamProfile: Profile = {
  name: 'jetstream',
  detect: (r) => (typeof r.stream === 'string' && (typeof r.seq === 'string' || typeof r.seq === 'number') && typeof r.subject === 'string' && Object.hasOwn(r, 'data') ? 1 : 0),
  prepare: (r) => {
    const headers = isObject(r.headers) ? r.headers : undefined;
    const body = typeof r.data === 'string' ? decodeTextPayload(r.data) : { data: r.data ?? null };
    const ce = cloudEventOf(headers, body.data);
    const nested = ce && typeof ce.data === 'string' && typeof ce.datacontenttype === 'string' && /json/i.test(ce.datacontenttype) ? decodeTextPayload(ce.data).data : ce?.data;
    return { ...r, ce, payload: ce ? (nested ?? null) : body.data, payloadContentType: ce ? undefined : body.contentType };
  },
  fields: {
    id: ['/ce/id', '/headers/Nats-Msg-Id', '/payload/id', '/payload/eventId', '/payload/event_id', '/payload/messageId'],
    type: ['/ce/type', '/payload/type', '/payload/eventType', '/payload/event_type'],
    stream: ['/ce/subject', '/subject'],
    globalPosition: ['/seq'],
    time: ['/ce/time', '/time'],
    data: ['/payload'],
    metadata: ['/headers'],
    causationId: ['/ce/causationid', '/payload/causationId', '/payload/metadata/causationId'],
    correlationId: ['/ce/correlationid', '/payload/correlationId', '/payload/metadata/correlationId'],
  },
  derived: { source: '/stream' },
  refine: (r, e) => {
    // a body that is not JSON, with no CloudEvent headers or map to say its type: not JSON, as a file's line would be
    if (e.type === undefined && r.ce === undefined && r.payloadContentType === 'text/plain' && typeof r.data === 'string') return problem('malformed', `not JSON: the message's body${bodyError(r.data)}`);
    e.source = String(r.stream);
    const ce = r.ce as JsonObject | undefined;
    if (typeof ce?.source === 'string') e.idScope = ce.source;
    if (typeof r.payloadContentType === 'string') e.contentType = r.payloadContentType;
    const own = isObject(r.headers) ? Object.entries(r.headers).filter(([k]) => !NATS_OWN.test(k)) : [];
    e.content = JSON.stringify([r.subject, own.length ? Object.fromEntries(own) : null, r.data ?? null]);
  },
};
