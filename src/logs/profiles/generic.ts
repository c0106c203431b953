/**
 * The `generic` profile: any JSON object. Common names are tried for each field, in order;
 * the report's `fieldsUsed` says which served (logs.md, "Envelopes"). The payload is `data`,
 * `payload`, `body`, `detail` or, failing those, the whole record. Pure.
 */
import type { Profile } from './profile';

/** The generic profile. */
export const genericProfile: Profile = {
  name: 'generic',
  detect: () => 0.1,
  fields: {
    id: ['/id', '/eventId', '/event_id', '/eventID', '/messageId', '/message_id', '/uuid'],
    type: ['/type', '/eventType', '/event_type', '/eventName', '/event_name', '/event', '/messageType', '/message_type', '/name'],
    stream: ['/stream', '/streamId', '/stream_id', '/streamName', '/stream_name', '/aggregateId', '/aggregate_id', '/aggregateID', '/entityId', '/entity_id', '/subject', '/key'],
    streamPosition: ['/streamPosition', '/stream_position', '/revision', '/version', '/aggregateVersion', '/aggregate_version'],
    globalPosition: ['/globalPosition', '/global_position', '/position', '/seq', '/sequence', '/offset'],
    source: ['/source', '/producer'],
    time: ['/time', '/timestamp', '/created', '/createdAt', '/created_at', '/occurredAt', '/occurred_at', '/at', '/ts', '/date'],
    data: ['/data', '/payload', '/body', '/detail', ''],
    metadata: ['/metadata', '/meta', '/headers'],
    causationId: ['/causationId', '/causation_id', '/metadata/causationId', '/metadata/causation_id', '/meta/causationId'],
    correlationId: ['/correlationId', '/correlation_id', '/metadata/correlationId', '/metadata/correlation_id', '/meta/correlationId'],
  },
};
