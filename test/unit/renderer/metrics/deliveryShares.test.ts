/**
 * The teacher's case: "8 workers" lists one consumer, "state", made a notifier; the engine adds a
 * state store, "state-store", that no list names, and Metrics' Deliveries counts its attempts too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { countsUnlisted, deliveriesText, deliveryShares } from '../../../../renderer/lib/metrics/deliveryShares';
import { DELIVERIES_TITLE, metricRows } from '../../../../renderer/lib/metrics/metricRows';
import { runOverview } from '../../../../renderer/lib/reader/runOverview';

function notifierOnly() {
  const raw = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as { runs: { name: string; consumers?: unknown[] }[] };
  raw.runs.find((r) => r.name === '8 workers')!.consumers = [{ name: 'state', interpreter: 'notifier', failureRate: 0.3, delivery: 'at-least-once', retry: { max: 2, backoffMs: 10, factor: 2 } }];
  const parsed = parseScenario(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { scenario: parsed.scenario, result: runScenario(parsed.scenario, { trace: true }) };
}

describe('deliveryShares', () => {
  const { scenario, result } = notifierOnly();
  const at = result.traces.findIndex((t) => t.run === '8 workers');
  const overview = runOverview(result.traces[at], undefined);
  const shares = deliveryShares(scenario.runs[at].consumers, overview.consumerAttempts);

  it('counts the state store the engine added beside the listed notifier, and their attempts make the report\'s Deliveries', () => {
    expect(shares.map((s) => [s.name, s.interpreter, s.added])).toEqual([['state-store', 'state-store', true], ['state', 'notifier', false]]);
    expect(shares.every((s) => s.attempts > 0)).toBe(true);
    expect(shares[0].attempts + shares[1].attempts).toBe(result.report.runs[at].metrics.deliveries);
    expect(countsUnlisted(shares)).toBe(true);
  });

  it('says the sum in words, the added store named as such', () => {
    const [store, mail] = shares.map((s) => s.attempts.toLocaleString('en-US'));
    const total = result.report.runs[at].metrics.deliveries.toLocaleString('en-US');
    expect(deliveriesText(shares)).toBe(`${total} = ${store} by state-store (state store added by the engine) + ${mail} by state (notifier)`);
  });

  it('a run with its own state store only: nothing unlisted, one part', () => {
    const one = result.traces.findIndex((t) => t.run === 'one queue');
    const own = deliveryShares(scenario.runs[one].consumers, runOverview(result.traces[one], undefined).consumerAttempts);
    expect(own.map((s) => [s.name, s.added])).toEqual([['state', false]]);
    expect(countsUnlisted(own)).toBe(false);
    expect(deliveriesText(own)).toBe(`${result.report.runs[one].metrics.deliveries} by state (state store)`);
  });

  it('without the scenario, the consumers that attempted, by name', () => {
    expect(deliveryShares(undefined, [['a', 3], ['b', 2]])).toEqual([{ name: 'a', attempts: 3, added: false }, { name: 'b', attempts: 2, added: false }]);
  });

  it('the Deliveries row of the metrics table says what it counts, and each run\'s parts', () => {
    const all = result.traces.map((t, i) => deliveryShares(scenario.runs[i].consumers, runOverview(t, undefined).consumerAttempts));
    const row = metricRows(result.report.runs, undefined, all).find((r) => r.label === 'Deliveries')!;
    expect(row.title).toBe(DELIVERIES_TITLE);
    expect(row.titles?.[at]).toBe(deliveriesText(shares));
    expect(metricRows(result.report.runs).find((r) => r.label === 'Deliveries')!.titles).toBeUndefined();
  });
});
