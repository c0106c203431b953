/**
 * How the app reaches a live source (sources.md, the app's Connect…): in the desktop app the
 * main process reads it (any engine); in a browser only NATS over WebSocket can be reached. Both
 * give the same session: it opens (or fails with one readable line naming the URL, password
 * hidden), then, once started, hands its batches to a sink and ends with the position reached.
 */
import type { ProfileName } from '../../../../src/logs/profiles';
import type { SkippedPositions } from '../../../../src/logs/types';
import type { RemoteEarlier } from '../../../../src/sources/remoteEarlier';

/** What the user asked: a URL typed in (or a saved connection), where to start, whether to keep tailing. */
export interface LiveRequest {
  readonly url?: string;
  readonly recentId?: string;
  /** Keep it in the recent connections (the desktop keeps a password in the OS's secure storage; a browser never keeps one). */
  readonly remember: boolean;
  readonly from?: string;
  readonly until: 'head' | 'live';
}

/** What a batch says beside its records: what the read waits for, the positions it passed without a record (src/sources/types' SourceBatch). */
export interface LiveBatchNotes {
  readonly waiting?: string;
  readonly skipped?: readonly SkippedPositions[];
}

/** Where a session's records go; `batch` resolves once they are taken (backpressure). */
export interface LiveSink {
  batch(records: readonly object[], position: string | undefined, caughtUp: boolean, notes?: LiveBatchNotes): Promise<void>;
  end(end: { readonly records: number; readonly position?: string; readonly lost?: string }): void;
}

/** An open session. */
export interface LiveSession {
  /** The URL as shown (password hidden). */
  readonly display: string;
  readonly profile: ProfileName;
  readonly framing: string;
  readonly notice?: string;
  /** Where the inspection loads the earlier events of a stream met past its start (a store queried by stream, in the desktop app); absent when it cannot. */
  readonly earlier?: RemoteEarlier;
  /** Starts handing batches to the sink (start the import first). */
  start(sink: LiveSink): void;
  /** Stops the read: it ends with the position reached; after its end, closes what it kept open for `earlier`. */
  stop(): Promise<void>;
}

/** A saved connection as a list shows it. */
export interface RecentConnection {
  readonly id: string;
  readonly display: string;
  readonly hasPassword: boolean;
}

/** A way to reach live sources. */
export interface LiveConnector {
  /** `desktop`: any engine; `browser`: NATS over WebSocket only. */
  readonly kind: 'desktop' | 'browser';
  /** Opens a session; rejects with a readable message. */
  open(request: LiveRequest): Promise<LiveSession>;
  recent(): Promise<readonly RecentConnection[]>;
  forget(id: string): Promise<void>;
}
