/**
 * Why a TLS connection to a source failed, in words a user can act on (sources.md: connection
 * settings, TLS among them). Node's TLS errors carry OpenSSL's codes
 * (https://nodejs.org/api/tls.html, `tlsSocket.authorizationError`; `ERR_TLS_CERT_ALTNAME_INVALID`
 * from `tls.checkServerIdentity`): a certificate signed by a private CA is the common case, and the
 * fix is to name that CA: `ca=ca.pem` in a NATS or Kafka URL, `sslrootcert=ca.pem` in a PostgreSQL
 * URL (node-postgres reads it, as libpq does), or `NODE_EXTRA_CA_CERTS=ca.pem` for every engine
 * (Node reads it when the process starts; a packaged desktop app ignores it, its Node-options fuse
 * being off).
 */

/** OpenSSL's codes for a certificate chain this process does not trust. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/** The same failures as Node words them, for clients that keep only the message (nats.js, kafkajs). */
const UNTRUSTED_TEXT = /unable to verify the first certificate|unable to get (local )?issuer certificate|self[- ]signed certificate|certificate not trusted/i;

/** The error's code, or its cause's (nats.js and kafkajs wrap the socket's error). */
function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.message === 'string') parts.push(e.message);
  }
  return parts.join(' | ') || String(error);
}

/**
 * One line (starting `cannot connect:`) for a TLS certificate failure, or undefined when `error`
 * is not one. `postgres` adds the URL parameter node-postgres reads a CA from; `tlsAsked` (the URL
 * asked for TLS) reads a connection closed at the TLS hello as a port without TLS.
 */
export function tlsFailure(error: unknown, engine: 'postgres' | 'nats' | 'kafka', tlsAsked = false): string | undefined {
  const code = codeOf(error);
  const message = messageOf(error);
  // a server that is not TLS may also just close the connection at the TLS hello (librdkafka's mock broker does)
  const closedAtHello = tlsAsked && /ECONNRESET|before secure TLS connection/.test(message);
  if ((code !== undefined && UNTRUSTED.has(code)) || UNTRUSTED_TEXT.test(message)) {
    const where = `${engine === 'postgres' ? 'sslrootcert' : 'ca'}=/path/to/ca.pem in the URL, or NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the environment purestream starts in`;
    return `cannot connect: the server's TLS certificate is not signed by a certificate authority this machine trusts (${firstLine(message)}); name its CA with ${where}`;
  }
  if (engine === 'nats' && /server does not support 'tls'/i.test(message)) return "cannot connect: the server does not use TLS; use nats:// instead of tls://";
  if (closedAtHello || /wrong version number|packet length too long|unknown protocol/i.test(message)) {
    const drop = engine === 'kafka' ? 'drop tls=1 (and ca=) from the URL' : engine === 'nats' ? 'use nats:// instead of tls://' : 'drop sslmode from the URL';
    return `cannot connect: the server does not answer in TLS on this port (${opensslReason(message)}); if it is not meant to, ${drop}`;
  }
  if (code === 'CERT_HAS_EXPIRED' || /certificate has expired/i.test(message)) return `cannot connect: the server's TLS certificate has expired (${firstLine(message)})`;
  if (code === 'CERT_NOT_YET_VALID' || /certificate is not yet valid/i.test(message)) return `cannot connect: the server's TLS certificate is not valid yet (check this machine's clock) (${firstLine(message)})`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /does not match certificate's altnames|Hostname\/IP does not match/i.test(message)) {
    return `cannot connect: the server's TLS certificate is not for the host in the URL (${firstLine(message)}); use a host name the certificate names`;
  }
  return undefined;
}

/** OpenSSL's reason in an error line (`…:SSL routines:tls_validate_record_header:wrong version number:…` → `wrong version number`). */
function opensslReason(message: string): string {
  return /(wrong version number|packet length too long|unknown protocol|ECONNRESET|before secure TLS connection was established)/i.exec(message)?.[1] ?? firstLine(message);
}

/** A message's first line, without Node's hint about its own flags (`try running Node.js with --use-system-ca`), which a purestream user cannot act on. */
function firstLine(message: string): string {
  return message
    .split(/\n| \| /)[0]!
    .replace(/; if the root CA is installed locally, try running Node\.js with --use-system-ca/, '')
    .trim();
}
