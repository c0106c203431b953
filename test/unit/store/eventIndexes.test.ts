import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { distinctValues, pageEvents } from '../../../src/store/eventPages';
import { dropEventIndexes, ensureEventIndexes, importLog } from '../../../src/store/logs';
import { createWorkspace, openWorkspace, saveWorkspace } from '../../../src/store/workspace';
import { loadSqlJs, syntheticEvents } from './fixtures';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const indexes = (db: ReturnType<typeof createWorkspace>) =>
  (db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%' ORDER BY name")[0]?.values ?? []).map((r) => String(r[0]));

describe('bulk imports without the secondary indexes', () => {
  it('drops and rebuilds the events indexes; queries agree either way', () => {
    const db = createWorkspace(sqlJs);
    expect(indexes(db)).toEqual(['events_by_stream', 'events_by_time', 'events_by_type']);
    expect(ensureEventIndexes(db)).toBe(false);
    dropEventIndexes(db);
    expect(indexes(db)).toEqual([]);
    const logId = importLog(db, { name: 'a', source: 'a', imported: 0 }, syntheticEvents(50));
    const without = pageEvents(db, logId, { type: 'OrderPlaced', afterSeq: 3, limit: 5 });
    const scanned = [distinctValues(db, logId, 'type'), distinctValues(db, logId, 'stream', 3)];
    expect(scanned).toEqual([['ItemRestocked', 'OrderPlaced', 'OrderShipped'], ['s0', 's1', 's2']]);
    expect(ensureEventIndexes(db)).toBe(true);
    expect(indexes(db)).toEqual(['events_by_stream', 'events_by_time', 'events_by_type']);
    expect(pageEvents(db, logId, { type: 'OrderPlaced', afterSeq: 3, limit: 5 })).toEqual(without);
    // with the indexes: one seek per value, the same answer (and none from another log)
    importLog(db, { name: 'b', source: 'b', imported: 0 }, [{ seq: 1, id: 'x', type: 'AAA', stream: 'a', at: 0, data: null }]);
    expect([distinctValues(db, logId, 'type'), distinctValues(db, logId, 'stream', 3)]).toEqual(scanned);
    expect(distinctValues(db, logId, 'stream')).toEqual(['s0', 's1', 's2', 's3', 's4']);
    // the saved file is the same layout as ever
    const reopened = openWorkspace(sqlJs, saveWorkspace(db), 'w.sqlite');
    expect(indexes(reopened)).toEqual(['events_by_stream', 'events_by_time', 'events_by_type']);
  });
});

describe('the by-time index', () => {
  it("holds what a timeline window reads (time, kind, stream), so a zoomed-out window of a big log never looks up the table's rows", () => {
    const db = createWorkspace(sqlJs);
    const plan = (sql: string) => db.exec(`EXPLAIN QUERY PLAN ${sql}`)[0].values.map((r) => String(r[3])).join('; ');
    expect(plan("SELECT stream, count(*), sum(kind = 'rejection') FROM events WHERE log_id = 1 AND kind IN ('event', 'command') AND at >= 0 AND at <= 9 GROUP BY stream")).toContain(
      'USING COVERING INDEX events_by_time',
    );
    // the first records of a range still come in time order, without sorting the range
    expect(plan("SELECT seq FROM events WHERE log_id = 1 AND at >= 0 AND at <= 9 ORDER BY at, seq LIMIT 10")).not.toContain('TEMP B-TREE');
  });
});
