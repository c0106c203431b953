/**
 * The logs worker: owns the workspace database (sql.js) and a scratch one for the current run's
 * logs; imports recorded logs with progress and cancel (the log is readable from its first
 * batch on, while the rest streams in); serves windows of rows by index from a seq index per
 * (log, filter), so scrolling and "go to seq" never scan (a log imported in this session keeps
 * its seqs in memory from the import); autosaves to IndexedDB when idle.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { domainById } from '../../../domain';
import { querySql } from '../../../src/engine/consumers/querySql';
import { redriveDeadLetters } from '../../../src/engine/redrive';
import { quoteIdentifier, SqlInterpreter } from '../../../src/engine/consumers/sql';
import { streamCountOf } from '../../../src/logs/lazyFinalState';
import { InspectCancelled, type InspectionReport } from '../../../src/logs/types';
import { distinctValues, pageEvents, type EventFilter } from '../../../src/store/eventPages';
import { appendEvents, deleteLog, ensureEventIndexes, importLog, listLogs } from '../../../src/store/logs';
import { deleteRun, listRuns, loadReport, loadTrace, saveRun } from '../../../src/store/runs';
import { deleteScenario, listScenarios, loadScenario, saveScenario } from '../../../src/store/scenarios';
import { createWorkspace, openWorkspace, saveWorkspace, type Workspace } from '../../../src/store/workspace';
import { lowerBound } from '../../lib/eventlog/scrollModel';
import { SeqList } from '../../lib/eventlog/seqList';
import { importRecords } from '../../lib/inspector/importRecords';
import { readAutosave, writeAutosave } from '../../lib/workspace/idbAutosave';
import type { ImportInput, ImportProgress, InspectionSummary, LogSource, LogsReplies, LogsReply, LogsRequest, WorkspaceContents } from '../../lib/workspace/logsProtocol';

let sqlJsPromise: Promise<SqlJsStatic> | undefined;
const sqlJs = (): Promise<SqlJsStatic> => (sqlJsPromise ??= initSqlJs({ locateFile: () => wasmUrl }));

let workspace: Workspace | undefined;
let workspaceName = 'Untitled workspace';
let scratch: Workspace | undefined;
const runLogs = new Map<string, { readonly logId: number; stored: number }>();
const seqIndexes = new Map<string, Float64Array>();
/** The seqs of the workspace logs imported in this session, by log id (the unfiltered index, kept from the import). */
const importedSeqs = new Map<number, SeqList>();
const sqlDbs = new Map<string, SqlInterpreter>();
let importCancelled = false;
let importing = false;
let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
let autosaveDue = false;
/** Input this big (bytes) is imported without the secondary indexes, built once at the end. */
const BULK_BYTES = 16 << 20;

const reply = (message: LogsReply): void => postMessage(message);

async function ws(): Promise<Workspace> {
  return (workspace ??= createWorkspace(await sqlJs()));
}

function contents(db: Workspace): WorkspaceContents {
  return { scenarios: listScenarios(db), runs: listRuns(db), logs: listLogs(db) };
}

/** Forgets the seq indexes of one workspace log (all of them without `logId`). */
function forgetIndexes(logId?: number): void {
  const prefix = logId === undefined ? 'workspace:' : `workspace:${logId}:`;
  for (const key of [...seqIndexes.keys()]) if (key.startsWith(prefix)) seqIndexes.delete(key);
  if (logId === undefined) importedSeqs.clear();
  else importedSeqs.delete(logId);
}

/** The workspace changed: autosave once the worker has been idle a moment (longer for a big workspace, whose export takes a while). */
function changed(): void {
  autosaveDue = true;
  armAutosave();
}

function armAutosave(): void {
  clearTimeout(autosaveTimer);
  if (!autosaveDue || !workspace) return;
  const pages = Number(workspace.exec('PRAGMA page_count')[0].values[0][0]);
  autosaveTimer = setTimeout(autosave, pages > 8192 ? 2000 : 200);
}

