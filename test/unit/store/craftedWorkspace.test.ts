import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlJsStatic } from 'sql.js';
import { runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { pageEvents } from '../../../src/store/eventPages';
import { importLog } from '../../../src/store/logs';
import { openWorkspaceFile } from '../../../src/store/nodeFile';
import { listRuns, loadReport, loadTrace, saveRun } from '../../../src/store/runs';
import { saveScenario } from '../../../src/store/scenarios';
import { createMeta, MIGRATIONS, WORKSPACE_VERSION } from '../../../src/store/schema';
import { expectedSchema } from '../../../src/store/schemaCheck';
import { createWorkspace, openWorkspace, saveWorkspace } from '../../../src/store/workspace';
import { loadSqlJs, syntheticEvents } from './fixtures';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const scenario = { format: 'purestream/scenario@1', name: 'Two restocks', domain: 'commerce', commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 2 } }, { type: 'RestockItem', data: { sku: 'tee', qty: 1 } }] };

/** A real workspace: a scenario, its run with traces, a log. */
function realWorkspace(): Database {
  const db = createWorkspace(sqlJs);
  saveScenario(db, { name: 'Two restocks', json: JSON.stringify(scenario), updated: 1 });
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('fixture');
  const { report, traces } = runScenario(parsed.scenario);
  saveRun(db, { report, traces: [...traces], created: 2 });
  importLog(db, { name: 'log', source: 'log.jsonl', imported: 3 }, syntheticEvents(20));
  return db;
}

/** Writes the workspace, changed by `sql`, to a file; returns its path and bytes. */
function craftedFile(sql: string): { path: string; bytes: Buffer } {
  const db = realWorkspace();
  db.exec(sql);
  const path = join(mkdtempSync(join(tmpdir(), 'purestream-crafted-')), 'crafted.purestream');
  writeFileSync(path, saveWorkspace(db));
  return { path, bytes: readFileSync(path) };
}

/** Opening the crafted file fails with `message`, and the file is left byte for byte as it was. */
async function refused(sql: string, message: string | RegExp): Promise<void> {
  const { path, bytes } = craftedFile(sql);
  await expect(openWorkspaceFile(sqlJs, path)).rejects.toThrow(message);
  expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
}

describe('crafted workspace files are refused before any of their SQL can act, and left byte-identical', () => {
  it('a trigger (that would rewrite the saved scenario and delete runs on the next save)', async () => {
    await refused(
      "CREATE TRIGGER wipe AFTER INSERT ON scenarios BEGIN UPDATE scenarios SET json = '{}'; DELETE FROM runs; END",
      "crafted.purestream: not a Purestream workspace (it holds a trigger 'wipe'; a workspace holds only tables and indexes)",
    );
  });

  it('a view named like a table (fake rows, or a query that never ends)', async () => {
    await refused(
      'DROP TABLE runs; CREATE VIEW runs AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS run_id, \'fake\' AS scenario, 0 AS created, \'{}\' AS report FROM n',
      "it holds a view 'runs'",
    );
  });

  it('a file with only the meta table that claims the current version', async () => {
    const db = new sqlJs.Database();
    createMeta(db);
    db.run("UPDATE meta SET value = ? WHERE key = 'version'", [String(MIGRATIONS.length)]);
    expect(() => openWorkspace(sqlJs, db.export(), 'meta-only.purestream')).toThrow(
      new RegExp(`meta-only\\.purestream: not a Purestream workspace \\(its (table|index) '\\w+' is missing \\(a version-${WORKSPACE_VERSION} workspace has one\\)\\)`),
    );
  });

  it('an extra table, an extra column, a changed column, a missing index', async () => {
    await refused('CREATE TABLE extra (x)', `it holds a table 'extra' that a version-${WORKSPACE_VERSION} workspace does not have`);
    await refused('ALTER TABLE runs ADD COLUMN note TEXT', `its table 'runs' is not the one a version-${WORKSPACE_VERSION} workspace has (other columns or constraints)`);
    await refused('DROP INDEX events_by_type', "its index 'events_by_type' is missing");
  });

  it('stored documents that are not valid JSON, or not reports', async () => {
    await refused("UPDATE runs SET report = 'not json'", 'damaged: the stored run report "1" is not valid JSON');
    await refused("UPDATE traces SET trace = '{\"run\":' WHERE idx = 0", 'damaged: the stored run trace "1/0" is not valid JSON');
    await refused("UPDATE scenarios SET json = '['", 'damaged: the stored scenario "Two restocks" is not valid JSON');
    await refused(`UPDATE runs SET report = json_set(report, '$.runs[0].metrics.commands', 'many')`, 'damaged: the report of stored run 1: runs[0].metrics.commands: expected a number');
  });
});

