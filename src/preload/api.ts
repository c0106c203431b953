/**
 * The one typed API the preload exposes on `window.purestream` (contextBridge), and the IPC
 * channel names main and preload share. The renderer treats it as optional: on the web it is absent.
 * Files are known to the renderer by tokens the main process hands out for files chosen in its
 * own dialogs; a path never crosses IPC (src/main/fileGrants.ts).
 */
import type { StreamNaming } from '../sources/streamNaming';

/** IPC channels, shared by main and preload. */
export const Channel = {
  openFile: 'purestream:open-file',
  saveFile: 'purestream:save-file',
  recentFiles: 'purestream:recent-files',
  openRecent: 'purestream:open-recent',
  openExternal: 'purestream:open-external',
  menuCommand: 'purestream:menu-command',
  openDomain: 'purestream:open-domain',
  readDomain: 'purestream:read-domain',
  domainChanged: 'purestream:domain-changed',
  sourceRecent: 'purestream:source-recent',
  sourceForget: 'purestream:source-forget',
  sourceOpen: 'purestream:source-open',
  sourceStart: 'purestream:source-start',
  sourceAck: 'purestream:source-ack',
  sourceStop: 'purestream:source-stop',
  sourceEarlier: 'purestream:source-earlier',
  sourceBatch: 'purestream:source-batch',
  sourceEnd: 'purestream:source-end',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** Kinds of files the renderer may be granted; `domain`: a domain module, opened only through `openDomain`. */
export type FileKind = 'scenario' | 'log' | 'workspace' | 'domain';

/** A file the main process let the renderer use: an opaque token and the file's name (for display). */
export interface FileRef {
  readonly token: string;
  readonly name: string;
}

/** A file the user picked: its reference and contents (text, or bytes for workspaces). */
export interface OpenedFile extends FileRef {
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

/** An entry of the recent-files list. */
export interface RecentFile extends FileRef {
  readonly kind: FileKind;
}

/** The result of a file handler: the value, or a readable error naming the file. */
export type FileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** A domain module the main process read: its reference, and its files (the module and its relative imports) by virtual path. */
export interface OpenedDomain extends FileRef {
  readonly files: { readonly entry: string; readonly files: Readonly<Record<string, string>> };
}

/** What opening a live source asks (sources.md): a URL typed in, or a saved connection by id. */
export interface SourceOpenRequest {
  readonly url?: string;
  readonly recentId?: string;
  /** Keep it in the recent connections (its password in the desktop's secure storage). */
  readonly remember: boolean;
  /** `start`, `end`, a position or a time (as `inspect --from`). */
  readonly from?: string;
  readonly until: 'head' | 'live';
}

/** An open session: its id, the URL as shown (password hidden), and how its records are shaped. */
export interface SourceSessionInfo {
  readonly session: string;
  readonly display: string;
  readonly profile: string;
  readonly framing: string;
  /** Something the user should know (the password could not be remembered safely). */
  readonly notice?: string;
  /** How its records name their streams, when the store can be queried by stream (a PostgreSQL store): its streams' earlier events can be loaded (`SourcesApi.earlier`). */
  readonly earlier?: StreamNaming;
}

/** A page of a stream's earlier events (README, "Streams that began before the read"); `done` when the stream has no more before the record. */
export interface SourceEarlierPage {
  readonly rows: readonly object[];
  readonly done: boolean;
}

/** One batch of a session's records. */
export interface SourceBatchMessage {
  readonly records: readonly object[];
  readonly position: string | undefined;
  readonly caughtUp: boolean;
  /** What the read waits for (a store's missing position a transaction still open may write); absent when nothing. */
  readonly waiting?: string;
  /** Positions the batch passed without a record after waiting at them (src/sources/types' SourceBatch). */
  readonly skipped?: readonly { readonly first: string; readonly last: string; readonly message: string }[];
}

/** How a session ended: records read, the last position, and why when the connection was lost. */
export interface SourceEndMessage {
  readonly records: number;
  readonly position?: string;
  readonly lost?: string;
}

/** A saved connection as the renderer sees it (never its password). */
export interface RecentSource {
  readonly id: string;
  readonly display: string;
  readonly hasPassword: boolean;
}

/** Live sources read by the main process (the desktop's Connect…). */
export interface SourcesApi {
  /** The saved connections, most recent first. */
  recent(): Promise<readonly RecentSource[]>;
  /** Forgets a saved connection (and its password). */
  forget(id: string): Promise<void>;
  /** Connects; nothing is sent until `start`. */
  open(request: SourceOpenRequest): Promise<FileResult<SourceSessionInfo>>;
  /** Starts sending the session's batches (listen with onBatch/onEnd first). */
  start(session: string): void;
  /** Acknowledges a batch taken (the main process sends at most two ahead). */
  ack(session: string): void;
  /** Stops the session: it ends with the position reached; a session whose store can be queried by stream is closed by it (after its end too: its streams' earlier events are loaded until then). */
  stop(session: string): Promise<void>;
  /**
   * The next page of the earlier events of `record`'s stream (a record of the session, past its
   * stream's start): with `more` false the load starts, with `more` true it goes on. An error names why.
   */
  earlier(session: string, record: object, more: boolean): Promise<FileResult<SourceEarlierPage>>;
  onBatch(listener: (session: string, batch: SourceBatchMessage) => void): () => void;
  onEnd(listener: (session: string, end: SourceEndMessage) => void): () => void;
}

export interface PurestreamApi {
  /** Shows the native Open dialog; resolves null when the user cancels. */
  openFile(kind: FileKind): Promise<FileResult<OpenedFile | null>>;
  /**
   * Saves to the file a token stands for (one this kind of file was opened from or saved to),
   * or shows the native Save dialog when there is none; resolves the file written, or null when cancelled.
   */
  saveFile(kind: FileKind, contents: string | Uint8Array, token?: string, suggestedName?: string): Promise<FileResult<FileRef | null>>;
  /** The recent-files list, newest first. */
  recentFiles(): Promise<readonly RecentFile[]>;
  /** Opens an entry of the recent-files list. */
  openRecent(token: string): Promise<FileResult<OpenedFile | null>>;
  /** Opens one of the project's documentation links in the browser, after the user confirms. */
  openExternal(url: string): Promise<boolean>;
  /** Shows the native Open dialog for a domain module, reads it and its relative imports, and watches it; null when cancelled. */
  openDomain?(): Promise<FileResult<OpenedDomain | null>>;
  /** Reads an opened domain module again (after it changed on disk). */
  readDomain?(token: string): Promise<FileResult<OpenedDomain>>;
  /** Subscribes to changes of opened domain modules on disk (debounced); the listener gets the module's token. */
  onDomainChanged?(listener: (token: string) => void): () => void;
  /** Subscribes to application-menu commands (new, open, save, save-as, …); returns an unsubscribe function. */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** Live stores and brokers, read in the main process. */
  readonly sources: SourcesApi;
}

declare global {
  interface Window {
    purestream?: PurestreamApi;
  }
}
