/**
 * A live source's record is placed in the note on streams the domain names otherwise as every
 * other message of a source places it: by its position there (`offset 1 of orders-0`, `sequence 2`),
 * not by its number in the read (`line 2`).
 */
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectSource } from '../../../src/sources/inspectSource';
import type { ProfileName } from '../../../src/logs/profiles';
import type { SourceBatch, SourceReader } from '../../../src/sources/types';

/** A reader handing over `records` in one batch, as a broker's reader would. */
function reader(profile: ProfileName, records: readonly object[]): SourceReader {
  return {
    profile,
    framing: 'messages',
    async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
      yield { records, position: String(records.length), caughtUp: true };
    },
    close: async () => undefined,
  };
}

const restocked = (sku: string) => JSON.stringify({ sku, qty: 5, warehouse: 'main' });

describe('the note on streams the domain names otherwise, for a live source', () => {
  it('Kafka: the offset of its partition', async () => {
    const records = ['tee', 'cap'].map((sku, offset) => ({ topic: 'orders', partition: 0, offset: String(offset), key: `stock-${sku}`, headers: ['ce_type', 'ItemRestocked'], payload: restocked(sku) }));
    const { result } = await inspectSource(reader('kafka', records), { source: 'kafka://h:9092/orders', domain: bundledDomain('commerce')! });
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.notes).toEqual([expect.stringContaining('every event the log files under another: stream "stock-tee" (offset 0 of orders-0) is "stock:tee@main" to the domain')]);
  });
});
