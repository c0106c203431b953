/** Messages between the UI and the logs worker (workspace database, log imports, paging). Plain data. */
import type { Report, Scenario, Trace, LogEntry } from '../../../src/engine/types';
import type { RedriveResult } from '../../../src/engine/redrive';
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { InspectionReport, InspectProgress, LogFormat } from '../../../src/logs/types';
import type { SqlQueryResult } from '../../../src/engine/consumers/querySql';
import type { EventFilter, StoredEvent } from '../../../src/store/eventPages';
import type { StoredLog } from '../../../src/store/logs';
import type { RunSummary } from '../../../src/store/runs';

/** Which database a log lives in: the workspace (imported logs) or the scratch one (the current run's logs). */
export interface LogSource {
  readonly db: 'workspace' | 'scratch';
  readonly logId: number;
}

/** What the workspace holds, for lists. */
export interface WorkspaceContents {
  readonly scenarios: readonly { readonly name: string; readonly updated: number }[];
  readonly runs: readonly RunSummary[];
  readonly logs: readonly StoredLog[];
}

/** Where a log to import comes from. */
export type ImportInput = { readonly kind: 'file'; readonly file: File } | { readonly kind: 'text'; readonly text: string };

/** Options of an import. */
export interface ImportOptions {
  readonly name: string;
  readonly domain: string;
  readonly format: LogFormat;
  readonly typeMap?: Readonly<Record<string, string>>;
}

/** How far an import got: bytes and records read of `total`, and once its first events are stored, the log (already readable) with the counts so far. */
export interface ImportProgress extends InspectProgress {
  readonly total: number;
  readonly source?: LogSource;
  readonly stored?: number;
  readonly counts?: InspectionCounts;
}

/** An inspection report as the UI gets it: without `finalState` (a million-event log can end with hundreds of thousands of streams, costly to clone and unused on screen), with its stream count. */
export type InspectionSummary = Omit<InspectionReport, 'finalState'> & { readonly finalStreams: number };

/** A finished import: the stored log and its inspection. */
export interface ImportResult {
  readonly source: LogSource;
  readonly report: InspectionSummary;
  readonly seconds: number;
}

/** A window of rows of a (filtered) log, by index. */
export interface RowsReply {
  readonly total: number;
  readonly first: number;
  readonly events: readonly StoredEvent[];
}

/** Requests without the id the client adds. */
export type LogsRequestBody =
  | { readonly type: 'init' }
  | { readonly type: 'new' }
  | { readonly type: 'open'; readonly bytes: Uint8Array; readonly name: string }
  | { readonly type: 'save' }
  | { readonly type: 'contents' }
  | { readonly type: 'saveScenario'; readonly name: string; readonly json: string }
  | { readonly type: 'loadScenario'; readonly name: string }
  | { readonly type: 'saveRun'; readonly report: Report; readonly traces: readonly Trace[] }
  | { readonly type: 'loadRun'; readonly runId: number }
  | { readonly type: 'delete'; readonly what: 'scenario' | 'run' | 'log'; readonly key: string | number }
  | { readonly type: 'import'; readonly input: ImportInput; readonly options: ImportOptions }
  | { readonly type: 'cancelImport' }
  | { readonly type: 'runLog'; readonly key: string; readonly log: readonly LogEntry[] }
  /** More of a run's log (a big run's, read page by page from the engine worker); ignored unless `offset` is what is stored already. */
  | { readonly type: 'runLogAppend'; readonly key: string; readonly offset: number; readonly log: readonly LogEntry[] }
  | { readonly type: 'rows'; readonly source: LogSource; readonly filter: EventFilter; readonly first: number; readonly count: number }
  | { readonly type: 'seek'; readonly source: LogSource; readonly filter: EventFilter; readonly seq: number }
  | { readonly type: 'types'; readonly source: LogSource }
  | { readonly type: 'sqlLoad'; readonly key: string; readonly domain: string; readonly tables: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>> }
  | { readonly type: 'sqlQuery'; readonly key: string; readonly sql: string }
  | { readonly type: 'redrive'; readonly scenario: Scenario; readonly run: string; readonly consumer: string };

/** A request to the logs worker. */
export type LogsRequest = LogsRequestBody & { readonly id: number };

/** What each request resolves to. */
export interface LogsReplies {
  init: { restored: boolean; name: string; savedAt?: number; contents: WorkspaceContents };
  new: { contents: WorkspaceContents };
  open: { contents: WorkspaceContents };
  save: { bytes: Uint8Array };
  contents: { contents: WorkspaceContents };
  saveScenario: { contents: WorkspaceContents };
  loadScenario: { json: string | undefined };
  saveRun: { runId: number; contents: WorkspaceContents };
  loadRun: { report: Report; traces: Trace[] } | { report: undefined; traces: [] };
  delete: { contents: WorkspaceContents };
  import: ImportResult;
  cancelImport: Record<string, never>;
  /** `stored`: how many of the run's log entries the scratch log holds (a big run's grows with `runLogAppend`). */
  runLog: { source: LogSource; stored: number };
  runLogAppend: { stored: number };
  rows: RowsReply;
  seek: { index: number; total: number; seq?: number };
  types: { types: readonly string[]; streams: readonly string[] };
  sqlLoad: { tables: readonly string[] };
  sqlQuery: SqlQueryResult;
  redrive: RedriveResult;
}

/** A reply: progress of an import, a result, or an error. */
export type LogsReply =
  | { readonly id: number; readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly id: number; readonly type: 'ok'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string; readonly cancelled?: boolean };
