/**
 * Profiles of event stores' rows and records, as field maps (logs.md, "Envelopes"):
 * - `kurrentdb`: EventStoreDB/KurrentDB — the HTTP write format (`eventId`, `eventType`,
 *   `data`, `metadata`), AtomPub entries (`eventStreamId`, `eventNumber`, under `content` in
 *   the full entry) and client JSON (`streamId`, `revision`, `type`, `created`, `position`);
 *   `$correlationId`/`$causationId` from metadata; `$`-types are system events.
 * - `emmett`: rows of Emmett's PostgreSQL `emt_messages`; only `message_kind` `E` rows are events.
 * - `marten`: rows of Marten's `mt_events`.
 * - `message-db`: rows of Message DB's `messages` (`time` is UTC by contract though written
 *   without a zone); causation from `causationMessageStreamName` + `causationMessagePosition`.
 * Stream revisions are dense (a missing number is a gap); store-wide global positions may skip.
 */
import type { JsonObject, MutableEvent, Profile } from './profile';

const has = (r: JsonObject, ...keys: string[]): boolean => keys.every((k) => Object.hasOwn(r, k));
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON object kept as text in a column or attribute, parsed; anything else as it is. */
export function parsedIfJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const c = value.charCodeAt(0);
  if (c !== 123 && c !== 91) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A row's JSON columns exported as text (CSV, `psql` text output), parsed. */
function parseColumns(e: MutableEvent): void {
  e.data = parsedIfJsonText(e.data);
  e.metadata = parsedIfJsonText(e.metadata);
}

/** The members of KurrentDB's HTTP write format (anything else is another producer's record). */
const HTTP_WRITE_KEYS = new Set(['eventId', 'eventType', 'data', 'metadata', 'isJson']);

/** The kurrentdb profile. */
export const kurrentDbProfile: Profile = {
  name: 'kurrentdb',
  detect: (r) =>
    has(r, 'eventStreamId', 'eventNumber') || has(r, 'eventId', 'eventType', 'eventNumber') || (isObject(r.content) && has(r.content, 'eventStreamId', 'eventNumber'))
      ? 1
      : has(r, 'eventId', 'eventType') && Object.keys(r).every((k) => HTTP_WRITE_KEYS.has(k))
        ? 0.9
        : has(r, 'streamId', 'revision', 'type')
          ? 0.8
          : 0,
  fields: {
    id: ['/eventId', '/content/eventId', '/id'],
    type: ['/eventType', '/content/eventType', '/type'],
    stream: ['/eventStreamId', '/content/eventStreamId', '/streamId', '/positionStreamId'],
    streamPosition: ['/eventNumber', '/content/eventNumber', '/revision', '/positionEventNumber'],
    globalPosition: ['/position/commit', '/commitPosition'],
    time: ['/created', '/updated'],
    data: ['/data', '/content/data'],
    metadata: ['/metadata', '/metaData', '/content/metadata', '/content/metaData'],
    causationId: ['/metadata/$causationId', '/metaData/$causationId', '/content/metadata/$causationId', '/content/metaData/$causationId'],
    correlationId: ['/metadata/$correlationId', '/metaData/$correlationId', '/content/metadata/$correlationId', '/content/metaData/$correlationId'],
  },
  dense: { stream: true },
  textColumns: true,
  firstStreamPosition: '0',
  refine: (_r, e) => {
    e.data = parsedIfJsonText(e.data);
    e.metadata = parsedIfJsonText(e.metadata);
    if (e.type?.startsWith('$')) e.kind = 'system';
  },
};

/** The emmett profile. */
export const emmettProfile: Profile = {
  name: 'emmett',
  detect: (r) => (has(r, 'stream_id', 'message_type', 'global_position') ? 1 : has(r, 'stream_id', 'message_type') ? 0.8 : 0),
  fields: {
    id: ['/message_id'],
    type: ['/message_type'],
    stream: ['/stream_id'],
    streamPosition: ['/stream_position'],
    globalPosition: ['/global_position'],
    time: ['/created'],
    data: ['/message_data'],
    metadata: ['/message_metadata'],
    causationId: ['/message_metadata/causationId'],
    correlationId: ['/message_metadata/correlationId'],
  },
  dense: { stream: true },
  textColumns: true,
  firstStreamPosition: '1',
  refine: (r, e) => {
    parseColumns(e);
    if (r.is_archived === true) e.archived = true;
    if (r.message_kind !== undefined && r.message_kind !== 'E') e.kind = 'other';
  },
};

/** Marten's tenant of a single-tenant store (`tenant_id`'s default). */
const DEFAULT_TENANT = '*DEFAULT*';

/**
 * The marten profile. Under conjoined tenancy a stream is identified by its tenant and its id
 * (the same stream id and versions may exist under each tenant): a record of another tenant than
 * `*DEFAULT*` is read into the stream `<tenant_id>/<stream_id>`, its tenant kept as `tenant`.
 */
export const martenProfile: Profile = {
  name: 'marten',
  detect: (r) => (has(r, 'seq_id', 'stream_id', 'version', 'type') ? 1 : has(r, 'seq_id', 'version', 'type') ? 0.8 : 0),
  fields: {
    id: ['/id'],
    type: ['/type'],
    stream: ['/stream_id', '/stream_key'],
    streamPosition: ['/version'],
    globalPosition: ['/seq_id'],
    time: ['/timestamp'],
    data: ['/data'],
    metadata: ['/headers'],
    causationId: ['/causation_id'],
    correlationId: ['/correlation_id'],
  },
  dense: { stream: true },
  textColumns: true,
  firstStreamPosition: '1',
  scoped: { stream: '/tenant_id + "/" + /stream_id (or /stream_key)' },
  refine: (r, e) => {
    parseColumns(e);
    if (r.is_archived === true) e.archived = true;
    const tenant = r.tenant_id;
    if (typeof tenant === 'string' && tenant !== '' && tenant !== DEFAULT_TENANT && e.stream !== undefined) {
      e.tenant = tenant;
      e.stream = `${tenant}/${e.stream}`;
    }
  },
};

/** The message-db profile. */
export const messageDbProfile: Profile = {
  name: 'message-db',
  detect: (r) => (has(r, 'stream_name', 'global_position', 'position') ? 1 : has(r, 'stream_name', 'position', 'type') ? 0.8 : 0),
  fields: {
    id: ['/id'],
    type: ['/type'],
    stream: ['/stream_name'],
    streamPosition: ['/position'],
    globalPosition: ['/global_position'],
    time: ['/time'],
    data: ['/data'],
    metadata: ['/metadata'],
    correlationId: ['/metadata/correlationStreamName'],
  },
  derived: { causationId: '/metadata/causationMessageStreamName + "/" + /metadata/causationMessagePosition' },
  dense: { stream: true },
  textColumns: true,
  firstStreamPosition: '0',
  utcWithoutZone: true,
  refine: (_r, e) => {
    parseColumns(e);
    if (e.stream !== undefined && e.streamPosition !== undefined) e.address = `${e.stream}/${e.streamPosition}`;
    const m = isObject(e.metadata) ? e.metadata : undefined;
    const stream = m?.causationMessageStreamName;
    const position = m?.causationMessagePosition;
    if (typeof stream === 'string' && (typeof position === 'number' || typeof position === 'string')) e.causationId = `${stream}/${String(position)}`;
  },
};
