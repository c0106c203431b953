import { describe, expect, it } from 'vitest';
import { tlsFailure } from '../../../src/sources/tlsTrust';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('tlsFailure: a TLS failure reaching a source, in words a user can act on', () => {
  it('an untrusted chain names where the CA goes (sslrootcert= for PostgreSQL, ca= for NATS and Kafka, NODE_EXTRA_CA_CERTS for every engine), without Node-flag advice', () => {
    const error = withCode('unable to verify the first certificate; if the root CA is installed locally, try running Node.js with --use-system-ca', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(tlsFailure(error, 'postgres')).toBe(
      "cannot connect: the server's TLS certificate is not signed by a certificate authority this machine trusts (unable to verify the first certificate); name its CA with sslrootcert=/path/to/ca.pem in the URL, or NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the environment purestream starts in",
    );
    expect(tlsFailure(error, 'kafka')).toMatch(/name its CA with ca=\/path\/to\/ca\.pem in the URL, or NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem in the environment purestream starts in$/);
  });

  it('reads the code of a wrapped cause, and the message alone where a client keeps only the message', () => {
    expect(tlsFailure(Object.assign(new Error('Connection error'), { cause: withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT') }), 'nats')).toMatch(/^cannot connect: the server's TLS certificate is not signed by a certificate authority this machine trusts/);
    expect(tlsFailure(new Error('Connection error: self-signed certificate in certificate chain'), 'kafka')).toMatch(/not signed by a certificate authority this machine trusts \(Connection error: self-signed certificate in certificate chain\)/);
  });

  it('a port that does not speak TLS (OpenSSL: wrong version number) says what to drop from the URL', () => {
    const error = new Error('Connection error: 406D30E9C37F0000:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:../deps/openssl/openssl/ssl/record/methods/tlsany_meth.c:77:\n');
    expect(tlsFailure(error, 'kafka')).toBe('cannot connect: the server does not answer in TLS on this port (wrong version number); if it is not meant to, drop tls=1 (and ca=) from the URL');
    expect(tlsFailure(error, 'nats')).toMatch(/use nats:\/\/ instead of tls:\/\/$/);
    // a connection closed at the TLS hello is read so only when the URL asked for TLS
    expect(tlsFailure(new Error('Connection error: read ECONNRESET'), 'kafka', true)).toBe('cannot connect: the server does not answer in TLS on this port (ECONNRESET); if it is not meant to, drop tls=1 (and ca=) from the URL');
    expect(tlsFailure(new Error('Connection error: read ECONNRESET'), 'kafka')).toBeUndefined();
    expect(tlsFailure(new Error("server does not support 'tls'"), 'nats')).toBe('cannot connect: the server does not use TLS; use nats:// instead of tls://');
  });

  it('expired, not yet valid, and for another host', () => {
    expect(tlsFailure(withCode('certificate has expired', 'CERT_HAS_EXPIRED'), 'nats')).toBe("cannot connect: the server's TLS certificate has expired (certificate has expired)");
    expect(tlsFailure(withCode('certificate is not yet valid', 'CERT_NOT_YET_VALID'), 'nats')).toMatch(/not valid yet \(check this machine's clock\)/);
    expect(tlsFailure(withCode("Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'postgres')).toBe(
      "cannot connect: the server's TLS certificate is not for the host in the URL (Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list:); use a host name the certificate names",
    );
  });

  it('anything else is not a TLS failure', () => {
    expect(tlsFailure(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'postgres')).toBeUndefined();
    expect(tlsFailure('nope', 'kafka')).toBeUndefined();
  });
});
