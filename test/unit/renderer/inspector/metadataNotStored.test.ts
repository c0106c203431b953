/**
 * A log stored before the workspace kept records' metadata (migration 4 → 5 added the column,
 * NULL for the records already stored) says so in a record's details, instead of showing nothing:
 * its metadata is there once the log is inspected again.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs, recordPages } from '../../../../renderer/lib/inspector/logStore';
import { recordDetail } from '../../../../renderer/lib/inspector/recordDetail';
import { createWorkspace } from '../../../../src/store/workspace';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const incident = readFileSync(new URL('../../../fixtures/logs/oncall/marten-incident.jsonl', import.meta.url), 'utf8');
const marten = { profile: 'marten' } as const;

describe("a record's metadata in its details", () => {
  it('is shown when stored; a log stored before metadata was kept says it is not stored, until inspected again', async () => {
    const db = createWorkspace(sqlJs);
    const logs = new DatabaseLogs(db);
    const { logId } = await importRecords(logs, [incident], { name: 'marten-incident.jsonl', source: 'marten-incident.jsonl' });
    const stored = recordDetail(db, logId, 2, marten)!;
    expect(stored.metadata).toBeDefined();
    expect(stored.metadataNotStored).toBeUndefined();

    // as migration 4 → 5 leaves a log stored before it
    db.run('UPDATE events SET metadata = NULL WHERE log_id = ?', [logId]);
    const before = recordDetail(db, logId, 2, marten)!;
    expect(before.metadata).toBeUndefined();
    expect(before.metadataNotStored).toBe(true);

    // inspected again: stored, shown
    const again = await importRecords(logs, { records: recordPages(logs, logId), framing: 'lines' }, { name: 'marten-incident.jsonl', source: 'marten-incident.jsonl' });
    const after = recordDetail(db, again.logId, 2, marten)!;
    expect(after.metadata).toEqual(stored.metadata);
    expect(after.metadataNotStored).toBeUndefined();
  });

  it('a record without metadata says nothing of it, nor one whose reading is not known', async () => {
    const db = createWorkspace(sqlJs);
    const logs = new DatabaseLogs(db);
    const { logId } = await importRecords(logs, ['{"seq":1,"id":"e1","type":"ItemRestocked","data":{"sku":"a","qty":1}}\n'], { name: 'plain.jsonl', source: 'plain.jsonl' });
    const plain = recordDetail(db, logId, 1, { profile: 'purestream' })!;
    expect([plain.metadata, plain.metadataNotStored]).toEqual([undefined, undefined]);
    const martenLog = (await importRecords(logs, [incident], { name: 'm.jsonl', source: 'm.jsonl' })).logId;
    db.run('UPDATE events SET metadata = NULL WHERE log_id = ?', [martenLog]);
    expect(recordDetail(db, martenLog, 2, undefined)!.metadataNotStored).toBeUndefined();
  });
});
