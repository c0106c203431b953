/**
 * Live stores and brokers (../../../shared/spec/sources.md): source URLs, where a read starts,
 * the reader interface and the inspection of a source — the parts that run in Node and the
 * browser alike. The readers with their clients are in ./postgres, ./nats and ./kafka (Node:
 * ./node/openSourceReader.ts opens any of them; the browser uses ./nats over WebSocket); the
 * sinks that publish and enact a run on JetStream are in ./sinks.
 */
export * from './types';
export { isSourceUrl, parseSourceUrl, redactUrl, hideSecrets, SourceUrlError, STORE_KINDS, type SourceUrl, type StoreKind, type PostgresSourceUrl, type NatsSourceUrl, type KafkaSourceUrl } from './sourceUrl';
export { parseStartAt, kafkaOffsets, kafkaPosition } from './startAt';
export { inspectSource, sourceProfile, type SourceInspection, type SourceInspectOptions, type SourceProgress } from './inspectSource';
