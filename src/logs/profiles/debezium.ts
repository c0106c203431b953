/**
 * The `debezium` profile (logs.md, "Envelopes"): change events, plain, `{schema, payload}`,
 * CloudEvents-wrapped, or the value of a Kafka message (`kcat -J` records, a live Kafka read):
 * stream = `<schema or db>.<table>/<key>`, type = the operation (`create`, `update`, `delete`,
 * `read`, `truncate`, `message` for `op` c, u, d, r, t, m). On Kafka, `source` and
 * `globalPosition` are the message's topic-partition and offset (as under the kafka profile), and
 * a message without a value is a tombstone (counted, not an event). A change event has no id of its
 * own (only a CloudEvent wrapping one has): a row's id is every change's of that row.
 *
 * `prepare` reads the change event into members of its own, under the envelope's shape
 * (`/plain/type`, `/kafka/type`, …); `pointerNames` says what each reads in the record as
 * written (`/op`, `/payload/op`, …), which is what `fieldsUsed` names. A delete row whose type a
 * map's pointer cannot find (an outbox row's deletion: `after` is null) is the row's deletion,
 * not an event of the log: counted apart (`otherRecords`), like a store's other messages. Pure.
 */
import { numberText, numberTextSupported } from '../json/exactJson';
import { formatUtc, timeOfEpochDigits } from '../json/logTime';
import { NEEDS_EXACT, type CommonField, type JsonObject, type Profile } from './profile';
import { kafkaProfile } from './transports';

const has = (r: JsonObject, ...keys: string[]): boolean => keys.every((k) => Object.hasOwn(r, k));
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const OPERATIONS: Readonly<Record<string, string>> = { c: 'create', u: 'update', d: 'delete', r: 'read', t: 'truncate', m: 'message' };

/** The shapes a change event comes in, each the member of the prepared record its reading is kept under, and where its envelope is. */
const SHAPES = {
  plain: { envelope: '' },
  schema: { envelope: '/payload' },
  cloudevents: { envelope: '/data' },
  kafka: { envelope: '/payload' },
  kafkaSchema: { envelope: '/payload/payload' },
} as const;
type Shape = keyof typeof SHAPES;

/** The members a shape's reading has, per common field. */
const MEMBERS: Readonly<Partial<Record<CommonField, readonly string[]>>> = {
  id: ['id'],
  type: ['type'],
  stream: ['stream'],
  // the connector's log position (PostgreSQL's lsn, MySQL's binlog pos, SQL Server's change_lsn), or on Kafka the offset
  globalPosition: ['lsn', 'pos', 'change_lsn', 'offset'],
  source: ['origin'],
  time: ['time'],
  data: ['data'],
  metadata: ['metadata'],
};

/** What each member of a shape's reading is in the record as written. */
function namesOf(shape: Shape): Record<string, string> {
  const e = SHAPES[shape].envelope;
  const ce = shape === 'cloudevents';
  const kafka = shape === 'kafka' || shape === 'kafkaSchema';
  return {
    id: '/id',
    type: ce ? '/iodebeziumop' : `${e}/op`,
    stream: ce ? '/iodebeziumschema (or /iodebeziumdb) + "." + /iodebeziumtable + "/" + the row key' : `${e}/source/schema (or db) + "." + ${e}/source/table + "/" + the row key`,
    lsn: `${e}/source/lsn`,
    pos: `${e}/source/pos`,
    change_lsn: `${e}/source/change_lsn`,
    offset: '/offset',
    origin: kafka ? '/topic + "-" + /partition' : ce ? '/source' : `${e}/source/name`,
    time: ce ? '/time' : `${e}/ts_ms (or ts_us, ts_ns, source/ts_ms)${kafka ? ', else /ts' : ''}`,
    data: `${e}/after (${e}/before of a delete)`,
    metadata: `${e}/before + ${e}/after + ${e}/source`,
  };
}

const SHAPE_NAMES = Object.keys(SHAPES) as Shape[];
const FIELDS = Object.fromEntries(Object.entries(MEMBERS).map(([field, members]) => [field, SHAPE_NAMES.flatMap((s) => members.map((m) => `/${s}/${m}`))])) as Profile['fields'];
const NAMES: Record<string, string> = Object.fromEntries(SHAPE_NAMES.flatMap((s) => Object.entries(namesOf(s)).map(([member, name]) => [`/${s}/${member}`, name])));

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

/** A change event envelope: `op`, `before` or `after`, a `source` block. */
const isChange = (v: unknown): boolean => isObject(v) && typeof v.op === 'string' && (has(v, 'before') || has(v, 'after')) && isObject(v.source);

/** The change event of a record and its shape, or undefined when it holds none. */
function changeOf(r: JsonObject): { shape: Shape; v: JsonObject } | undefined {
  if (isChange(r)) return { shape: 'plain', v: r };
  if (has(r, 'schema') && isChange(r.payload)) return { shape: 'schema', v: r.payload as JsonObject };
  return undefined;
}

/** A Kafka message's value (`kcat -J`'s `payload` or Lambda MSK's base64 `value`, read as the kafka profile reads it): null for a tombstone. */
const messageValue = (r: JsonObject): unknown => (kafkaProfile.prepare!(r) as JsonObject).payload ?? null;

const isMessage = (r: JsonObject): boolean => has(r, 'topic', 'partition', 'offset');

