/** Reading a source URL in a test: the same path as `inspect URL` (parse, open the reader, inspect), with its options. */
import type { InspectionReport } from '../../../src/logs/types';
import { inspectSource, type SourceInspection } from '../../../src/sources/inspectSource';
import { openSourceReader, type SourceClients } from '../../../src/sources/node/openSourceReader';
import { parseSourceUrl } from '../../../src/sources/sourceUrl';
import { parseStartAt } from '../../../src/sources/startAt';
import type { ReadOptions, SourceBatch } from '../../../src/sources/types';
import type { AnyDomainModule } from '../../../domain/kernel';

/** Options of a test read: `--from`, `--until`, `--batch` and the rest. */
export interface TestRead {
  readonly from?: string;
  readonly until?: ReadOptions['until'];
  readonly batch?: number;
  readonly signal?: AbortSignal;
  readonly pollMs?: number;
  readonly domain?: AnyDomainModule;
  readonly clients?: SourceClients;
  /** Sees each batch's records as read (to act between batches): the records read so far, the position, the batch. */
  readonly onBatch?: (records: number, position: string | undefined, batch: SourceBatch) => void | Promise<void>;
}

/** Reads `url` to its head (or as told); the inspection, its report (throws when refused) and the records read in order. */
export async function readSource(url: string, o: TestRead = {}): Promise<SourceInspection & { report: InspectionReport; rows: Record<string, unknown>[] }> {
  const source = parseSourceUrl(url);
  const from = parseStartAt(o.from, source);
  if (typeof from === 'string') throw new Error(from);
  const reader = await openSourceReader(source, { from, until: o.until ?? 'head', batch: o.batch ?? 1000, signal: o.signal, pollMs: o.pollMs ?? 50 }, o.clients);
  const rows: Record<string, unknown>[] = [];
  const batches = reader.batches.bind(reader);
  // keep a copy of what was read, and let the test act between batches
  reader.batches = async function* () {
    for await (const batch of batches()) {
      rows.push(...(batch.records as Record<string, unknown>[]));
      yield batch;
      await o.onBatch?.(rows.length, batch.position, batch);
    }
  };
  const inspection = await inspectSource(reader, { source: source.display, skipInvalid: true, partial: from.kind !== 'start', ...(o.domain ? { domain: o.domain } : {}) });
  if (!inspection.result.ok) throw new Error(inspection.result.reason);
  return { ...inspection, report: inspection.result.report, rows };
}
