/**
 * The secrets of a source URL and the text that hides them (sources.md: a password never shows in
 * a message, report or recent-connections list). One rule finds the password wherever a URL is
 * shown, parsed or stored: it is everything between the scheme's `user:` and the last `@` that is
 * followed by a host — so a password typed with an unencoded `@`, `/`, `?` or `#` is still hidden
 * whole, where a URL parser (which ends the authority at the first `/`, `?` or `#`) would show
 * its tail. Pure; works in Node and the browser.
 */

/** A source URL's scheme and userinfo as typed, apart from the rest. */
export interface Userinfo {
  /** `scheme://` as typed. */
  readonly head: string;
  /** The user as typed (percent-encoded or not; may be empty). A NATS URL's user alone is its token. */
  readonly user: string;
  /** The password as typed: everything between `user:` and the `@` before the host. Absent without a `:`. */
  readonly password?: string;
  /** What follows the `@`: the host (or hosts), port, path, query. */
  readonly rest: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*:\/\/)/i;
/** What may follow the `@` that ends a userinfo: a host list (names, IPv4, [IPv6], ports, the commas between Kafka brokers), then the path, query, fragment or the end. */
const HOST_THEN = /^[A-Za-z0-9._~%[\]:,-]*(?:[/?#]|$)/;

/** The schemes whose user without a password is a secret token (NATS: `nats://TOKEN@host`). */
export const TOKEN_SCHEME = /^(?:nats|tls|ws|wss):\/\/$/i;

/**
 * The userinfo of `text` (a `scheme://` URL): the last `@` followed by a host ends it, and its user
 * (up to the first `:`) has no `/`, `?` or `#` (an `@` in a path or query, with no user before it,
 * is no userinfo) unless it is a NATS token. Undefined when the URL has none.
 */
export function splitUserinfo(text: string): Userinfo | undefined {
  const head = SCHEME.exec(text)?.[1];
  if (head === undefined) return undefined;
  const after = text.slice(head.length);
  for (let at = after.lastIndexOf('@'); at >= 0; at = at > 0 ? after.lastIndexOf('@', at - 1) : -1) {
    if (!HOST_THEN.test(after.slice(at + 1))) continue;
    const userinfo = after.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    // (a NATS token is all userinfo: whatever it holds is hidden, and refused when it needs escapes)
    if (/[/?#]/.test(user) && !TOKEN_SCHEME.test(head)) continue;
    return { head, user, ...(colon >= 0 ? { password: userinfo.slice(colon + 1) } : {}), rest: after.slice(at + 1) };
  }
  return undefined;
}

/** The URL parameters that hold a secret. */
const SECRET_PARAMS = 'password|sslpassword|pass|token';

/**
 * `text` with its secrets replaced by `***`: the password (`user:***@`), a NATS token (`***@`),
 * a `password=`-like parameter. Safe on any text, a URL or not.
 */
export function redactUrl(text: string): string {
  const u = splitUserinfo(text);
  let out = text;
  if (u?.password !== undefined) out = `${u.head}${u.user}:***@${u.rest}`;
  else if (u !== undefined && u.user !== '' && TOKEN_SCHEME.test(u.head)) out = `${u.head}***@${u.rest}`;
  return out.replace(new RegExp(`([?&](?:${SECRET_PARAMS})=)[^&#]*`, 'gi'), '$1***');
}

/**
 * A shown URL (`display`: its secrets `***`, as {@link redactUrl} leaves it) with the hidden
 * secrets left out — `user:***@` → `user@`, a token's `***@` and a `password=***` parameter
 * dropped — for a command line the user completes by hand.
 */
export function withoutHiddenSecrets(display: string): string {
  const u = splitUserinfo(display);
  let out = display;
  if (u?.password === '***') out = `${u.head}${u.user ? `${u.user}@` : ''}${u.rest}`;
  else if (u !== undefined && u.password === undefined && u.user === '***') out = `${u.head}${u.rest}`;
  return out.replace(new RegExp(`([?&])(?:${SECRET_PARAMS})=\\*\\*\\*(&|$)`, 'gi'), (_m, sep: string, next: string) => (next ? sep : '')).replace(/\?$/, '');
}

/** `message` with each secret (longer than 2 characters) replaced by `***`: for errors a driver may have built from its settings. */
export function hideSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const s of secrets) if (s && s.length > 2) out = out.split(s).join('***');
  return out;
}

/** Why a userinfo part as typed (`what`: `the password`, `the user name`) cannot be decoded, or undefined when it can. */
export function undecodable(typed: string, what: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(typed)) return `malformed percent-encoding in ${what}: a % must start a %XX escape (a % itself is %25)`;
  try {
    decodeURIComponent(typed);
    return undefined;
  } catch {
    return `malformed percent-encoding in ${what}: its %XX escapes are not UTF-8`;
  }
}

/** `typed` percent-decoded; `typed` itself when it cannot be (see {@link undecodable}). */
export function decodedOr(typed: string): string {
  try {
    return decodeURIComponent(typed);
  } catch {
    return typed;
  }
}
