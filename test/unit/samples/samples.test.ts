/**
 * Samples double as fixtures: every bundled scenario parses, runs, and shows the lesson it
 * claims in `x-expect`; and for every run, the SQL tables enacted from its log agree with the
 * state store's final state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { bundledDomain as domainById } from '../../../src/engine/module/bundled';
import { dryRun, parseScenario, runScenario, type RunResult, type Scenario } from '../../../src/engine';
import { checkClaims, type Claim } from '../../../src/engine/claims/checkClaims';
import { createInterpreter } from '../../../src/engine/consumers/registry';
import { sqlMatchesState } from '../../../src/engine/consumers/sqlAgreement';
import type { ConsumerConfig } from '../../../src/engine/types';

const dir = 'samples/scenarios';
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sqlJs: any;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const load = (file: string): Scenario => {
  const parsed = parseScenario(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return parsed.scenario;
};

const sqlConsumer: ConsumerConfig = {
  name: 'tables', interpreter: 'sql', events: '*', latencyMs: 0, workers: 1, failureRate: 0, delivery: 'exactly-once', duplicateRate: 0, idempotent: false, deadLetter: true, downtime: [],
};

/** Enacts a run's whole log into fresh SQL tables and compares them with the run's final state. */
function sqlDifferences(scenario: Scenario, result: RunResult, run: number) {
  const decider = domainById(scenario.domain)!;
  const sql = createInterpreter(sqlConsumer, { decider, consumer: 'tables', idempotent: false, services: { sqlJs } });
  for (const entry of result.traces[run].log) expect(sql.enact(entry, entry.appendedAt)).toEqual({ type: 'enacted' });
  return sqlMatchesState(sql, result.report.runs[run].finalState, decider);
}

describe('bundled sample scenarios', () => {
  it('are at least the nine ideas of the design', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s states a lesson and shows it', (file) => {
    const scenario = load(file);
    expect(scenario.description.length, 'a Markdown description says what to look at').toBeGreaterThan(80);
    const claims = scenario.extensions['x-expect'] as Claim[] | undefined;
    expect(claims?.length, 'x-expect states the outcome it teaches').toBeGreaterThan(0);
    expect(typeof scenario.extensions['x-lesson']).toBe('string');
    const result = runScenario(scenario, { services: { sqlJs } });
    const failures = checkClaims(claims!, {
      result,
      dryRun: (id) => dryRun(scenario, id),
      sqlMatchesState: (name) => sqlDifferences(scenario, result, result.report.runs.findIndex((r) => r.name === name)).length === 0,
    });
    expect(failures).toEqual([]);
  });

  it.each(files)('%s: SQL tables agree with the state store in every run', (file) => {
    const scenario = load(file);
    const result = runScenario(scenario, { services: { sqlJs } });
    result.report.runs.forEach((run, i) => {
      if (run.violations.length > 0 && scenario.domain === 'profiles') return; // a broken gallery cannot be a SQL table
      expect(sqlDifferences(scenario, result, i), `run "${run.name}"`).toEqual([]);
    });
  });
});
