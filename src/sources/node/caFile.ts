/** The certificate authority file a source URL's `ca=` names (NATS, Kafka; PostgreSQL's is `sslrootcert=`, read by its driver). */
import { readFileSync } from 'node:fs';

/** The file's PEM text; throws one line naming the file when it cannot be read or holds no certificate. */
export function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message;
    throw new Error(`cannot read the certificate authority file ca=${path} (${why})`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`the certificate authority file ca=${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return text;
}