/** What a Kafka message holds: a change event, nothing (a tombstone), or something else. */
export function messageHolds(r: JsonObject): 'change' | 'tombstone' | 'other' {
  const value = messageValue(r);
  if (value === null) return 'tombstone';
  return isChange(value) || (isObject(value) && has(value, 'schema') && isChange(value.payload)) ? 'change' : 'other';
}

/** Reads a change event into the members of its shape. */
function reading(v: JsonObject, at: { op: string; table: unknown; scope: unknown; time: unknown; id: unknown; offset: unknown; origin: unknown }): JsonObject | typeof NEEDS_EXACT {
  const source = isObject(v.source) ? v.source : {};
  const deleted = at.op === 'd';
  const row = deleted ? v.before : v.after;
  const key = rowKey(row) ?? rowKey(deleted ? v.after : v.before);
  // the change's time at its finest: ts_ns, ts_us, else ts_ms (of the envelope, else of the source)
  const exact = at.time ?? epochTime(v, 'ts_ns', 'ns') ?? epochTime(v, 'ts_us', 'us') ?? epochTime(v, 'ts_ms', 'ms') ?? epochTime(source, 'ts_ms', 'ms');
  if (exact === NEEDS_EXACT) return NEEDS_EXACT;
  const table = String(at.table ?? source.table ?? source.collection ?? 'table');
  const scope = at.scope ?? source.schema ?? source.db;
  return {
    id: at.id,
    type: OPERATIONS[at.op] ?? at.op,
    stream: `${scope !== undefined && scope !== null ? `${String(scope)}.` : ''}${table}${key === undefined ? '' : `/${key}`}`,
    ...(at.offset !== undefined ? { offset: at.offset } : { lsn: source.lsn, pos: source.pos, change_lsn: source.change_lsn }),
    origin: at.origin ?? source.name,
    time: exact,
    data: row ?? null,
    metadata: { before: v.before ?? null, after: v.after ?? null, source, ...(v.transaction ? { transaction: v.transaction } : {}) },
  };
}

/** The debezium profile. */
export const debeziumProfile: Profile = {
  name: 'debezium',
  detect: (r) => {
    if (typeof r.iodebeziumop === 'string') return 1;
    // a tombstone (Debezium writes one after each delete) fits too: a sample of change events and tombstones ties with the kafka profile, and this one, listed first, wins
    if (isMessage(r)) return messageHolds(r) === 'other' ? 0 : 1;
    return changeOf(r) !== undefined ? 1 : 0;
  },
  // a sample of tombstones only (the head of a compacted topic) is any topic's: kafka reads it
  shows: (r) => !isMessage(r) || messageHolds(r) === 'change',
  prepare: (r) => {
    if (typeof r.iodebeziumop === 'string') {
      const v = isObject(r.data) ? (isObject(r.data.payload) && has(r.data, 'schema') ? r.data.payload : r.data) : {};
      const read = reading(v, { op: r.iodebeziumop, table: r.iodebeziumtable, scope: r.iodebeziumschema ?? r.iodebeziumdb, time: r.time, id: r.id, offset: undefined, origin: r.source });
      return read === NEEDS_EXACT ? read : { op: r.iodebeziumop, cloudevents: read };
    }
    if (isMessage(r)) {
      // a Kafka message: its value is the change event (kafka's own reading gives its headers and key as text)
      const message = kafkaProfile.prepare!(r) as JsonObject;
      const value = message.payload;
      const origin = `${String(r.topic)}-${String(r.partition)}`;
      const headers = isObject(message.headers) ? message.headers : undefined;
      if (value === null || value === undefined) return { tombstone: true, kafka: { origin, offset: r.offset } };
      const wrapped = isObject(value) && has(value, 'schema') && isChange(value.payload);
      const v = (wrapped ? (value as JsonObject).payload : value) as JsonObject;
      if (!isChange(v)) return { kafka: { origin, offset: r.offset } };
      const read = reading(v, { op: v.op as string, table: undefined, scope: undefined, time: undefined, id: undefined, offset: r.offset, origin });
      if (read === NEEDS_EXACT) return read;
      // what a redelivery repeats: the message's key, value and headers, not its offset
      const content = JSON.stringify([message.key ?? null, r.payload ?? r.value ?? null, headers ?? null]);
      return { op: v.op, content, [wrapped ? 'kafkaSchema' : 'kafka']: read.time === undefined && r.ts !== undefined ? { ...read, time: r.ts } : read };
    }
    const change = changeOf(r);
    if (!change) return {};
    const read = reading(change.v, { op: String(change.v.op), table: undefined, scope: undefined, time: undefined, id: undefined, offset: undefined, origin: undefined });
    return read === NEEDS_EXACT ? read : { op: change.v.op, [change.shape]: read };
  },
  fields: FIELDS,
  pointerNames: NAMES,
  refine: (r, e) => {
    if (r.tombstone === true) {
      e.kind = 'tombstone';
      return;
    }
    if (typeof r.content === 'string') e.content = r.content;
    // a deletion whose type the map's pointer cannot find (an outbox row deleted after it was sent): the row's, not an event
    if ((e.type === undefined || e.type === '') && r.op === 'd') {
      e.type = 'delete';
      e.kind = 'other';
    }
  },
};