function autosave(): void {
  // an import in progress saves when it ends (its log is not complete, and may lack its indexes)
  if (!workspace || importing) return;
  autosaveDue = false;
  void writeAutosave({ bytes: saveWorkspace(workspace), name: workspaceName, savedAt: Date.now() }).catch(() => undefined);
}

/** Lets queued messages (a page request, Cancel) in: a MessageChannel round trip, not clamped like nested timers. */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();
const yieldToMessages = (): Promise<void> =>
  new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(0);
  });

function dbOf(source: LogSource): Workspace {
  const db = source.db === 'workspace' ? workspace : scratch;
  if (!db) throw new Error(`no ${source.db} database yet`);
  return db;
}

/** Every matching seq of a log, in order (cached per log and filter). */
function seqIndex(source: LogSource, filter: EventFilter): Float64Array {
  const key = `${source.db}:${source.logId}:${filter.type ?? ''}\u0000${filter.stream ?? ''}\u0000${filter.text ?? ''}`;
  const imported = source.db === 'workspace' && !filter.type && !filter.stream && !filter.text ? importedSeqs.get(source.logId) : undefined;
  if (imported) return imported.sorted();
  let seqs = seqIndexes.get(key);
  if (seqs) return seqs;
  const db = dbOf(source);
  const parts = ['log_id = ?'];
  const params: (string | number)[] = [source.logId];
  if (filter.type) {
    parts.push('type = ?');
    params.push(filter.type);
  }
  if (filter.stream) {
    parts.push('stream = ?');
    params.push(filter.stream);
  }
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push("(id LIKE ? ESCAPE '\\' OR type LIKE ? ESCAPE '\\' OR stream LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')");
    params.push(like, like, like, like);
  }
  const stmt = db.prepare(`SELECT seq FROM events WHERE ${parts.join(' AND ')} ORDER BY seq`);
  const out: number[] = [];
  try {
    stmt.bind(params);
    while (stmt.step()) out.push(stmt.get()[0] as number);
  } finally {
    stmt.free();
  }
  seqs = Float64Array.from(out);
  seqIndexes.set(key, seqs);
  return seqs;
}

