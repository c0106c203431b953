/**
 * Opens the reader of any source URL in Node, with the ecosystems' standard clients: `pg` for
 * the PostgreSQL stores, `@nats-io/transport-node` (or the WebSocket transport) for JetStream,
 * kafkajs for Kafka. Each client can be replaced (`SourceClients`), e.g. by a test or another
 * driver.
 */
import { connect as natsTcp } from '@nats-io/transport-node';
import { wsconnect } from '@nats-io/nats-core';
import { openKafkaReader } from '../kafka/kafkaReader';
import { connectKafkajs, type KafkaConnect } from '../kafka/kafkaClient';
import { openJetStreamReader, type NatsConnect } from '../nats/jetstreamReader';
import { natsOptions } from '../nats/natsOptions';
import { websocketFailure } from './websocketFailure';
import { openPostgresReader, type PostgresTuning } from '../postgres/postgresReader';
import { connectPg, type PgConnect } from '../postgres/pgSession';
import type { SourceUrl } from '../sourceUrl';
import type { ReadOptions, SourceReader } from '../types';

/** The clients a reader uses; each defaults to the standard one. */
export interface SourceClients {
  readonly postgres?: PgConnect;
  readonly nats?: NatsConnect;
  readonly kafka?: KafkaConnect;
  readonly postgresTuning?: PostgresTuning;
}

/** Connects NATS over TCP/TLS (transport-node) or WebSocket (nats-core's wsconnect; Node has a WebSocket, whose failures {@link websocketFailure} explains). */
export const connectNatsNode: NatsConnect = (source) =>
  source.transport === 'websocket' ? wsconnect(natsOptions(source)).catch(async (error: unknown) => Promise.reject(await websocketFailure(source.server, error))) : natsTcp(natsOptions(source));

/** Opens the reader of `source`; a SourceError (naming the URL, password hidden) when it cannot. */
export function openSourceReader(source: SourceUrl, options: ReadOptions, clients: SourceClients = {}): Promise<SourceReader> {
  switch (source.kind) {
    case 'postgres':
      return openPostgresReader(source, options, clients.postgres ?? connectPg, clients.postgresTuning);
    case 'nats':
      return openJetStreamReader(source, options, clients.nats ?? connectNatsNode);
    case 'kafka':
      return openKafkaReader(source, options, clients.kafka ?? connectKafkajs);
  }
}
