/**
 * A stored log inspected again (another domain, profile or map): a record the framer could not
 * hand on — longer than the 16 MB a record may be, of which the workspace keeps the first 64 KB,
 * or not complete at the end of the file — reads again as that record, with the same message
 * and number, not as its start read as "not JSON".
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs, recordPages } from '../../../../renderer/lib/inspector/logStore';
import { storedRecordPage } from '../../../../src/store/logs';
import { createWorkspace } from '../../../../src/store/workspace';
import { OVERLONG_KEPT, unframedProblem } from '../../../../src/logs/framing/lineSplitter';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const big = `{"id":"e2","type":"Big","data":{"s":"${'x'.repeat(17 * 1024 * 1024)}"}}`;

/** Imports `text`, then inspects the stored log again as the app does (its records a page at a time); both reports. */
async function importAndAgain(text: string) {
  const db = createWorkspace(sqlJs);
  const logs = new DatabaseLogs(db);
  const first = await importRecords(logs, [text], { name: 'big.jsonl', source: 'big.jsonl' });
  const again = await importRecords(logs, { records: recordPages(logs, first.logId), framing: first.report.framing }, { name: 'big.jsonl', source: 'big.jsonl' });
  return { db, first, again };
}

describe('a stored log inspected again', () => {
  it('reads an over-long line as the over-long record it was: same message, line and number; the records after it keep theirs', async () => {
    const { db, first, again } = await importAndAgain(`{"id":"e1","type":"A"}\n${big}\n{"id":"e3","type":"A"}\n`);
    const overlong = { kind: 'malformed', line: 2, record: 2, message: 'line 2 is 17825832 characters long, longer than the 16 MB a record may be' };
    expect(first.report.anomalies).toEqual([overlong]);
    expect(again.report.anomalies).toEqual([overlong]);
    expect([again.report.events, again.stored]).toEqual([2, 3]);
    // the row stored again keeps its start and says why it was not read
    const [row] = storedRecordPage(db, again.logId, 1, 1);
    expect(row).toMatchObject({ seq: 2, line: 2, malformed: overlong.message });
    expect(row.raw).toHaveLength(OVERLONG_KEPT);
  });

  it('reads an over-long record of a JSON array, and one not complete at the end of the file, as they were', async () => {
    const array = await importAndAgain(`[\n{"id":"e1","type":"A"},\n${big},\n{"id":"e3","type":"A"}\n]\n`);
    expect(array.first.report.anomalies).toEqual([{ kind: 'malformed', line: 3, record: 2, message: 'the record starting on line 3 is 17825832 characters long, longer than the 16 MB a record may be' }]);
    expect(array.again.report.anomalies).toEqual(array.first.report.anomalies);
    const cut = await importAndAgain('{\n  "id": "e1",\n  "type": "A"\n}\n{\n  "id": "e2",\n  "type": "A"\n');
    expect(cut.first.report.anomalies.map((a) => a.message)).toEqual(['the record starting on line 5 is not complete at the end of the file (a missing "}" or "]")']);
    expect(cut.again.report.anomalies).toEqual(cut.first.report.anomalies);
  });

  it('reads a record that is not JSON as not JSON again (a message of its own is never taken for the framer\'s)', async () => {
    const { first, again } = await importAndAgain('{"id":"e1","type":"A"}\n{"id": line 2 is 5 characters long, longer than the 1 MB a record may be\n');
    expect(first.report.anomalies[0].message).toMatch(/^not JSON: /);
    expect(again.report.anomalies).toEqual(first.report.anomalies);
    expect(unframedProblem(first.report.anomalies[0].message)).toBe(false);
  });
});
