import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { anomaliesByKind } from '../../../../renderer/lib/inspector/anomalyKinds';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { createWorkspace } from '../../../../src/store/workspace';
import credit from '../../../fixtures/modules/credit/credit';

describe('anomaliesByKind', () => {
  it("groups the trial's credit log's nine anomalies into its six kinds, unreadable records first, each with its count", async () => {
    const domain = domainModule(credit, { name: 'credit.ts', defaultId: 'credit', guard: new CallGuard({ module: 'credit.ts' }) });
    const text = readFileSync('test/fixtures/modules/credit/credit-emmett.jsonl', 'utf8');
    const { report } = await importRecords(new DatabaseLogs(createWorkspace(await initSqlJs())), [text], { name: 'credit', source: 'credit', domain });
    const kinds = anomaliesByKind(report.anomalies);
    expect(kinds.map((k) => [k.kind, k.count])).toEqual([
      ['malformed', 1],
      ['unknown-type', 1],
      ['invalid-data', 1],
      ['duplicate-id', 2],
      ['gap', 1],
      ['time-reversal', 3],
    ]);
    expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(report.anomalies.length);
    // within a kind, in file order
    expect(kinds[3].groups.map((g) => g.members[0].line)).toEqual([26, 29]);
  });

  it('says the same message of many records once, with every record', () => {
    const unknown = (line: number, type: string) => ({ kind: 'unknown-type' as const, line, message: `unknown event type "${type}"` });
    const kinds = anomaliesByKind([unknown(2, 'a'), { kind: 'gap', line: 3, message: 'position 2 is missing' }, unknown(4, 'b'), unknown(5, 'a')]);
    expect(kinds.map((k) => k.kind)).toEqual(['unknown-type', 'gap']);
    expect(kinds[0].count).toBe(3);
    expect(kinds[0].groups.map((g) => [g.message, g.members.map((m) => m.line)])).toEqual([
      ['unknown event type "a"', [2, 5]],
      ['unknown event type "b"', [4]],
    ]);
  });
});
