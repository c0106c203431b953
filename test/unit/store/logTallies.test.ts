import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { inspectLog } from '../../../src/logs/inspectLog';
import { importLog, logTallies, saveInspection } from '../../../src/store/logs';
import { createWorkspace } from '../../../src/store/workspace';
import { loadSqlJs, syntheticEvents } from './fixtures';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const info = (name: string) => ({ name, source: `${name}.jsonl`, imported: 1000 });

describe('logTallies', () => {
  it('counts what a kept inspection read: anomalies.jsonl has 8 events and 1 malformed record', async () => {
    const inspected = await inspectLog([readFileSync('test/fixtures/logs/anomalies.jsonl', 'utf8')], { source: 'anomalies.jsonl', skipInvalid: true });
    if (!inspected.ok) throw new Error(inspected.reason);
    const db = createWorkspace(sqlJs);
    const logId = importLog(db, info('anomalies'), syntheticEvents(10));
    saveInspection(db, logId, inspected.report);
    expect(logTallies(db).get(logId)).toEqual({ events: 8, commands: 0, malformed: 1, more: false });
  });

  it('reads commands and a cut anomaly list, and leaves out logs with no inspection or one that is not JSON', () => {
    const db = createWorkspace(sqlJs);
    const counted = importLog(db, info('counted'), syntheticEvents(3));
    saveInspection(db, counted, { events: 9, commands: 2, anomalies: [{ kind: 'malformed' }, { kind: 'duplicate' }, { kind: 'malformed' }], anomalyCount: 500 });
    const none = importLog(db, info('none'), syntheticEvents(3));
    const broken = importLog(db, info('broken'), syntheticEvents(3));
    db.run('UPDATE logs SET inspection = ? WHERE log_id = ?', ['{not json', broken]);
    const noEvents = importLog(db, info('no events'), syntheticEvents(3));
    saveInspection(db, noEvents, { anomalies: [] });
    const tallies = logTallies(db);
    expect(tallies.get(counted)).toEqual({ events: 9, commands: 2, malformed: 2, more: true });
    expect([...tallies.keys()]).toEqual([counted]);
    expect(tallies.has(none) || tallies.has(broken) || tallies.has(noEvents)).toBe(false);
  });
});
