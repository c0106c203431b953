/** PostgreSQL for integration tests: `initdb` + `pg_ctl` in a temporary folder, on a free loopback port, as the `postgres` user when run as root. */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, freePort, guard, runToEnd } from './processes';

/** Where Debian's postgresql-15 puts its server programs (not on PATH); PG_BINDIR overrides. */
function postgresBinDirs(): string[] {
  if (process.env.PG_BINDIR) return [process.env.PG_BINDIR];
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  } catch {
    // no Debian layout
  }
  // Prefer 15, the version the tests are written against; any other found is still used.
  versions.sort((a, b) => (a === '15' ? -1 : b === '15' ? 1 : 0));
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin`);
}

/** The `initdb` and `pg_ctl` to use, or undefined when PostgreSQL's server programs are not installed. */
export function findPostgres(): { initdb: string; pgCtl: string } | undefined {
  const dirs = postgresBinDirs();
  const initdb = findExecutable('initdb', dirs, Boolean(process.env.PG_BINDIR));
  const pgCtl = findExecutable('pg_ctl', dirs, Boolean(process.env.PG_BINDIR));
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

/** The uid/gid to run PostgreSQL as: the `postgres` user when this process is root (initdb refuses root), else this user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  return { uid, gid };
}

/** The role that must authenticate with a password (every other role is trusted on loopback); tests create it. */
export const PASSWORD_ROLE = 'purestream_password';

/** A running server: `url` is `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth, loopback only). */
export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** pg_hba.conf of a cluster that takes TLS connections only (trusted), and local socket connections (for pg_ctl). */
const onlyTls = 'local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n';

/** Starts a throwaway cluster (fsync off: test data only) on the given port, else a free one, taking TLS connections only when `tls` names a certificate; about a second. */
export async function startPostgres(bin: { initdb: string; pgCtl: string }, wanted: { readonly port?: number; readonly tls?: { readonly cert: string; readonly key: string } } = {}): Promise<PostgresServer> {
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'purestream-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const as = user ? { uid: user.uid, gid: user.gid, cwd: dir } : { cwd: dir };
  const stop = guard(`"${bin.pgCtl}" -D "${data}" -m immediate stop >/dev/null 2>&1; rm -rf "${dir}"`, as);
  try {
    await runToEnd(bin.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], as);
    // one role must give its password (scram-sha-256), so tests can check wrong credentials; every other role is trusted
    const hba = join(data, 'pg_hba.conf');
    writeFileSync(hba, wanted.tls ? onlyTls : `host all ${PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    if (wanted.tls) {
      // the server reads its key only when the key is its own and private
      for (const [from, to] of [[wanted.tls.cert, 'server.crt'], [wanted.tls.key, 'server.key']] as const) {
        writeFileSync(join(data, to), readFileSync(from), { mode: 0o600 });
        if (user) chownSync(join(data, to), user.uid, user.gid);
      }
    }
    const port = wanted.port ?? (await freePort());
    const options = [
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      '-c max_connections=200', // tests open pools of their own
      ...(wanted.tls ? ['-c ssl=on'] : []), // server.crt and server.key in the data folder
    ].join(' ');
    await runToEnd(bin.pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', options, 'start'], as);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: () => stop.release() };
  } catch (error) {
    await stop.release();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
