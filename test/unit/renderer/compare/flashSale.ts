/** The flash-sale sample run once with traces, shared by the compare tests. */
import { readFileSync } from 'node:fs';
import { runFacts } from '../../../../renderer/lib/reader/runCharts';
import { runOverview } from '../../../../renderer/lib/reader/runOverview';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import type { RunData } from '../../../../renderer/lib/compare/whyHints';
import { parseScenario, runScenario, type RunResult, type Scenario } from '../../../../src/engine';
import { bundledDomain } from '../../../../src/engine/module/bundled';

let cached: { scenario: Scenario; result: RunResult } | undefined;

/** The flash sale's scenario and its result (every run traced). */
function flashSaleRun(): { scenario: Scenario; result: RunResult } {
  if (cached) return cached;
  const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  cached = { scenario: parsed.scenario, result: runScenario(parsed.scenario, { trace: true }) };
  return cached;
}

/** The flash sale's result (every run traced). */
export const flashSale = (): RunResult => flashSaleRun().result;

/** The flash sale's scenario (its description is the lesson). */
export const flashSaleScenario = (): Scenario => flashSaleRun().scenario;

/** Run `i` of a result as the Compare view reads it: its report, its facts and its streams broken at the end. */
export function runData(result: RunResult, i: number, domain = bundledDomain(result.report.domain)): RunData {
  return { report: result.report.runs[i], facts: runFacts(result.traces[i], 4000), brokenAtEnd: runOverview(result.traces[i], domain).brokenAtEnd };
}

/** Every run of the flash sale as the Compare view reads it once the reader has answered: with the decision behind its first violation. */
export async function flashSaleRunData(): Promise<RunData[]> {
  const { scenario, result } = flashSaleRun();
  const reader = new TraceReader(result, scenario);
  return Promise.all(
    result.report.runs.map(async (_, i) => {
      const broke = await reader.brokenDecision(i);
      return { ...runData(result, i), ...(broke ? { broke } : {}) };
    }),
  );
}
