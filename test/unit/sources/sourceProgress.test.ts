/** A source's progress carries what its inspection found so far (anomalies, violations, stale decisions), as `inspect URL`'s progress line says it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { foundText } from '../../../src/cli/commands/inspectSource';
import { inspectSource, type SourceProgress } from '../../../src/sources/inspectSource';
import type { SourceBatch, SourceReader } from '../../../src/sources/types';

/** A reader handing over `records` in batches of `size`, as a broker's reader would, the last one caught up. */
function reader(records: readonly object[], size: number): SourceReader {
  return {
    profile: 'cloudevents',
    framing: 'messages',
    async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
      for (let i = 0; i < records.length; i += size) {
        const end = Math.min(records.length, i + size);
        yield { records: records.slice(i, end), position: String(end), caughtUp: end === records.length };
      }
    },
    close: async () => undefined,
  };
}

describe("a source's progress", () => {
  it('counts the stale decisions found so far with each batch, ending at the report\'s count (the sample log as a broker\'s messages)', async () => {
    const records = JSON.parse(readFileSync(new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url), 'utf8')) as object[];
    const seen: SourceProgress[] = [];
    const { result } = await inspectSource(reader(records, 50), { source: 'nats://localhost/SHOP', domain: bundledDomain('commerce')!, onProgress: (p) => seen.push(p) });
    if (!result.ok) throw new Error(result.reason);
    const stale = seen.map((p) => p.found.staleDecisions ?? 0);
    expect(stale.every((n, i) => i === 0 || n >= stale[i - 1])).toBe(true);
    expect(stale.some((n) => n > 0 && n < 102)).toBe(true);
    expect(seen.at(-1)!.found).toEqual({ anomalies: result.report.anomalies.length, violations: 1, staleDecisions: 102 });
    expect(result.report.staleDecisions!.count).toBe(102);
  });

  it('is said on the progress line as what was found, those found only', () => {
    expect(foundText({ anomalies: 4, violations: 1, staleDecisions: 102 })).toBe(' (found 4 anomalies, 1 invariant violation, 102 stale decisions)');
    expect(foundText({ anomalies: 0, staleDecisions: 1 })).toBe(' (found 1 stale decision)');
    expect(foundText({ anomalies: 1, violations: 0, staleDecisions: 0 })).toBe(' (found 1 anomaly)');
    // nothing found yet, or nothing to find (no domain, no command records): the line as before
    expect(foundText({ anomalies: 0, violations: 0, staleDecisions: 0 })).toBe('');
    expect(foundText({ anomalies: 0 })).toBe('');
  });
});
