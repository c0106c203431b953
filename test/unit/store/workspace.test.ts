import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import type { Report, Trace } from '../../../src/engine/types';
import { importLog, listLogs } from '../../../src/store/logs';
import { openWorkspaceFile, saveWorkspaceFile } from '../../../src/store/nodeFile';
import { countEvents, pageEvents } from '../../../src/store/eventPages';
import { listRuns, loadReport, loadTrace, saveRun } from '../../../src/store/runs';
import { deleteScenario, listScenarios, loadScenario, saveScenario } from '../../../src/store/scenarios';
import { createMeta, WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../../src/store/schema';
import { createWorkspace, openWorkspace, saveWorkspace, WorkspaceError } from '../../../src/store/workspace';
import { loadSqlJs, syntheticEvents } from './fixtures';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const latency = { p50: 1, p95: 2, p99: 2, max: 3 };
const metrics = {
  commands: 1, accepted: 1, rejected: 0, events: 1, deliveries: 1, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0,
  makespanMs: 1, commandLatencyMs: latency, enactLatencyMs: latency, maxQueueDepth: 1, maxWorkers: 1,
};
const report = (scenario: string, runs: string[]): Report => ({
  format: 'purestream/report@1',
  scenario,
  domain: 'commerce',
  seed: 7,
  runs: runs.map((name) => ({ name, metrics, rejections: {}, violations: [], stateHash: `h-${name}`, finalState: {} })),
});
const trace = (run: string): Trace => ({ run, decisions: [], log: [], attempts: [], history: [], queueDepth: [{ t: 0, value: 1 }], workers: [], consumerQueueDepth: {}, deadLetters: {}, outputs: {} });

function filledWorkspace() {
  const db = createWorkspace(sqlJs);
  saveScenario(db, { name: 'Flash sale', json: '{"format":"purestream/scenario@1"}', updated: 1000 });
  saveScenario(db, { name: 'Abc', json: '{}', updated: 2000 });
  saveScenario(db, { name: 'Abc', json: '{"v":2}', updated: 3000 });
  const runId = saveRun(db, { report: report('Flash sale', ['serial', 'pool']), traces: [trace('serial'), trace('pool')], created: 5000 });
  const logId = importLog(db, { name: 'orders.jsonl', source: '/tmp/orders.jsonl', domain: 'commerce', imported: 6000 }, syntheticEvents(250));
  return { db, runId, logId };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'purestream-ws-'));

