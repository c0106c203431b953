/**
 * How a store's records name their stream and revision (README, "Streams that began before the
 * read"), as plain data — so a reader in another process (the desktop app's logs worker, its
 * store read in the main process) tells a stream met past its start exactly as the store's own
 * reader does (./postgres/earlierEvents). Pure.
 */
import type { EarlierEvents } from './types';

/** The columns that name a record's stream, its revision and what scopes it, and a stream's first revision. */
export interface StreamNaming {
  readonly stream: string;
  readonly revision: string;
  /** Columns that, with the stream column, identify a stream (Emmett's `partition`, Marten's `tenant_id`), those the table has. */
  readonly scope: readonly string[];
  /** A stream's first revision, as decimal text. */
  readonly first: string;
}

/** A value read as exact decimal text (positions come as text; numbers as the store gave them), or undefined. */
export const positionText = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined);

/** The record's stream as `naming` says (EarlierEvents' `streamOf`). */
export function streamOfRecord(naming: StreamNaming): EarlierEvents['streamOf'] {
  const first = BigInt(naming.first);
  return (record) => {
    const r = record as Record<string, unknown>;
    const stream = positionText(r[naming.stream]);
    const revision = positionText(r[naming.revision]);
    if (stream === undefined || revision === undefined || !/^\d+$/.test(revision)) return undefined;
    return { key: JSON.stringify([stream, ...naming.scope.map((c) => r[c] ?? null)]), name: stream, pastFirst: BigInt(revision) > first };
  };
}
