/**
 * The `axon` profile (an extension of logs.md): rows of Axon Framework's `domain_event_entry`
 * table (the JPA entity's names, `globalIndex`, `eventIdentifier`, …, or the columns Spring's
 * naming makes of them, `global_index`, `event_identifier`, …). The event's type is
 * `payloadType` (the payload's class; `type` is the aggregate's type), its stream the aggregate
 * (`aggregateIdentifier`: unique in the store whatever the aggregate's type), its revision
 * `sequenceNumber` (dense from 0: a missing one is a gap), its global position `globalIndex`
 * (may skip: never a gap). `payload` and `metaData` are JSON (or XML) kept as text: a JSON payload
 * is read as its JSON, an XML one kept as text (`application/xml`). Axon's correlation data
 * (MessageOriginProvider) names in `metaData` the message the event came from, `correlationId`
 * (its causation), and the one that began the flow, `traceId` (its correlation). Pure.
 */
import type { JsonObject, Profile } from './profile';
import { parsedIfJsonText } from './stores';

const has = (r: JsonObject, ...keys: string[]): boolean => keys.every((k) => Object.hasOwn(r, k));

/** The axon profile. */
export const axonProfile: Profile = {
  name: 'axon',
  detect: (r) =>
    has(r, 'eventIdentifier', 'aggregateIdentifier', 'sequenceNumber', 'payloadType') || has(r, 'event_identifier', 'aggregate_identifier', 'sequence_number', 'payload_type')
      ? 1
      : has(r, 'aggregateIdentifier', 'sequenceNumber', 'payloadType') || has(r, 'aggregate_identifier', 'sequence_number', 'payload_type')
        ? 0.8
        : 0,
  // Axon's serializer writes the payload and metaData as text (JSON or XML): read from their text, which is the store's contract, no note
  textColumns: true,
  fields: {
    id: ['/eventIdentifier', '/event_identifier'],
    type: ['/payloadType', '/payload_type'],
    stream: ['/aggregateIdentifier', '/aggregate_identifier'],
    streamPosition: ['/sequenceNumber', '/sequence_number'],
    globalPosition: ['/globalIndex', '/global_index'],
    time: ['/timeStamp', '/time_stamp'],
    data: ['/payload'],
    metadata: ['/metaData', '/meta_data'],
    causationId: ['/metaData/correlationId', '/meta_data/correlationId'],
    correlationId: ['/metaData/traceId', '/meta_data/traceId'],
  },
  dense: { stream: true },
  firstStreamPosition: '0',
  refine: (_r, e) => {
    e.metadata = parsedIfJsonText(e.metadata);
    if (typeof e.data === 'string' && e.data.trimStart().startsWith('<')) e.contentType = 'application/xml';
  },
};
