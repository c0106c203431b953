/**
 * Why a NATS WebSocket connection failed, found out in Node: the WebSocket error event carries no
 * reason (an empty ConnectionError), so the server's host and port are tried once over TCP and that
 * failure (connection refused, unknown host, timed out) is given instead, for natsConnectFailure to word.
 */
import { connect as tcpConnect } from 'node:net';

/** The reason to report for `error`, a failed connection to `server` (`ws://host:port`): the TCP attempt's error when the WebSocket gave none. */
export async function websocketFailure(server: string, error: unknown): Promise<unknown> {
  if ((error as Error)?.message) return error;
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return error;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
  const tcpError = await new Promise<Error | undefined>((resolve) => {
    const socket = tcpConnect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(new Error('timeout'));
    });
    socket.once('error', (e) => resolve(e));
  });
  // the port answers TCP: something there is not a NATS WebSocket endpoint
  return tcpError ?? new Error('no NATS WebSocket answered there (is it nats-server, with websocket enabled?)');
}
