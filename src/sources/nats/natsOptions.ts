/** The connection options of a NATS source, for any transport (TCP, TLS, WebSocket). */
import type { ConnectionOptions } from '@nats-io/nats-core';
import type { NatsSourceUrl } from '../sourceUrl';
import { readCaFile } from '../node/caFile';

/** Options: the server, credentials, TLS (checked against `ca=` when given, else the system's and NODE_EXTRA_CA_CERTS's authorities); a 5-second connect timeout and a few reconnect attempts (a read ends with its position when they fail). */
export function natsOptions(source: NatsSourceUrl): ConnectionOptions {
  return {
    servers: source.server,
    name: 'purestream',
    timeout: 5000,
    maxReconnectAttempts: 5,
    reconnectTimeWait: 500,
    ...(source.user !== undefined ? { user: source.user, pass: source.password ?? '' } : {}),
    ...(source.token !== undefined ? { token: source.token } : {}),
    ...(source.ca !== undefined ? { tls: { ca: readCaFile(source.ca) } } : source.transport === 'tls' ? { tls: {} } : {}),
  };
}
