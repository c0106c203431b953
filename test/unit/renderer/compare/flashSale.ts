/** The flash-sale sample run once with traces, shared by the compare tests. */
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario, type RunResult } from '../../../../src/engine';

let cached: RunResult | undefined;

/** The flash sale's result (every run traced). */
export function flashSale(): RunResult {
  if (cached) return cached;
  const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  cached = runScenario(parsed.scenario, { trace: true });
  return cached;
}
