/**
 * NATS over WebSocket in a browser, closed as RFC 6455 asks. nats-core's transport closes its
 * socket with `close()` and no code, so the close frame carries no status; nats-server until
 * December 2024 (nats-io/nats-server#6259; Debian's 2.9 among them) answers such a frame with the
 * reserved status 1005, which Chromium reports as "a broken close frame" (a console error on
 * every Stop of a live read). A close with 1000 (normal closure) is answered with 1000 by every
 * server version.
 *
 * Browser only: nats-core sets the socket's handlers after awaiting the factory, which is safe
 * where WebSocket events are queued as tasks (HTML); Node's WebSocket can fail within the same
 * microtasks (a blocked port), before the handlers are set, so the Node reader keeps `wsconnect`'s
 * own socket (src/sources/node/openSourceReader.ts).
 */
import { wsconnect, type NatsConnection, type WsSocketFactory } from '@nats-io/nats-core';
import { natsOptions } from '../../../../src/sources/nats/natsOptions';
import type { NatsSourceUrl } from '../../../../src/sources/sourceUrl';

/** RFC 6455 §7.4.1: the purpose of the connection has been fulfilled. */
const NORMAL_CLOSURE = 1000;

/** The browser's WebSocket, whose `close()` without a code closes with 1000. */
export const normallyClosingSocket: WsSocketFactory = async (url) => {
  const socket = new WebSocket(url);
  const close = socket.close.bind(socket);
  socket.close = (code = NORMAL_CLOSURE, reason?: string) => close(code, reason);
  return { socket, encrypted: url.startsWith('wss://') };
};

/** Connects to the source's server over WebSocket (`ws://`, `wss://`); the connection closes with status 1000. */
export function connectNatsWebSocket(source: NatsSourceUrl): Promise<NatsConnection> {
  return wsconnect({ ...natsOptions(source), wsFactory: normallyClosingSocket });
}
