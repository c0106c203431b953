/**
 * The `cloudevents` profile: CloudEvents 1.0 structured JSON, one per record (a batch is an
 * array of them). Each record is checked against the JSON format's rules — `specversion`
 * "1.0", non-empty `id`, `source` (a URI-reference) and `type`, optional non-empty `subject`,
 * `datacontenttype` and `dataschema`, an RFC 3339 `time`, attribute names of lowercase letters
 * and digits, `data` xor `data_base64` — the official SDK's checks, kept as the oracle of a
 * test, except that `dataschema` need not be an absolute URI (Azure Event Grid writes "#"). `stream` = `subject`, else `source`; `globalPosition` = the `sequence`
 * extension, scoped by `source`; identity = (`source`, `id`). Purestream's own command and
 * rejection forms (`purestream.<domain>.command.<Type>`, `purestream.<domain>.rejection`) are
 * read back as such. Pure.
 */
import { VIRTUAL_EPOCH_MS } from '../timestamps';
import { decodeBase64Payload, decodeTextPayload, isBase64, type Payload } from './payload';
import { idOf, positionOf, show, timeOf } from './fieldReader';
import { NEEDS_EXACT, problem, type JsonObject, type Profile, type ReadResult } from './profile';
import { readBatch } from './purestream';

/** True for an attribute name of lowercase letters and digits. */
function isAttributeName(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Sources already checked (a log has few): the regex is costly, a lookup is not. */
const checkedSources = new Map<string, boolean>();

function isUriReference(source: string): boolean {
  let ok = checkedSources.get(source);
  if (ok === undefined) {
    ok = URI_REFERENCE.test(source);
    if (checkedSources.size < 4096) checkedSources.set(source, ok);
  }
  return ok;
}
/** RFC 3986 URI-reference, as the SDK's JSON Schema checks it (ajv-formats' full `uri-reference`, MIT). */
const URI_REFERENCE =
  /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

const nonEmpty = (name: string, v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? undefined : `${name}: expected a non-empty string, got ${v === undefined ? 'nothing' : show(v)}`);
const optionalNonEmpty = (name: string, v: unknown): string | undefined => (v === undefined || v === null ? undefined : nonEmpty(name, v));

/** What is wrong with a structured CloudEvent (JSON format, version 1.0), or undefined when it is valid. */
export function cloudEventProblem(v: JsonObject): string | undefined {
  if (v.specversion !== '1.0') return `specversion: expected "1.0", got ${v.specversion === undefined ? 'nothing' : show(v.specversion)}`;
  const missing = nonEmpty('id', v.id) ?? nonEmpty('source', v.source) ?? nonEmpty('type', v.type);
  if (missing) return missing;
  if (!isUriReference(v.source as string)) return `source: ${show(v.source)} is not a URI-reference`;
  const optional = optionalNonEmpty('subject', v.subject) ?? optionalNonEmpty('datacontenttype', v.datacontenttype) ?? optionalNonEmpty('dataschema', v.dataschema);
  if (optional) return optional;
  if (v.time !== undefined && v.time !== null) {
    const t = typeof v.time === 'string' ? timeOf(v.time) : 'time: expected an RFC 3339 string';
    if (typeof t === 'string' || t === undefined) return t ?? 'time: empty';
  }
  if (v.data !== undefined && v.data_base64 !== undefined) return 'has both "data" and "data_base64" (only one is allowed)';
  if (v.data_base64 !== undefined && v.data_base64 !== null && typeof v.data_base64 !== 'string') return `data_base64: expected a string, got ${show(v.data_base64)}`;
  for (const key in v) if (!isAttributeName(key) && key !== 'data_base64') return `invalid attribute name ${show(key)}: CloudEvents attribute names are lowercase letters and digits`;
  return undefined;
}

const isJsonType = (t: unknown): boolean => t === undefined || t === null || (typeof t === 'string' && /^application\/([\w.+-]*\+)?json\b|^text\/json\b/i.test(t));

/** The event's payload: `data` (JSON, or text of another content type), or `data_base64` decoded; a problem for base64 that is not base64. */
export function cloudEventPayload(v: JsonObject): Payload | string {
  if (typeof v.data_base64 === 'string') {
    if (!isBase64(v.data_base64)) return 'data_base64: not base64';
    const decoded = decodeBase64Payload(v.data_base64);
    return isJsonType(v.datacontenttype) ? decoded : { data: typeof decoded.data === 'string' ? decoded.data : v.data_base64, contentType: v.datacontenttype as string };
  }
  if (typeof v.data === 'string' && v.datacontenttype !== undefined && isJsonType(v.datacontenttype)) {
    const decoded = decodeTextPayload(v.data);
    return decoded.contentType === 'text/plain' ? 'data: a string that is not JSON, with a JSON content type' : decoded;
  }
  if (!isJsonType(v.datacontenttype)) return { data: v.data, contentType: v.datacontenttype as string };
  return { data: v.data };
}

const OWN_COMMAND = /^purestream\.[^.]+\.command\.(.+)$/;
const OWN_REJECTION = /^purestream\.[^.]+\.rejection$/;

/** Reads one structured CloudEvent as a record. */
function readCloudEvent(v: JsonObject): ReadResult | typeof NEEDS_EXACT {
  const bad = cloudEventProblem(v);
  if (bad) return problem('malformed', `not a valid CloudEvent: ${bad}`);
  const body = cloudEventPayload(v);
  if (typeof body === 'string') return problem('malformed', body);
  const type = v.type as string;
  const time = timeOf(v.time);
  const when = typeof time === 'object' ? { time } : {};
  const ours = (v.source as string).startsWith('/purestream/');
  const command = OWN_COMMAND.exec(type);
  if (command) {
    const batch = readBatch(typeof v.batch === 'string' ? safeJson(v.batch) : v.batch);
    if (typeof batch === 'string') return problem('malformed', batch);
    const at = typeof time === 'object' ? (ours ? time.ms - VIRTUAL_EPOCH_MS : time.ms) : 0;
    return {
      kind: 'command',
      id: v.id as string,
      type: command[1],
      at,
      ...when,
      data: body.data,
      ...(typeof v.actor === 'string' && v.actor !== '' ? { actor: v.actor } : {}),
      ...(batch ? { batch } : {}),
      ...(v.authorize === true ? { authorize: true } : {}),
    };
  }
  if (OWN_REJECTION.test(type)) {
    const d = body.data as Record<string, unknown> | undefined;
    const wrong = typeof d !== 'object' || d === null ? 'data: expected { "commandId", "code" }' : (nonEmpty('data.commandId', d.commandId) ?? nonEmpty('data.code', d.code));
    if (wrong) return problem('malformed', wrong);
    return { kind: 'rejection', commandId: d!.commandId as string, code: d!.code as string, ...when };
  }
  const sequence = positionOf(v.sequence, { holder: v, key: 'sequence' });
  if (sequence === NEEDS_EXACT) return NEEDS_EXACT;
  const causationId = idOf(v.causationid);
  const correlationId = idOf(v.correlationid);
  return {
    kind: 'event',
    id: v.id as string,
    type,
    stream: (typeof v.subject === 'string' ? v.subject : undefined) ?? (v.source as string),
    globalPosition: sequence,
    source: v.source as string,
    ...when,
    data: body.data,
    ...(body.contentType ? { contentType: body.contentType } : {}),
    causationId: typeof causationId === 'string' ? causationId : undefined,
    correlationId: typeof correlationId === 'string' ? correlationId : undefined,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The cloudevents profile. */
export const cloudEventsProfile: Profile = {
  name: 'cloudevents',
  detect: (r) => (r.specversion !== undefined ? 0.95 : 0),
  fields: {
    id: ['/id'],
    type: ['/type'],
    stream: ['/subject', '/source'],
    globalPosition: ['/sequence'],
    source: ['/source'],
    time: ['/time'],
    data: ['/data', '/data_base64'],
    causationId: ['/causationid'],
    correlationId: ['/correlationid'],
  },
  dense: { global: true },
  read: readCloudEvent,
};
