// Units oversold mean something only where the domain's state counts units on hand (a stock-like
// counter): a bank or a credit limit has nothing to oversell, so its sweep has no such column and
// its `sweep --json` points no `oversold` (an addition to `purestream/sweep@1`, in no spec).
import { describe, expect, it } from 'vitest';
import { sweepMetricsFor } from '../../../../src/engine/scenario/sweepMetrics';
import { sweepPoints, sweepResultOf, sweepRow } from '../../../../src/engine/scenario/sweepRows';
import type { Metrics, RunReport } from '../../../../src/engine/types';

const run = (finalState: Record<string, unknown>): RunReport => ({ name: 'r', metrics: { accepted: 1 } as Metrics, rejections: {}, violations: [], stateHash: 'h', finalState });
const bank = run({ 'account:a': { accountId: 'a', balance: -30, overdraftLimit: 20 } });
const shop = (stock: number) => run({ 'stock:tee@main': { sku: 'tee', warehouse: 'main', stock }, 'order:o1': { orderId: 'o1', qty: 1 } });
const ids = (rows: Parameters<typeof sweepMetricsFor>[0]) => sweepMetricsFor(rows).map((m) => m.id);

describe('units oversold, only where the domain counts units', () => {
  it('a final state without stock-like counters has no oversold; with them, how far they went below zero (0 when none did)', () => {
    expect(sweepResultOf(bank)).not.toHaveProperty('oversold');
    expect(sweepResultOf(shop(-4)).oversold).toBe(4);
    expect(sweepResultOf(shop(3)).oversold).toBe(0);
  });

  it('a row averages oversold over the seeds that counted units (a seed that counted none oversold none), and has none when no seed counted any', () => {
    expect(sweepRow({ w: 1 }, [sweepResultOf(bank), sweepResultOf(bank)])).not.toHaveProperty('oversold');
    expect(sweepRow({ w: 1 }, [sweepResultOf(shop(-4)), sweepResultOf(shop(2))]).oversold).toBe(2);
    expect(sweepRow({ w: 1 }, [sweepResultOf(shop(-4)), sweepResultOf(bank)]).oversold).toBe(2);
  });

  it('the column is there for a domain with stock and left out for one without, the other columns alike', () => {
    const banks = [sweepRow({ w: 1 }, [sweepResultOf(bank)])];
    const shops = [sweepRow({ w: 1 }, [sweepResultOf(shop(0))])];
    expect(ids(shops)).toContain('oversold');
    expect(ids(banks)).not.toContain('oversold');
    expect(ids(banks)).toEqual(ids(shops).filter((id) => id !== 'oversold'));
    // no rows yet (a sweep just started): nothing says the domain counts units
    expect(ids([])).not.toContain('oversold');
  });

  it('the JSON points have oversold in every point when any counted units (0 where one did not), else in none', () => {
    const mixed = sweepPoints([sweepRow({ w: 1 }, [sweepResultOf(bank)]), sweepRow({ w: 2 }, [sweepResultOf(shop(-1))])]);
    expect(mixed.map((p) => p.oversold)).toEqual([0, 1]);
    const none = sweepPoints([sweepRow({ w: 1 }, [sweepResultOf(bank)])]);
    expect(JSON.parse(JSON.stringify(none))[0]).not.toHaveProperty('oversold');
    // the value a table writes where a point counted none
    expect(sweepMetricsFor(mixed).find((m) => m.id === 'oversold')!.value(sweepRow({ w: 1 }, [sweepResultOf(bank)]))).toBe(0);
  });
});
