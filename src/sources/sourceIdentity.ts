/**
 * What a source URL reads, apart from how it connects: the engine, the server (its host in
 * lowercase, a loopback name as any other), the database and store, the stream or topic and what
 * narrows it — not the user, the password, TLS settings (`sslmode`, `sslrootcert`, `ca`, `tls`) or
 * the parameters' order. Two URLs with one identity read the same records (a checkpoint's source,
 * ../cli/checkpointFile). Pure.
 */
import type { SourceUrl } from './sourceUrl';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** `host:port` in lowercase, a loopback host as `loopback`. */
function hostKey(host: string, defaultPort: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.toLowerCase());
  const name = m?.[1] ?? host.toLowerCase();
  return `${LOOPBACK.has(name) ? 'loopback' : name}:${m?.[2] ?? defaultPort}`;
}

/** The identity of what `source` reads, as one string. */
export function sourceIdentity(source: SourceUrl): string {
  switch (source.kind) {
    case 'postgres': {
      const url = new URL(source.connectionString);
      const database = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
      return JSON.stringify(['postgres', hostKey(url.host, '5432'), database, source.store, source.schema ?? null, source.stream ?? null, source.category ?? null]);
    }
    case 'nats': {
      const server = source.transport === 'websocket' ? source.server.replace(/^wss?:\/\//, '') : source.server;
      return JSON.stringify(['nats', hostKey(server, '4222'), source.stream, source.subject ?? null]);
    }
    case 'kafka':
      return JSON.stringify(['kafka', [...source.brokers].map((b) => hostKey(b, '9092')).sort(), source.topic, source.partition ?? null]);
  }
}
