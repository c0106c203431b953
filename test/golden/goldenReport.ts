/** A golden case's report as `purestream run --json` prints it (without `finalState` where the case says so). */
import initSqlJs from 'sql.js';
import { runScenario } from '../../src/engine/run';
import { parseScenario } from '../../src/engine/scenario/parse';
import type { GoldenCase } from './scenarios';

let sqlJs: unknown;

/** The report text of one case. */
export async function goldenReport(c: GoldenCase): Promise<string> {
  sqlJs ??= await initSqlJs();
  const parsed = parseScenario(c.text, c.name);
  if (!parsed.ok) throw new Error(`${c.name}: ${JSON.stringify(parsed.errors)}`);
  const { report } = runScenario(parsed.scenario, { services: { sqlJs } as never });
  const kept = c.withState ? report : { ...report, runs: report.runs.map(({ finalState: _, ...r }) => r) };
  return JSON.stringify(kept, null, 2) + '\n';
}
