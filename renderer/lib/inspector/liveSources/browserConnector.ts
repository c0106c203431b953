/**
 * Live sources a browser can reach: NATS JetStream over WebSocket (nats-server's `websocket`
 * listener), read with the same reader as the command line (src/sources/nats), loaded on first
 * use. Other engines are explained, not offered: a browser cannot open a PostgreSQL or Kafka
 * connection. Recent connections are kept in this browser without any password.
 */
import { parseSourceUrl, SourceUrlError, type SourceUrl } from '../../../../src/sources/sourceUrl';
import { splitUserinfo } from '../../../../src/sources/urlSecrets';
import { parseStartAt } from '../../../../src/sources/startAt';
import { SourceError } from '../../../../src/sources/types';
import type { LiveConnector, LiveSession, LiveSink, RecentConnection } from './liveConnector';

/** Why a source cannot be read in a browser, or undefined when it can. */
export function browserCannotRead(source: SourceUrl): string | undefined {
  if (source.kind === 'nats' && source.transport === 'websocket') return undefined;
  if (source.kind === 'nats') return `${source.display}: a browser reaches NATS only over WebSocket: use ws://host:port/${source.stream} (or wss://), the server's websocket listener`;
  const engine = source.kind === 'postgres' ? 'PostgreSQL' : 'Kafka';
  return `${source.display}: a browser cannot open a ${engine} connection: read it in the desktop app, or with purestream inspect on the command line`;
}

const KEY = 'purestream.recentSources';
const MAX = 10;

/** A URL without any secret (a password; a NATS token). */
export function withoutSecret(url: string): string {
  const u = splitUserinfo(url);
  if (u === undefined) return url;
  return u.password !== undefined ? `${u.head}${u.user}@${u.rest}` : `${u.head}${u.rest}`;
}

function load(storage: Storage | undefined): string[] {
  try {
    const list = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/** The connector of the app in a browser; `storage` keeps the recent connections (localStorage). */
export function browserConnector(storage: Storage | undefined = globalThis.localStorage): LiveConnector {
  const save = (list: string[]) => storage?.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  return {
    kind: 'browser',
    recent: async (): Promise<RecentConnection[]> => load(storage).map((url) => ({ id: url, display: url, hasPassword: false })),
    forget: async (id) => save(load(storage).filter((u) => u !== id)),
    async open(request): Promise<LiveSession> {
      const url = request.url ?? request.recentId;
      if (url === undefined) throw new Error('give a ws:// URL');
      let source: SourceUrl;
      try {
        source = parseSourceUrl(url);
      } catch (e) {
        throw new Error(e instanceof SourceUrlError ? `${e.display}: ${e.message}` : String(e));
      }
      const cannot = browserCannotRead(source);
      if (cannot) throw new Error(cannot);
      const from = parseStartAt(request.from, source);
      if (typeof from === 'string') throw new Error(from);
      const [{ openJetStreamReader }, { connectNatsWebSocket }] = await Promise.all([import('../../../../src/sources/nats/jetstreamReader'), import('./natsWebSocket')]);
      const stop = new AbortController();
      const reader = await openJetStreamReader(source as Extract<SourceUrl, { kind: 'nats' }>, { from, until: request.until, batch: 500, signal: stop.signal }, connectNatsWebSocket).catch((e: unknown) => {
        throw new Error(e instanceof SourceError ? `${e.display}: ${e.message}` : String(e));
      });
      if (request.remember) save([withoutSecret(url), ...load(storage).filter((u) => u !== withoutSecret(url))]);
      return {
        display: source.display,
        profile: reader.profile,
        framing: reader.framing,
        start(sink: LiveSink) {
          void (async () => {
            let records = 0;
            let position: string | undefined;
            let lost: string | undefined;
            try {
              for await (const batch of reader.batches()) {
                records += batch.records.length;
                if (batch.position !== undefined) position = batch.position;
                await sink.batch(batch.records, batch.position, batch.caughtUp);
              }
            } catch (e) {
              lost = e instanceof Error ? e.message : String(e);
            } finally {
              await reader.close();
              sink.end({ records, ...(position !== undefined ? { position } : {}), ...(lost !== undefined ? { lost } : {}) });
            }
          })();
        },
        stop: async () => stop.abort(),
      };
    },
  };
}
