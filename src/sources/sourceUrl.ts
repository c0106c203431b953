/**
 * Source URLs (sources.md, "Sources"): where `inspect` reads a live store or stream instead of a
 * file. Parsed into a plain description per engine, with every secret kept apart from the text
 * shown to a user (`display` has the password replaced by `***`), so no message, report or
 * recent-connections list ever carries a password. Pure; works in Node and the browser.
 *
 * - `postgres://user[:password]@host[:port]/db?store=emmett|marten|message-db[&schema=S][&stream=ID][&category=C]`
 *   (`postgresql://` too; other query parameters such as `sslmode` go to the driver)
 * - `nats://host:port/STREAM[?subject=FILTER]` (`tls://` for TLS; `ws://`, `wss://` for NATS over
 *   WebSocket, the browser's way in); `user:password@` or `token@` authenticate
 * - `kafka://host:port[,host:port…]/TOPIC[?partition=N][&tls=1]`; `user:password@` uses SASL/PLAIN
 */

import { didYouMeanText } from '../engine/text/didYouMean';
import { redactUrl, splitUserinfo, TOKEN_SCHEME, undecodable } from './urlSecrets';

export { hideSecrets, redactUrl, splitUserinfo, withoutHiddenSecrets } from './urlSecrets';

/** The PostgreSQL event stores `store=` names. */
export type StoreKind = 'emmett' | 'marten' | 'message-db';

/** Every store kind, for messages. */
export const STORE_KINDS: readonly StoreKind[] = ['emmett', 'marten', 'message-db'];

/** What every source URL has. */
interface SourceCommon {
  /** The URL as a user may see it: the password replaced by `***`. */
  readonly display: string;
  readonly user?: string;
  /** Never shown; absent when the URL has none. */
  readonly password?: string;
  /** The password (or NATS token) as the URL spells it, percent-escapes and all: never shown, only hidden from drivers' messages. */
  readonly secretAsTyped?: string;
}

/** A PostgreSQL event store. */
export interface PostgresSourceUrl extends SourceCommon {
  readonly kind: 'postgres';
  readonly store: StoreKind;
  /** The driver's connection string: the URL without Purestream's own parameters (password included). */
  readonly connectionString: string;
  readonly schema?: string;
  readonly stream?: string;
  readonly category?: string;
}

/** A NATS JetStream stream. */
export interface NatsSourceUrl extends SourceCommon {
  readonly kind: 'nats';
  /** `host:port` for the TCP transport, or the `ws://`/`wss://` URL without its path for WebSocket. */
  readonly server: string;
  readonly transport: 'tcp' | 'tls' | 'websocket';
  readonly stream: string;
  readonly subject?: string;
  readonly token?: string;
  /** `ca=PATH`: the PEM file of the certificate authority the server's TLS certificate is checked against (TCP and TLS transports; TLS then required). */
  readonly ca?: string;
}

/** A Kafka topic. */
export interface KafkaSourceUrl extends SourceCommon {
  readonly kind: 'kafka';
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly partition?: number;
  readonly tls: boolean;
  /** `ca=PATH`: the PEM file of the certificate authority the brokers' TLS certificates are checked against (implies `tls`). */
  readonly ca?: string;
}

/** Any source URL. */
export type SourceUrl = PostgresSourceUrl | NatsSourceUrl | KafkaSourceUrl;

/** A source URL that cannot be used, with the reason; `display` hides any password. */
export class SourceUrlError extends Error {
  constructor(
    readonly display: string,
    message: string,
  ) {
    super(message);
  }
}

const SCHEMES: Readonly<Record<string, SourceUrl['kind']>> = { postgres: 'postgres', postgresql: 'postgres', nats: 'nats', tls: 'nats', ws: 'nats', wss: 'nats', kafka: 'kafka' };

/** The schemes Purestream reads, as a message lists them. */
export const SOURCE_SCHEMES_TEXT = Object.keys(SCHEMES).map((s) => `${s}://`).join(', ');

/** The scheme of `text` when it starts `scheme://` (lowercase), else undefined. */
export const urlScheme = (text: string): string | undefined => /^([a-z][a-z0-9+.-]*):\/\//i.exec(text.trim())?.[1].toLowerCase();

/** True when `text` is a source URL rather than a file path (a scheme Purestream reads live). */
export function isSourceUrl(text: string): boolean {
  const scheme = urlScheme(text);
  return scheme !== undefined && Object.hasOwn(SCHEMES, scheme);
}

/** Why `text`, a `scheme://` URL, is not a source (a scheme Purestream does not read); undefined when it is one, or no URL. */
export function notASource(text: string): SourceUrlError | undefined {
  const scheme = urlScheme(text);
  if (scheme === undefined || Object.hasOwn(SCHEMES, scheme)) return undefined;
  return new SourceUrlError(redactUrl(text.trim()), `not a source Purestream reads (${SOURCE_SCHEMES_TEXT})${scheme === 'file' ? '; for a file, give its path' : ''}`);
}