describe('workspace file', () => {
  it('round-trips scenarios, runs with traces, and logs through saved bytes', () => {
    const { db, runId, logId } = filledWorkspace();
    const bytes = saveWorkspace(db);
    db.close();
    const again = openWorkspace(sqlJs, bytes, 'mine.purestream');
    expect(listScenarios(again)).toEqual([
      { name: 'Abc', updated: 3000 },
      { name: 'Flash sale', updated: 1000 },
    ]);
    expect(loadScenario(again, 'Abc')).toEqual({ name: 'Abc', json: '{"v":2}', updated: 3000 });
    expect(loadScenario(again, 'nope')).toBeUndefined();
    expect(listRuns(again)).toEqual([{ runId, scenario: 'Flash sale', created: 5000, runs: ['serial', 'pool'] }]);
    expect(loadReport(again, runId)).toEqual(report('Flash sale', ['serial', 'pool']));
    expect(loadTrace(again, runId, 1)).toEqual(trace('pool'));
    expect(loadTrace(again, runId, 2)).toBeUndefined();
    expect(listLogs(again)).toEqual([{ logId, name: 'orders.jsonl', source: '/tmp/orders.jsonl', domain: 'commerce', imported: 6000, events: 250 }]);
    expect(countEvents(again, logId)).toBe(250);
    expect(pageEvents(again, logId, { limit: 1 }).events).toEqual([
      { seq: 1, id: 'c1.1', type: 'ItemRestocked', stream: 's1', at: 10, causationId: 'c1', correlationId: 'c1', data: { sku: 'mug', qty: 1 } },
    ]);
    expect(deleteScenario(again, 'Abc')).toBe(true);
    expect(deleteScenario(again, 'Abc')).toBe(false);
  });

  it('saves to disk through a temp file, replacing the old file only when complete', async () => {
    const dir = tempDir();
    const path = join(dir, 'work.purestream');
    writeFileSync(path, 'old contents');
    const { db } = filledWorkspace();
    await saveWorkspaceFile(path, saveWorkspace(db));
    expect(readdirSync(dir)).toEqual(['work.purestream']);
    const reopened = await openWorkspaceFile(sqlJs, path);
    expect(listScenarios(reopened).map((s) => s.name)).toEqual(['Abc', 'Flash sale']);
  });

  it('leaves the old file whole when the save fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'work.purestream');
    writeFileSync(path, 'old contents');
    const failing = { length: 3 } as unknown as Uint8Array; // not writable bytes
    await expect(saveWorkspaceFile(path, failing)).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old contents');
    expect(readdirSync(dir)).toEqual(['work.purestream']);
  });

  it('refuses a truncated file with a clear message and leaves it byte-for-byte untouched', async () => {
    const dir = tempDir();
    const bytes = saveWorkspace(filledWorkspace().db);
    const cases: [string, Uint8Array, RegExp][] = [
      ['half.purestream', bytes.slice(0, Math.floor(bytes.length / 2)), /^.*half\.purestream: not a Purestream workspace \(truncated: /],
      ['page.purestream', bytes.slice(0, 4096 * 2), /page\.purestream: not a Purestream workspace \(truncated: 8192 bytes, but the header says \d+ pages of 4096 bytes\)/],
      ['header.purestream', bytes.slice(0, 60), /header\.purestream: not a Purestream workspace \(not an SQLite file\)/],
    ];
    for (const [name, cut, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, cut);
      await expect(openWorkspaceFile(sqlJs, path)).rejects.toThrow(message);
      expect(Buffer.compare(readFileSync(path), Buffer.from(cut))).toBe(0);
    }
  });

  it('refuses a file whose pages are damaged', () => {
    const bytes = saveWorkspace(filledWorkspace().db);
    const damaged = bytes.slice();
    for (let i = 4096 * 3; i < 4096 * 5; i++) damaged[i] = 0xa5;
    expect(() => openWorkspace(sqlJs, damaged, 'bad.purestream')).toThrow(/^bad\.purestream: not a Purestream workspace \(/);
  });

  it('refuses a file that is not SQLite, and an empty one', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.purestream');
    const text = Buffer.from('{"format":"purestream/scenario@1"}\n'.repeat(20));
    writeFileSync(path, text);
    await expect(openWorkspaceFile(sqlJs, path)).rejects.toThrow(`${path}: not a Purestream workspace (not an SQLite file)`);
    expect(Buffer.compare(readFileSync(path), text)).toBe(0);
    expect(() => openWorkspace(sqlJs, new Uint8Array(0), 'empty.db')).toThrow('empty.db: not a Purestream workspace (the file is empty)');
  });

  it('refuses SQLite files that are not workspaces, naming what is missing', () => {
    const foreign = new sqlJs.Database();
    foreign.run('CREATE TABLE customers (id TEXT)');
    const bytes = foreign.export();
    const copy = bytes.slice();
    expect(() => openWorkspace(sqlJs, bytes, 'crm.db')).toThrow('crm.db: not a Purestream workspace (an SQLite database without a Purestream meta table)');
    expect(bytes).toEqual(copy);

    foreign.run('CREATE TABLE meta (key TEXT, value TEXT)');
    foreign.run("INSERT INTO meta VALUES ('format', 'someone/else')");
    expect(() => openWorkspace(sqlJs, foreign.export(), 'other.db')).toThrow(`other.db: not a Purestream workspace (meta format is 'someone/else', expected '${WORKSPACE_FORMAT}')`);

    const odd = new sqlJs.Database();
    odd.run('CREATE TABLE meta (name TEXT)');
    expect(() => openWorkspace(sqlJs, odd.export(), 'odd.db')).toThrow(/odd\.db: not a Purestream workspace \(its meta table is not Purestream's: no such column: key\)/);
  });

  it('refuses a workspace written by a newer version', () => {
    const db = createWorkspace(sqlJs);
    db.run("UPDATE meta SET value = '99' WHERE key = 'version'");
    const error = (() => {
      try {
        openWorkspace(sqlJs, db.export(), 'future.purestream');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as Error).message).toBe(`future.purestream: written by a newer Purestream (workspace version 99; this one reads up to ${WORKSPACE_VERSION})`);
  });

  it('migrates a version-0 workspace (meta only) in memory, leaving its bytes alone', () => {
    const v0 = new sqlJs.Database();
    createMeta(v0);
    const bytes = v0.export();
    const copy = bytes.slice();
    const db = openWorkspace(sqlJs, bytes, 'old.purestream');
    expect(db.exec("SELECT value FROM meta WHERE key = 'version'")[0].values).toEqual([[String(WORKSPACE_VERSION)]]);
    expect(listScenarios(db)).toEqual([]);
    saveScenario(db, { name: 'x', json: '{}', updated: 1 });
    expect(openWorkspace(sqlJs, saveWorkspace(db), 'new.purestream').exec('SELECT count(*) FROM scenarios')[0].values).toEqual([[1]]);
    expect(bytes).toEqual(copy);
  });

  it('creates the current schema with the paging indexes', () => {
    const db = createWorkspace(sqlJs);
    const indexes = db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name")[0].values.flat();
    expect(indexes).toEqual(['events_by_stream', 'events_by_time', 'events_by_type']);
    expect(db.exec("SELECT value FROM meta WHERE key = 'format'")[0].values).toEqual([[WORKSPACE_FORMAT]]);
  });
});

describe('workspace core portability', () => {
  it('uses no Node built-ins outside nodeFile.ts (it runs in the browser too)', () => {
    const dir = join(__dirname, '../../../src/store');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'nodeFile.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|fs|path|os)/);
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from 'sql\.js'/m); // the host passes the module in
    }
  });
});
