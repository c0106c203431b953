/**
 * A private certificate authority and a server certificate it signed, for `localhost` only (so
 * `127.0.0.1` is a host it does not name), made with the `openssl` command line in a temporary folder (tests of TLS sources:
 * the servers present the certificate, the clients trust the CA only when told to).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths of the PEM files: `ca` (the authority's certificate), `cert` and `key` (the server's). */
export interface TlsFiles {
  readonly dir: string;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  remove(): void;
}

/** Makes the files (a few hundred ms); throws naming `openssl` when it is not installed. */
export function makeTlsFiles(): TlsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-tls-'));
  const at = (name: string) => join(dir, name);
  const openssl = (args: string[]) => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      throw new Error(`openssl failed (apt-get install -y openssl): ${(error as Error).message.split('\n')[0]}`);
    }
  };
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=Purestream test CA']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=localhost']);
  writeFileSync(at('ext.cnf'), 'subjectAltName=DNS:localhost\n');
  openssl(['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.pem'), '-days', '2', '-extfile', at('ext.cnf')]);
  chmodSync(at('server.key'), 0o600);
  return { dir, ca: at('ca.pem'), cert: at('server.pem'), key: at('server.key'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
