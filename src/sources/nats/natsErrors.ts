/** One-line reasons for what goes wrong reaching a JetStream stream: the server, the credentials, JetStream, the stream. */
import type { JetStreamManager } from '@nats-io/jetstream';
import { tlsFailure } from '../tlsTrust';
import { reasonOf } from '../types';

/** Why connecting failed, in words a user can act on. */
export function natsConnectFailure(error: unknown): string {
  const reason = reasonOf(error);
  const name = (error as Error)?.name ?? '';
  const tls = tlsFailure(error, 'nats');
  if (tls) return tls;
  if (/refused/i.test(reason)) return 'cannot connect: connection refused (is nats-server running there?)';
  if (/authoriz|authenticat/i.test(reason) || /Authorization/.test(name)) return `cannot connect: the server refused the credentials (${reason})`;
  if (/ENOTFOUND|EAI_AGAIN/.test(reason)) return 'cannot connect: unknown host';
  if (/timeout/i.test(reason) || /Timeout/.test(name)) return 'cannot connect: timed out';
  // a WebSocket's failure carries no reason (the browser's never does): say what to check
  if (name === 'ConnectionError' && !(error as Error).message) return 'cannot connect: no NATS WebSocket answered there (is nats-server running there, with websocket enabled?)';
  return `cannot connect: ${reason}`;
}

/** Why a stream could not be opened: it does not exist (the server's streams listed), JetStream is off, or the server's reason. */
export async function streamNotFound(error: Error, jsm: JetStreamManager, stream: string): Promise<string> {
  const reason = reasonOf(error);
  if (/not found/i.test(reason) || error.name === 'StreamNotFoundError') {
    const names: string[] = [];
    try {
      for await (const name of jsm.streams.names()) {
        names.push(name);
        if (names.length > 20) break;
      }
    } catch {
      // the list is only a hint
    }
    return `no stream ${stream} on this server${names.length ? ` (streams: ${names.slice(0, 20).sort().join(', ')}${names.length > 20 ? ', …' : ''})` : ' (it has no streams)'}`;
  }
  if (/jetstream not enabled|503/i.test(reason)) return 'JetStream is not enabled on this server (nats-server -js)';
  return reason;
}
