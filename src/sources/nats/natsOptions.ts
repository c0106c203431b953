/** The connection options of a NATS source, for any transport (TCP, TLS, WebSocket). */
import type { ConnectionOptions } from '@nats-io/nats-core';
import type { NatsSourceUrl } from '../sourceUrl';

/** Options: the server, credentials, TLS; a 5-second connect timeout and a few reconnect attempts (a read ends with its position when they fail). */
export function natsOptions(source: NatsSourceUrl): ConnectionOptions {
  return {
    servers: source.server,
    name: 'purestream',
    timeout: 5000,
    maxReconnectAttempts: 5,
    reconnectTimeWait: 500,
    ...(source.user !== undefined ? { user: source.user, pass: source.password ?? '' } : {}),
    ...(source.token !== undefined ? { token: source.token } : {}),
    ...(source.transport === 'tls' ? { tls: {} } : {}),
  };
}
