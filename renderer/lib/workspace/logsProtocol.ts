/** Data the logs worker's API (renderer/src/worker/logs.worker.ts) takes and gives: workspace contents, log imports, row windows. Plain data. */
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { Framing } from '../../../src/logs/framing/logFramer';
import type { ProfileName } from '../../../src/logs/profiles';
import type { InspectionReport, InspectProgress } from '../../../src/logs/types';
import type { StoredEvent } from '../../../src/store/eventPages';
import type { LogTally, StoredLog } from '../../../src/store/logs';
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
  /** Each with what its stored inspection read (absent when none was kept). */
  readonly logs: readonly (StoredLog & { readonly tally?: LogTally })[];
}

/** Where a log to import comes from. */
export type ImportInput = { readonly kind: 'file'; readonly file: File } | { readonly kind: 'text'; readonly text: string };

/** How a log is read (logs.md): each detected when absent; no domain reads the facts every log has. */
export interface ReadingOptions {
  /** A bundled domain's id, or null for none. */
  readonly domain: string | null;
  readonly framing?: Framing | 'auto';
  readonly profile?: ProfileName;
  /** A `purestream/map@1` map (or a type map) as its file's JSON object. */
  readonly map?: unknown;
  /** The records begin after the source's start (a live read from its end or a position): a stream a domain module cannot start there is left out, with a note. */
  readonly partial?: boolean;
}

/** Options of an import. */
export interface ImportOptions extends ReadingOptions {
  readonly name: string;
  /** Where the log came from, as the workspace keeps it: its name unless said (a bundled sample's path from the checkout, `samples/logs/…`). */
  readonly source?: string;
}

/** How far an import got: bytes and records read of `total`, and once its first events are stored, the log (already readable) with the counts so far. */
export interface ImportProgress extends InspectProgress {
  readonly total: number;
  readonly source?: LogSource;
  readonly stored?: number;
  readonly counts?: InspectionCounts;
  /** Now and then while a live source is read: the report of the records so far (the views follow the tail). */
  readonly report?: InspectionSummary;
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
  /** The search for the filter's rows was stopped before it ended (the table asked for another filter, or Stop): no rows, no total. */
  readonly stopped?: boolean;
}

/** How far a search of a filter no index serves got: the log's seqs read of all of them. */
export interface SearchProgress {
  readonly scanned: number;
  readonly of: number;
}
