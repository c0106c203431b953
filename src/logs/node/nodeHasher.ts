/** Node only: SHA-256 by node:crypto, several times faster than the pure-JS default for a large state. */
import { createHash } from 'node:crypto';
import type { HasherFactory } from '../../engine/report/stateHash';

/** A native SHA-256 text hasher (UTF-8), for `inspectLog`'s `hasher` option. */
export const nodeSha256: HasherFactory = () => {
  const hash = createHash('sha256');
  return { update: (text) => void hash.update(text, 'utf8'), hex: () => hash.digest('hex') };
};