async function* chunksOf(input: ImportInput, onBytes: (n: number) => void): AsyncGenerator<string> {
  if (input.kind === 'text') {
    for (let i = 0; i < input.text.length; i += 1 << 20) {
      onBytes(Math.min(input.text.length, i + (1 << 20)));
      yield input.text.slice(i, i + (1 << 20));
    }
    return;
  }
  const reader = input.file.stream().getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let last = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    const text = decoder.decode(value, { stream: true });
    // in pieces of 64K characters, letting page requests and Cancel in every few milliseconds
    for (let i = 0; i < text.length; i += 1 << 16) {
      yield text.length <= 1 << 16 ? text : text.slice(i, i + (1 << 16));
      if (performance.now() - last > 12) {
        await yieldToMessages();
        last = performance.now();
      }
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function handle(request: LogsRequest): Promise<LogsReplies[keyof LogsReplies]> {
  switch (request.type) {
    case 'init': {
      const saved = await readAutosave();
      if (saved) {
        try {
          workspace = openWorkspace(await sqlJs(), saved.bytes, saved.name);
          workspaceName = saved.name;
          return { restored: true, name: saved.name, savedAt: saved.savedAt, contents: contents(workspace) };
        } catch {
          // a damaged autosave is dropped; a fresh workspace follows
        }
      }
      return { restored: false, name: workspaceName, contents: contents(await ws()) };
    }
    case 'new':
      forgetIndexes();
      workspace?.close();
      workspace = createWorkspace(await sqlJs());
      workspaceName = 'Untitled workspace';
      changed();
      return { contents: contents(workspace) };
    case 'open': {
      const db = openWorkspace(await sqlJs(), request.bytes, request.name);
      forgetIndexes();
      workspace?.close();
      workspace = db;
      workspaceName = request.name;
      changed();
      return { contents: contents(db) };
    }
    case 'save': {
      const db = await ws();
      ensureEventIndexes(db); // saved as the schema says, also in the middle of a big import
      const bytes = saveWorkspace(db);
      clearTimeout(autosaveTimer);
      autosaveDue = false;
      await writeAutosave({ bytes, name: workspaceName, savedAt: Date.now() }).catch(() => undefined);
      return { bytes };
    }
    case 'contents':
      return { contents: contents(await ws()) };
    case 'saveScenario': {
      const db = await ws();
      saveScenario(db, { name: request.name, json: request.json, updated: Date.now() });
      changed();
      return { contents: contents(db) };
    }
    case 'loadScenario':
      return { json: loadScenario(await ws(), request.name)?.json };
    case 'saveRun': {
      const db = await ws();
      const runId = saveRun(db, { report: request.report, traces: request.traces, created: Date.now() });
      changed();
      return { runId, contents: contents(db) };
    }
    case 'loadRun': {
      const db = await ws();
      const report = loadReport(db, request.runId);
      if (!report) return { report: undefined, traces: [] };
      return { report, traces: report.runs.map((_, i) => loadTrace(db, request.runId, i)!).filter(Boolean) };
    }
    case 'delete': {
      const db = await ws();
      if (request.what === 'scenario') deleteScenario(db, String(request.key));
      else if (request.what === 'run') deleteRun(db, Number(request.key));
      else {
        deleteLog(db, Number(request.key));
        forgetIndexes(Number(request.key));
      }
      changed();
      return { contents: contents(db) };
    }
    case 'import': {
      const decider = domainById(request.options.domain);
      if (!decider) throw new Error(`unknown domain "${request.options.domain}"`);
      const db = await ws();
      importCancelled = false;
      importing = true;
      const started = performance.now();
      const total = request.input.kind === 'file' ? request.input.file.size : request.input.text.length;
      const seqs = new SeqList();
      let progress: ImportProgress = { bytes: 0, records: 0, total };
      let lastSent = 0;
      const send = (force: boolean) => {
        const now = performance.now();
        if (!force && now - lastSent < 100) return;
        lastSent = now;
        reply({ id: request.id, type: 'progress', progress });
      };
      let logId: number | undefined;
      try {
        const result = await importRecords(db, chunksOf(request.input, (bytes) => (progress = { ...progress, bytes })), {
          decider,
          name: request.options.name,
          source: request.options.name,
          format: request.options.format,
          typeMap: request.options.typeMap,
          bulk: total >= BULK_BYTES,
          batch: 4096,
          seqs,
          isCancelled: () => importCancelled,
          onProgress: (records) => {
            progress = { ...progress, records };
            send(false);
          },
          onStored: (p) => {
            const first = logId === undefined;
            logId = p.logId;
            if (first) importedSeqs.set(p.logId, seqs);
            forgetFiltered(p.logId);
            progress = { ...progress, source: { db: 'workspace', logId: p.logId }, stored: p.stored, counts: p.counts };
            send(first);
          },
        });
        logId = result.logId;
        forgetFiltered(result.logId);
        importedSeqs.set(result.logId, seqs);
        importing = false;
        changed();
        return { source: { db: 'workspace', logId: result.logId }, report: summaryOf(result.report), seconds: (performance.now() - started) / 1000 };
      } catch (error) {
        if (logId !== undefined) forgetIndexes(logId);
        throw error;
      } finally {
        importing = false;
        armAutosave();
      }
    }
    case 'cancelImport':
      importCancelled = true;
      return {};
    case 'runLog': {
      scratch ??= createWorkspace(await sqlJs());
      let log = runLogs.get(request.key);
      if (log === undefined) {
        log = { logId: importLog(scratch, { name: request.key, source: 'run', imported: Date.now() }, request.log.map((e) => ({ ...e, at: e.appendedAt }))), stored: request.log.length };
        runLogs.set(request.key, log);
      }
      return { source: { db: 'scratch', logId: log.logId }, stored: log.stored };
    }
    case 'runLogAppend': {
      const log = runLogs.get(request.key);
      if (log === undefined || !scratch) throw new Error(`no run log "${request.key}" to append to`);
      if (request.offset === log.stored && request.log.length > 0) {
        appendEvents(scratch, log.logId, request.log.map((e) => ({ ...e, at: e.appendedAt })));
        log.stored += request.log.length;
        forgetFiltered(log.logId, 'scratch');
      }
      return { stored: log.stored };
    }
    case 'rows': {
      const seqs = seqIndex(request.source, request.filter);
      const first = Math.max(0, Math.min(request.first, seqs.length - 1));
      if (seqs.length === 0 || request.count <= 0) return { total: seqs.length, first: 0, events: [] };
      const page = pageEvents(dbOf(request.source), request.source.logId, { ...request.filter, afterSeq: seqs[first] - 1, limit: Math.min(request.count, 500) });
      return { total: seqs.length, first, events: page.events };
    }
    case 'seek': {
      const seqs = seqIndex(request.source, request.filter);
      const index = Math.min(lowerBound(seqs, request.seq), Math.max(0, seqs.length - 1));
      return { index, total: seqs.length, ...(seqs.length > 0 ? { seq: seqs[index] } : {}) };
    }
    case 'types': {
      const db = dbOf(request.source);
      return { types: distinctValues(db, request.source.logId, 'type', 10_000), streams: distinctValues(db, request.source.logId, 'stream', 2000) };
    }
    case 'sqlLoad': {
      const decider = domainById(request.domain);
      if (!decider) throw new Error(`unknown domain "${request.domain}"`);
      sqlDbs.get(request.key)?.dispose();
      const interpreter = new SqlInterpreter(decider, await sqlJs());
      for (const [table, rows] of Object.entries(request.tables)) {
        for (const row of rows) {
          const cols = Object.keys(row);
          interpreter.db.run(`INSERT INTO ${quoteIdentifier(table)} (${cols.map(quoteIdentifier).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => row[c] as never));
        }
      }
      sqlDbs.set(request.key, interpreter);
      return { tables: interpreter.tables };
    }
    case 'sqlQuery': {
      const interpreter = sqlDbs.get(request.key);
      if (!interpreter) throw new Error('the consumer tables are not loaded');
      return querySql(interpreter, request.sql);
    }
    case 'redrive':
      return redriveDeadLetters(request.scenario, request.run, request.consumer, { sqlJs: await sqlJs() });
  }
}

/** The report without its final state (never built here: it is a lazy property), plus the stream count. */
function summaryOf(report: InspectionReport): InspectionSummary {
  const summary: Record<string, unknown> = { finalStreams: streamCountOf(report) };
  for (const key of Object.keys(report)) if (key !== 'finalState') summary[key] = report[key as keyof InspectionReport];
  return summary as InspectionSummary;
}

/** Forgets the filtered seq indexes of a log that grew (its unfiltered one grows with it). */
function forgetFiltered(logId: number, db: LogSource['db'] = 'workspace'): void {
  for (const key of [...seqIndexes.keys()]) if (key.startsWith(`${db}:${logId}:`)) seqIndexes.delete(key);
}

onmessage = (event: MessageEvent<LogsRequest>) => {
  const request = event.data;
  // a pending autosave waits until the worker is idle
  if (autosaveDue) armAutosave();
  handle(request).then(
    (value) => reply({ id: request.id, type: 'ok', value }),
    (e: unknown) => reply({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e), ...(e instanceof InspectCancelled ? { cancelled: true } : {}) }),
  );
};
