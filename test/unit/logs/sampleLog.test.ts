import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commerce } from '../../../domain';
import { inspectLog } from '../../../src/logs/inspectLog';

const text = readFileSync(new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url), 'utf8');

describe('samples/logs/flash-sale-oversell: what its description claims', () => {
  it('shows the oversell, the anomalies and the drift', async () => {
    const r = await inspectLog([text], { domain: commerce, source: 'flash-sale-oversell.cloudevents.json' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const report = r.report;
    expect(report.violations.map((v) => v.invariant)).toEqual(['stock-non-negative']);
    expect(report.violations[0].message).toBe('stock of tee@main is -1');
    expect([...new Set(report.anomalies.map((a) => a.kind))].sort()).toEqual(['duplicate-id', 'gap', 'out-of-order']);
    expect(report.drift).toContainEqual(expect.objectContaining({ commandId: 'warehouse-7', recorded: ['OrderShipped'], now: 'rejected: order-cancelled' }));
    expect(report.drift.map((d) => d.commandId)).toEqual(['c60', 'c80', 'c105', 'warehouse-7']);
  });
});
