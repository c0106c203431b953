/**
 * The desktop app's recent connections to live sources (sources.md: connection settings live in
 * the app's settings, never in a workspace or scenario file; passwords in the desktop's secure
 * storage). Plain functions over a list kept in the app's data folder: each entry is the URL
 * without its password or token, and the secret apart, encrypted by the operating system's
 * store (Electron's safeStorage). The renderer only ever sees ids and URLs with `***`.
 */
import { randomUUID } from 'node:crypto';
import type { RecentSource } from '../preload/api';
import { parseSourceUrl } from '../sources/sourceUrl';
import { decodedOr, splitUserinfo, TOKEN_SCHEME } from '../sources/urlSecrets';

/** The operating system's secret store (Electron's safeStorage). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** One saved connection. */
export interface SavedConnection {
  readonly id: string;
  /** The URL without password or token. */
  readonly url: string;
  /** The password (or token), encrypted by the SecretBox, base64; absent when there is none or it could not be kept safely. */
  readonly secret?: string;
  readonly lastUsed: number;
}


/** Connections kept. */
export const MAX_CONNECTIONS = 20;

/** The saved list from its file's text; anything malformed is dropped. */
export function parseConnections(text: string): SavedConnection[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is SavedConnection =>
      typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.url === 'string' && typeof c.lastUsed === 'number' && (c.secret === undefined || typeof c.secret === 'string'),
  );
}

/** `url` split into the URL without its secret and the secret (a password, or a NATS token), by the rule every URL is read with (../sources/urlSecrets). */
export function splitSecret(url: string): { url: string; secret?: string } {
  const u = splitUserinfo(url);
  if (u === undefined) return { url };
  if (u.password === undefined) {
    // a NATS URL with a user alone carries a token
    if (!TOKEN_SCHEME.test(u.head) || u.user === '') return { url };
    return { url: `${u.head}${u.rest}`, secret: `token:${decodedOr(u.user)}` };
  }
  // the user re-encoded: the URL kept has no @ but the one before the host
  return { url: `${u.head}${encodeURIComponent(decodedOr(u.user))}@${u.rest}`, secret: decodedOr(u.password) };
}

/** `url` (without secret) with its secret put back. */
export function joinSecret(url: string, secret: string | undefined): string {
  if (secret === undefined) return url;
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^@/?#]*)@)?/i.exec(url)!;
  if (secret.startsWith('token:')) return `${m[1]}${encodeURIComponent(secret.slice(6))}@${url.slice(m[0].length)}`;
  return `${m[1]}${m[2] ?? ''}:${encodeURIComponent(secret)}@${url.slice(m[0].length)}`;
}

/**
 * The list after a connection to `url` was used: moved (or added) to the front, its secret
 * encrypted when the box can, else not kept (`secretKept` says which). Throws for a URL that is
 * not a source.
 */
export function rememberConnection(list: readonly SavedConnection[], url: string, box: SecretBox, now: number): { list: SavedConnection[]; id: string; secretKept: boolean } {
  parseSourceUrl(url);
  const { url: bare, secret } = splitSecret(url);
  const earlier = list.find((c) => c.url === bare);
  const id = earlier?.id ?? randomUUID();
  const canKeep = secret !== undefined && box.isEncryptionAvailable();
  const kept = canKeep ? box.encryptString(secret).toString('base64') : secret === undefined ? earlier?.secret : undefined;
  const entry: SavedConnection = { id, url: bare, ...(kept !== undefined ? { secret: kept } : {}), lastUsed: now };
  return { list: [entry, ...list.filter((c) => c.id !== id)].slice(0, MAX_CONNECTIONS), id, secretKept: secret === undefined || canKeep };
}

/** The full URL of a saved connection (its secret decrypted), or undefined when the secret cannot be read back. */
export function connectionUrl(saved: SavedConnection, box: SecretBox): string | undefined {
  if (saved.secret === undefined) return saved.url;
  try {
    return joinSecret(saved.url, box.decryptString(Buffer.from(saved.secret, 'base64')));
  } catch {
    return undefined;
  }
}

/** The list as the renderer sees it: ids and URLs with `***` where a secret is kept. */
export function recentSources(list: readonly SavedConnection[]): RecentSource[] {
  return list.map((c) => ({ id: c.id, display: c.secret !== undefined ? withStars(c.url) : c.url, hasPassword: c.secret !== undefined }));
}

/** A URL without its secret shown with `***` in its place: `user:***@` after a user, else `***@` (a token). */
function withStars(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^@/?#]*)@)?/i.exec(url)!;
  return `${m[1]}${m[2] !== undefined ? `${m[2]}:***` : '***'}@${url.slice(m[0].length)}`;
}

/** The saved connections of the app, kept in memory and written to its file after each change. */
export class ConnectionList {
  private list: SavedConnection[] = [];

  constructor(
    private readonly box: SecretBox,
    /** Writes the list's text (the app's data folder; atomic). */
    private readonly write: (text: string) => Promise<unknown>,
    text = '[]',
  ) {
    this.list = parseConnections(text);
  }

  /** The list as the renderer sees it. */
  recent(): RecentSource[] {
    return recentSources(this.list);
  }

  /** The full URL of a saved connection, or why it cannot be used. */
  url(id: string): string | { readonly error: string } {
    const saved = this.list.find((c) => c.id === id);
    if (!saved) return { error: 'that connection is no longer saved' };
    return connectionUrl(saved, this.box) ?? { error: `${saved.url}: its saved password cannot be read back from this system's secure storage; connect with the password again` };
  }

  /** Remembers a URL used; its password is kept only in the secure storage. */
  remember(url: string): { readonly secretKept: boolean } {
    const { list, secretKept } = rememberConnection(this.list, url, this.box, Date.now());
    this.list = list;
    void this.write(JSON.stringify(this.list));
    return { secretKept };
  }

  /** Forgets a saved connection and its password. */
  forget(id: unknown): void {
    if (typeof id !== 'string') return;
    this.list = this.list.filter((c) => c.id !== id);
    void this.write(JSON.stringify(this.list));
  }
}