describe('stored JSON is checked when read', () => {
  it('a trace of the wrong shape is an error naming the run and the place, not a half-formed object', () => {
    const db = realWorkspace();
    db.run("UPDATE traces SET trace = json_set(trace, '$.decisions[0].worker', 'w') WHERE idx = 0");
    const again = openWorkspace(sqlJs, saveWorkspace(db), 'w.purestream');
    expect(() => loadTrace(again, 1, 0)).toThrow('trace 0 of stored run 1 is damaged: decisions[0].worker: expected a number');
    db.run("UPDATE traces SET trace = json_set(trace, '$.decisions[0].worker', 0, '$.history[1].prevStep', 5) WHERE idx = 0");
    expect(() => loadTrace(openWorkspace(sqlJs, saveWorkspace(db), 'w.purestream'), 1, 0)).toThrow('history[1].prevStep: expected -1 or an earlier step of stream "stock:tee@main"');
    expect(loadReport(again, 1)?.runs[0].metrics.commands).toBe(2);
    expect(listRuns(again).map((r) => r.runs)).toEqual([['default']]);
  });

  it('an event whose data is not JSON is shown as the text it is (never a page error)', () => {
    const db = realWorkspace();
    db.run("UPDATE events SET data = '{oops' WHERE seq = 3");
    expect(pageEvents(db, 1, { limit: 5 }).events[2].data).toBe('{oops');
  });
});

describe('the expected schema', () => {
  it('is derived from the migrations, so the next migration is checked for without a list kept by hand', () => {
    expect([...expectedSchema(sqlJs, 0).keys()].sort()).toEqual(['meta', 'sqlite_autoindex_meta_1']);
    expect([...expectedSchema(sqlJs, MIGRATIONS.length).keys()]).toEqual(expect.arrayContaining(['scenarios', 'runs', 'traces', 'logs', 'events', 'events_by_type', 'events_by_stream']));
    // a workspace written by this code, reopened, matches it exactly
    expect(() => openWorkspace(sqlJs, saveWorkspace(realWorkspace()), 'mine.purestream')).not.toThrow();
  });

  it('checks an older workspace against its own version\'s schema, then migrates it', () => {
    for (let version = 0; version < WORKSPACE_VERSION; version++) {
      const old = new sqlJs.Database();
      createMeta(old);
      for (let v = 0; v < version; v++) MIGRATIONS[v](old);
      old.run("UPDATE meta SET value = ? WHERE key = 'version'", [String(version)]);
      const db = openWorkspace(sqlJs, old.export(), `v${version}.purestream`);
      expect(db.exec("SELECT value FROM meta WHERE key = 'version'")[0].values).toEqual([[String(WORKSPACE_VERSION)]]);
      expect(() => openWorkspace(sqlJs, saveWorkspace(db), 'migrated.purestream')).not.toThrow();
      old.exec('CREATE TABLE planted (x)');
      expect(() => openWorkspace(sqlJs, old.export(), `v${version}.purestream`)).toThrow(`it holds a table 'planted' that a version-${version} workspace does not have`);
    }
  });
});
