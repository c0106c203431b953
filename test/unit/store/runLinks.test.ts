import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import type { Report, Trace } from '../../../src/engine/types';
import { listRuns, sameStoredRun, saveRun } from '../../../src/store/runs';
import { listScenarios, loadScenario, renameScenario, saveScenario } from '../../../src/store/scenarios';
import { createMeta, MIGRATIONS } from '../../../src/store/schema';
import { createWorkspace, openWorkspace, saveWorkspace } from '../../../src/store/workspace';
import { loadSqlJs } from './fixtures';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const latency = { p50: 1, p95: 2, p99: 2, max: 3 };
const metrics = {
  commands: 1, accepted: 1, rejected: 0, events: 1, deliveries: 1, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0,
  makespanMs: 1, commandLatencyMs: latency, enactLatencyMs: latency, maxQueueDepth: 1, maxWorkers: 1,
};
const report = (stateHash: string): Report => ({
  format: 'purestream/report@1',
  scenario: 'Flash sale',
  domain: 'commerce',
  seed: 7,
  runs: [{ name: 'one queue', metrics, rejections: {}, violations: [], stateHash, finalState: {} }],
});
const traces: Trace[] = [{ run: 'one queue', decisions: [], log: [], attempts: [], history: [], queueDepth: [], workers: [], consumerQueueDepth: {}, deadLetters: {}, outputs: {} }];
const V1 = '{"seed":7}';
const V2 = '{"seed":8}';

describe('a stored run belongs to a stored scenario and keeps what it computed from', () => {
  it('lists the scenario it was stored for (by default its report\'s) and its inputs, none when not known', () => {
    const db = createWorkspace(sqlJs);
    const a = saveRun(db, { report: report('a'), traces, created: 1, scenario: 'Concert', inputs: V1 });
    const b = saveRun(db, { report: report('b'), traces, created: 2 });
    expect(listRuns(db)).toEqual([
      { runId: b, scenario: 'Flash sale', created: 2, runs: ['one queue'] },
      { runId: a, scenario: 'Concert', created: 1, runs: ['one queue'], inputs: V1 },
    ]);
  });

  it('finds the same run again (same scenario, inputs and report) and makes it the latest, so a Save stores it once', () => {
    const db = createWorkspace(sqlJs);
    const first = saveRun(db, { report: report('a'), traces, created: 1, inputs: V1 });
    saveRun(db, { report: report('b'), traces, created: 2, inputs: V2 });
    expect(sameStoredRun(db, { report: report('a'), created: 3, inputs: V1 })).toBe(first);
    expect(listRuns(db).map((r) => [r.runId, r.created])).toEqual([[first, 3], [2, 2]]);
    // made again after a rename, its report titled anew: still the same run
    expect(sameStoredRun(db, { report: { ...report('a'), scenario: 'Concert' }, created: 4, inputs: V1, scenario: 'Flash sale' })).toBe(first);
    // another report (other rules), other inputs, another scenario, or inputs not known: not the same run
    expect(sameStoredRun(db, { report: report('c'), created: 4, inputs: V1 })).toBeUndefined();
    expect(sameStoredRun(db, { report: report('a'), created: 4, inputs: V2 })).toBeUndefined();
    expect(sameStoredRun(db, { report: report('a'), created: 4, inputs: V1, scenario: 'Concert' })).toBeUndefined();
    expect(sameStoredRun(db, { report: report('a'), created: 4 })).toBeUndefined();
    expect(listRuns(db)).toHaveLength(2);
  });
});

describe('renaming a stored scenario', () => {
  it('renames it and its runs, which stay its runs; a run of another scenario stays', () => {
    const db = createWorkspace(sqlJs);
    saveScenario(db, { name: 'Flash sale', json: '{"name":"Flash sale"}', updated: 1 });
    saveRun(db, { report: report('a'), traces, created: 2, inputs: V1 });
    saveRun(db, { report: report('b'), traces, created: 3, scenario: 'Other' });
    expect(renameScenario(db, 'Flash sale', 'Concert')).toBe(true);
    expect(listScenarios(db)).toEqual([{ name: 'Concert', updated: 1 }]);
    expect(loadScenario(db, 'Flash sale')).toBeUndefined();
    expect(listRuns(db).map((r) => r.scenario)).toEqual(['Other', 'Concert']);
    // the runs stay found as the same runs under the new name
    expect(sameStoredRun(db, { report: report('a'), created: 4, inputs: V1, scenario: 'Concert' })).toBeDefined();
  });

  it('refuses a name another stored scenario has, changing nothing; a name that is no stored scenario renames nothing', () => {
    const db = createWorkspace(sqlJs);
    saveScenario(db, { name: 'A', json: '{}', updated: 1 });
    saveScenario(db, { name: 'B', json: '{"b":1}', updated: 2 });
    expect(() => renameScenario(db, 'A', 'B')).toThrow('the workspace already has a scenario named “B”');
    expect(listScenarios(db).map((s) => s.name)).toEqual(['A', 'B']);
    expect(renameScenario(db, 'nope', 'C')).toBe(false);
    expect(renameScenario(db, 'A', 'A')).toBe(true);
  });
});

it('a workspace of version 3 opens with its runs, their inputs not known', () => {
  const old = new sqlJs.Database();
  createMeta(old);
  for (let v = 0; v < 3; v++) MIGRATIONS[v](old);
  old.run("UPDATE meta SET value = '3' WHERE key = 'version'");
  old.run('INSERT INTO runs (scenario, created, report) VALUES (?, ?, ?)', ['Flash sale', 1, JSON.stringify(report('a'))]);
  const db = openWorkspace(sqlJs, saveWorkspace(old), 'v3.purestream');
  expect(listRuns(db)).toEqual([{ runId: 1, scenario: 'Flash sale', created: 1, runs: ['one queue'] }]);
});
