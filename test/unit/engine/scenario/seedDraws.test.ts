/** What the seed drives in a run: checked against the engine itself — a run the function finds seedless gives the same report under every seed, one it finds seeded does not. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { seedDraws } from '../../../../src/engine/scenario/seedDraws';
import type { Scenario } from '../../../../src/engine/types';

/** The flash sale's file, as JSON, edited. */
type FlashSaleFile = { commands: Record<string, unknown>[]; runs: Record<string, unknown>[] };
const flashSale = (edit: (raw: FlashSaleFile) => void = () => {}): Scenario => {
  const raw: FlashSaleFile = JSON.parse(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  edit(raw);
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

/** The run's report figures under `seed` (the report's own `seed` field left out). */
const figures = (scenario: Scenario, run: string, seed: number) => {
  const report = runScenario({ ...scenario, seed }, { runs: [run], trace: false }).report.runs[0];
  return { metrics: report.metrics, stateHash: report.stateHash, violations: report.violations };
};

describe('what the seed drives', () => {
  it('nothing in the flash sale: fixed arrivals, a constant service time, no consumer failing at random — and every seed gives the same report', () => {
    const scenario = flashSale();
    for (const run of scenario.runs) expect(seedDraws(scenario, run.name)).toEqual([]);
    expect(figures(scenario, '8 workers', 1)).toEqual(figures(scenario, '8 workers', 99));
  });

  it('repeat jitter, a drawn service time, a consumer failing or duplicating at random — each named, and each changes the run with the seed', () => {
    const jitter = flashSale((raw) => (raw.commands[0].jitterMs = 3));
    expect(seedDraws(jitter, '8 workers')).toEqual(['repeat jitter of the commands']);
    expect(figures(jitter, '8 workers', 1)).not.toEqual(figures(jitter, '8 workers', 99));

    const service = flashSale((raw) => (raw.runs[1].serviceMs = { dist: 'exponential', mean: 10 }));
    expect(seedDraws(service, '8 workers')).toEqual(['the service time']);
    expect(seedDraws(service, 'one queue')).toEqual([]);
    expect(figures(service, '8 workers', 1)).not.toEqual(figures(service, '8 workers', 99));

    const failing = flashSale((raw) => (raw.runs[1].consumers = [{ name: 'state', interpreter: 'state-store' }, { name: 'mail', interpreter: 'notifier', failureRate: 0.3, duplicateRate: 0.2, delivery: 'at-least-once', latencyMs: { dist: 'uniform', min: 1, max: 4 } }]));
    expect(seedDraws(failing, '8 workers')).toEqual(['“mail” latency', '“mail” failure rate 0.3', '“mail” duplicate rate 0.2']);
    expect(figures(failing, '8 workers', 1)).not.toEqual(figures(failing, '8 workers', 99));
  });

  it('nothing from rates of 0 or 1, a duplicate rate of an at-most-once consumer, a one-point uniform range or jitter of 0', () => {
    const fixed = flashSale((raw) => {
      raw.commands[0].jitterMs = 0;
      raw.runs[1].serviceMs = { dist: 'uniform', min: 10, max: 10 };
      raw.runs[1].consumers = [{ name: 'state', interpreter: 'state-store' }, { name: 'mail', interpreter: 'notifier', failureRate: 1, duplicateRate: 0.5, delivery: 'at-most-once' }];
    });
    expect(seedDraws(fixed, '8 workers')).toEqual([]);
    expect(figures(fixed, '8 workers', 1)).toEqual(figures(fixed, '8 workers', 99));
  });
});
