/**
 * The logs worker (Comlink): the workspace file and the scratch database of the current run's
 * logs (./logs/workspaceFile), log imports with progress and Cancel (./logs/logImport), and
 * windows of rows for the event tables (./logs/logPages). The SQL query box has a worker of its
 * own (./sql.worker), so a long query never holds these up.
 */
import { expose } from 'comlink';
import type { LogEntry, Report, Trace } from '../../../src/engine/types';
import type { EventFilter } from '../../../src/store/eventPages';
import type { RunLink } from '../../../src/store/runs';
import type { TimeRange } from '../../lib/timeline/timelineModel';
import type { ImportInput, ImportOptions, ImportProgress, LogSource } from '../../lib/workspace/logsProtocol';
import { LogImport } from './logs/logImport';
import { LogInspections } from './logs/logInspections';
import { LogPages } from './logs/logPages';
import { WorkspaceFile } from './logs/workspaceFile';
import { WorkspaceLogs } from './logs/workspaceLogs';
import type { EarlierPageLoad } from '../../../src/sources/remoteEarlier';
import type { StreamNaming } from '../../../src/sources/streamNaming';

const file = new WorkspaceFile();
const pages = new LogPages(file);
const logs = new WorkspaceLogs(file, pages);
const imports = new LogImport(logs);
const inspections = new LogInspections(file, logs);
// a log removed, or read live (it changes under its graph and timeline): they are read again
logs.onOutdated = (logId) => inspections.forget(logId);
file.onReplaced = () => {
  pages.forget();
  inspections.forget();
};

/** What the logs worker serves. */
const logsApi = {
  init: () => file.init(),
  create: () => file.create(),
  open: (bytes: Uint8Array, name: string) => file.open(bytes, name),
  save: () => file.save(),
  contents: async () => ({ contents: await file.contents() }),
  saveScenario: (name: string, json: string) => file.saveScenario(name, json),
  loadScenario: (name: string) => file.loadScenario(name),
  renameScenario: (from: string, to: string) => file.renameScenario(from, to),
  saveRun: (report: Report, traces: readonly Trace[], link?: RunLink) => file.saveRun(report, traces, link),
  sameRun: (report: Report, link: RunLink) => file.sameRun(report, link),
  loadRun: (runId: number) => file.loadRun(runId),
  async remove(what: 'scenario' | 'run' | 'log', key: string | number) {
    const reply = await file.remove(what, key);
    if (what === 'log') {
      pages.forget(Number(key));
      inspections.forget(Number(key));
    }
    return reply;
  },
  importLog: (input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void) => imports.run(input, options, onProgress),
  inspectAgain: (logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void) => imports.again(logId, options, onProgress),
  cancelImport: () => imports.cancel(),
  /** Serves the workspace's logs on `port` to a domain module's worker, which imports and inspects with its module (renderer/src/worker/moduleLogs.ts). */
  link: (port: MessagePort, readOnly?: boolean) => logs.link(port, readOnly),
  /** Discards what an import in a module's worker left unfinished (the worker was stopped: the watchdog, Cancel). */
  abandonImports: () => logs.abandon(),
  importLive: (options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, naming?: StreamNaming, load?: EarlierPageLoad) => imports.live(options, framing, onProgress, naming && load ? { naming, load } : undefined),
  liveBatch: (records: readonly unknown[]) => imports.liveBatch(records),
  liveEnd: () => imports.liveEnd(),
  inspection: (logId: number) => inspections.inspection(logId),
  preview: (logId: number, options: ImportOptions, count: number) => inspections.preview(logId, options, count),
  recordDetail: (logId: number, seq: number) => inspections.recordDetail(logId, seq),
  recordLinks: (logId: number, seq: number) => inspections.recordLinks(logId, seq),
  apartRecords: (logId: number) => inspections.apartRecords(logId),
  logGraphWindow: (logId: number, range: TimeRange | undefined, max: number) => inspections.views(logId).then((v) => v.graphWindow(range, max)),
  logRecordOfNode: (logId: number, id: string) => inspections.views(logId).then((v) => v.recordOfNode(id)),
  logTimelineFrame: (logId: number) => inspections.views(logId).then((v) => v.timelineFrame()),
  logRecordStreams: (logId: number, seqs: readonly number[]) => inspections.views(logId).then((v) => v.recordStreams(seqs)),
  logTimelineWindow: (logId: number, range: TimeRange, maxBars: number, buckets: number) => inspections.views(logId).then((v) => v.timelineWindow(range, maxBars, buckets)),
  runLog: (key: string, log: readonly LogEntry[]) => pages.runLog(key, log),
  runLogAppend: (key: string, offset: number, log: readonly LogEntry[]) => pages.runLogAppend(key, offset, log),
  rows: (source: LogSource, filter: EventFilter, first: number, count: number, asker?: string) => pages.rows(source, filter, first, count, asker),
  seek: (source: LogSource, filter: EventFilter, seq: number, asker?: string) => pages.seek(source, filter, seq, asker),
  /** How far the search the table `asker` waits for got; and Stop. */
  searchProgress: (asker: string) => pages.searchProgress(asker),
  stopSearch: (asker: string) => pages.stopSearch(asker),
  types: (source: LogSource) => pages.types(source),
};

/** The logs worker's API. */
export type LogsApi = typeof logsApi;

// a pending autosave waits until the worker is idle
addEventListener('message', () => file.armAutosave());
expose(logsApi);