/** The secrets a source holds (password, token: decoded, encoded, and as typed), for {@link hideSecrets}. */
export const secretsOf = (source: SourceUrl): string[] => {
  const secret = source.password ?? (source.kind === 'nats' ? source.token : undefined);
  return [secret, secret !== undefined ? encodeURIComponent(secret) : undefined, source.secretAsTyped].filter((s): s is string => Boolean(s));
};

const NAME = /^[A-Za-z0-9._-]{1,255}$/;

/**
 * Parses a source URL; throws SourceUrlError (naming the URL, password hidden, and what is wrong)
 * when it is not one Purestream can read. The userinfo is read by {@link splitUserinfo}'s rule
 * (the password runs to the last `@` before the host), so an unencoded `@` in a password reads;
 * a `/`, `?` or `#` in it, or a malformed `%` escape, is refused with the reason.
 */
export function parseSourceUrl(text: string): SourceUrl {
  const typed = text.trim();
  const display = redactUrl(typed);
  const userinfo = splitUserinfo(typed);
  let canonical = typed;
  let credentials: { user?: string; password?: string; secretAsTyped?: string } = {};
  if (userinfo !== undefined) {
    const { head, user, password, rest } = userinfo;
    if (password !== undefined && /[/?#]/.test(password)) {
      // `host:port/db?…=a@b`: no password at all, but an @ after the host that reads as the end of one
      const orQuery = /^\d{1,5}[/?#]/.test(password) ? '; without a password, an @ after the host must be %40' : '';
      throw new SourceUrlError(display, `the password has a / ? or # in it, which must be percent-encoded (%2F %3F %23; an @ is %40)${orQuery}`);
    }
    if (/[/?#]/.test(user)) throw new SourceUrlError(display, 'the token has a / ? or # in it, which must be percent-encoded (%2F %3F %23; an @ is %40)');
    const why = undecodable(user, password === undefined && TOKEN_SCHEME.test(head) ? 'the token' : 'the user name') ?? (password !== undefined ? undecodable(password, 'the password') : undefined);
    if (why) throw new SourceUrlError(display, why);
    const secretAsTyped = password ?? (TOKEN_SCHEME.test(head) ? user : undefined);
    credentials = { ...(user !== '' || password !== undefined ? { user: decodeURIComponent(user) } : {}), ...(password !== undefined ? { password: decodeURIComponent(password) } : {}), ...(secretAsTyped ? { secretAsTyped } : {}) };
    // the URL parser gets every userinfo character escaped: what it reads is what the rule above found
    canonical = `${head}${encodeURIComponent(credentials.user ?? '')}${password !== undefined ? `:${encodeURIComponent(credentials.password!)}` : ''}@${rest}`;
  }
  // more Kafka brokers may follow the first (kafka://a:9092,b:9092/TOPIC): the URL parser takes one host
  const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(canonical)?.[1] ?? '';
  const hosts = authority.split(',');
  let url: URL;
  try {
    url = new URL(hosts.length > 1 ? canonical.replace(authority, hosts[0]) : canonical);
  } catch {
    throw new SourceUrlError(display, whyNotAUrl(hosts));
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const kind = Object.hasOwn(SCHEMES, scheme) ? SCHEMES[scheme] : undefined;
  if (!kind) throw notASource(text) ?? new SourceUrlError(display, `not a source Purestream reads (${SOURCE_SCHEMES_TEXT})`);
  if (!url.hostname) throw new SourceUrlError(display, 'no host');
  const { secretAsTyped, ...plain } = credentials;
  const common = { display, ...plain, ...(secretAsTyped ? { secretAsTyped } : {}) };
  const rawPath = url.pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  const pathProblem = undecodable(rawPath, 'the path');
  if (pathProblem) throw new SourceUrlError(display, pathProblem);
  const path = decodeURIComponent(rawPath);
  if (kind === 'postgres') return postgresUrl(url, path, common);
  if (kind === 'nats') return natsUrl(url, scheme, path, common);
  return kafkaUrl(url, path, hosts, common);
}

/** Why the URL parser refused a URL, from its hosts (none of them secret): an empty host, a port that is not a number, else "not a URL". */
function whyNotAUrl(hosts: readonly string[]): string {
  for (const host of hosts) {
    if (host === '') return 'no host';
    const port = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(host)?.[1];
    if (port !== undefined && !(/^\d{0,5}$/.test(port) && Number(port) <= 65535)) return `the port "${port}" of ${host.slice(0, host.length - port.length - 1)} is not a port number (0 to 65535)`;
  }
  return 'not a URL';
}

const OWN_PG_PARAMETERS = ['store', 'schema', 'stream', 'category'];

function postgresUrl(url: URL, database: string, common: SourceCommon): PostgresSourceUrl {
  const store = url.searchParams.get('store');
  if (store === null) throw new SourceUrlError(common.display, `store= is required: ${STORE_KINDS.map((s) => `store=${s}`).join(', ')}`);
  if (!(STORE_KINDS as readonly string[]).includes(store)) throw new SourceUrlError(common.display, `store=${store} is not a store Purestream reads: ${STORE_KINDS.join(', ')}${didYouMeanText(store, STORE_KINDS)}`);
  if (!database) throw new SourceUrlError(common.display, 'no database name in the path (postgres://user@host:port/DATABASE?store=…)');
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(schema)) throw new SourceUrlError(common.display, `schema=${schema} is not a plain PostgreSQL name`);
  const stream = url.searchParams.get('stream') ?? undefined;
  const category = url.searchParams.get('category') ?? undefined;
  if (stream !== undefined && category !== undefined) throw new SourceUrlError(common.display, 'stream= and category=: give one');
  if (category !== undefined && store === 'marten') throw new SourceUrlError(common.display, 'Marten streams have no category: use stream=ID');
  const driver = new URL(url.href);
  for (const p of OWN_PG_PARAMETERS) driver.searchParams.delete(p);
  return {
    kind: 'postgres',
    ...common,
    store: store as StoreKind,
    connectionString: driver.href,
    ...(schema !== undefined ? { schema } : {}),
    ...(stream !== undefined ? { stream } : {}),
    ...(category !== undefined ? { category } : {}),
  };
}

function natsUrl(url: URL, scheme: string, stream: string, common: SourceCommon): NatsSourceUrl {
  // the example in the scheme given: a browser refuses nats:// where ws:// was typed
  if (!stream) throw new SourceUrlError(common.display, `no stream: ${scheme}://host:port/STREAM`);
  if (!NAME.test(stream) || stream.includes('.')) throw new SourceUrlError(common.display, `"${stream}" is not a JetStream stream name (letters, digits, - and _)`);
  const websocket = scheme === 'ws' || scheme === 'wss';
  const port = url.port || (websocket ? (scheme === 'wss' ? '443' : '80') : '4222');
  const subject = url.searchParams.get('subject') ?? undefined;
  if (subject !== undefined && !/^[^\s]+$/.test(subject)) throw new SourceUrlError(common.display, `subject=${subject} is not a NATS subject`);
  // a user without a password is a token (nats://TOKEN@host), as the NATS clients read it
  const token = common.user !== undefined && common.password === undefined ? common.user : undefined;
  const ca = caParameter(url, common);
  if (ca !== undefined && websocket) throw new SourceUrlError(common.display, `ca= is for nats:// and tls://; a ${scheme}:// connection is made by the WebSocket, which trusts the system's certificate authorities`);
  const { user: _user, ...rest } = common;
  return {
    kind: 'nats',
    ...(token === undefined ? common : rest),
    server: websocket ? `${scheme}://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}` : `${url.hostname}:${port}`,
    transport: websocket ? 'websocket' : scheme === 'tls' ? 'tls' : 'tcp',
    stream,
    ...(subject !== undefined ? { subject } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(ca !== undefined ? { ca } : {}),
  };
}

/** `ca=PATH` of a NATS or Kafka URL (an extension of sources.md, as PostgreSQL's `sslrootcert=`): a file path; undefined when absent. */
function caParameter(url: URL, common: SourceCommon): string | undefined {
  const ca = url.searchParams.get('ca');
  if (ca === null) return undefined;
  if (ca.trim() === '') throw new SourceUrlError(common.display, 'ca= names no file: ca=/path/to/ca.pem (the certificate authority, PEM)');
  return ca;
}

function kafkaUrl(url: URL, topic: string, hosts: readonly string[], common: SourceCommon): KafkaSourceUrl {
  if (!topic) throw new SourceUrlError(common.display, 'no topic: kafka://host:port/TOPIC');
  if (!NAME.test(topic)) throw new SourceUrlError(common.display, `"${topic}" is not a Kafka topic name (letters, digits, ., - and _)`);
  const partitionText = url.searchParams.get('partition');
  let partition: number | undefined;
  if (partitionText !== null) {
    if (!/^(0|[1-9][0-9]{0,8})$/.test(partitionText)) throw new SourceUrlError(common.display, `partition=${partitionText} is not a partition number`);
    partition = Number(partitionText);
  }
  const brokers = (hosts.length > 1 ? hosts : [url.host]).map((b) => (/:\d+$/.test(b) ? b : `${b}:9092`));
  const ca = caParameter(url, common);
  const tls = ca !== undefined || ['1', 'true', 'yes'].includes((url.searchParams.get('tls') ?? '').toLowerCase());
  return { kind: 'kafka', ...common, brokers, topic, ...(partition !== undefined ? { partition } : {}), tls, ...(ca !== undefined ? { ca } : {}) };
}
