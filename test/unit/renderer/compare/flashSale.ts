/** The flash-sale sample run once with traces, shared by the compare tests. */
import { readFileSync } from 'node:fs';
import { runFacts } from '../../../../renderer/lib/reader/runCharts';
import { runOverview } from '../../../../renderer/lib/reader/runOverview';
import type { RunData } from '../../../../renderer/lib/compare/whyHints';
import { parseScenario, runScenario, type RunResult } from '../../../../src/engine';
import { bundledDomain } from '../../../../src/engine/module/bundled';

let cached: RunResult | undefined;

/** The flash sale's result (every run traced). */
export function flashSale(): RunResult {
  if (cached) return cached;
  const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  cached = runScenario(parsed.scenario, { trace: true });
  return cached;
}

/** Run `i` of a result as the Compare view reads it: its report, its facts and its streams broken at the end. */
export function runData(result: RunResult, i: number, domain = bundledDomain(result.report.domain)): RunData {
  return { report: result.report.runs[i], facts: runFacts(result.traces[i], 4000), brokenAtEnd: runOverview(result.traces[i], domain).brokenAtEnd };
}
