/**
 * A live source read into the Logs view (sources.md, the app's Connect…): connects through the
 * app's connector (the desktop's main process, or NATS over WebSocket in a browser), streams the
 * batches into the workspace (stored and inspected as they come — with the reading's domain, in
 * the logs worker or in a domain module's own worker — so the records table and the counts move
 * while it reads), and ends — at the head, or when the user stops a tail — with the position
 * reached, kept to read on from later. A failure to connect is kept to be shown beside the
 * connection; a connection lost mid-read ends the read with what was read and says so; an import
 * that fails (a module's fault) closes the connection, and the read is said to have failed, with
 * nothing of it kept (the log read before stays on screen, and so does how it was read). A
 * mapping applied while it reads applies to the read from then on: it is read again from where
 * it started, with the mapping, and goes on (`readAgain`).
 */
import { desktopApi } from '../../../lib/desktop';
import { browserConnector } from '../../../lib/inspector/liveSources/browserConnector';
import { desktopConnector } from '../../../lib/inspector/liveSources/desktopConnector';
import type { LiveConnector, LiveRequest, LiveSession, RecentConnection } from '../../../lib/inspector/liveSources/liveConnector';
import type { ImportProgress } from '../../worker/logsClient';
import type { Inspector } from '../../state/Inspector.svelte';
import type { SkippedPositions } from '../../../../src/logs/types';
import type { ReadingOptions } from '../../../lib/workspace/logsProtocol';

/** Runs of skipped positions the status keeps to show. */
const MAX_SKIPPED_SHOWN = 20;

/** Where a live read stands. */
export type LivePhase = 'idle' | 'connecting' | 'reading' | 'stopping' | 'done';

/** The app's connector: the desktop's main process when there is one, else the browser's. */
export const appConnector = (): LiveConnector => {
  const api = desktopApi();
  return api?.sources ? desktopConnector(api.sources) : browserConnector();
};

/** The live read of the Logs view. */
export class LiveRead {
  phase = $state.raw<LivePhase>('idle');
  /** The URL read, password hidden. */
  display = $state.raw('');
  until = $state.raw<'head' | 'live'>('head');
  records = $state.raw(0);
  position = $state.raw<string | undefined>(undefined);
  caughtUp = $state.raw(false);
  /** What the read waits for now (a store's missing position a transaction still open may write). */
  waiting = $state.raw<string | undefined>(undefined);
  /** The positions the read passed without a record after waiting at them, in the order passed (the first MAX_SKIPPED_SHOWN). */
  skipped = $state.raw<readonly SkippedPositions[]>([]);
  /** How many runs of positions were passed (more than `skipped` holds when there were many). */
  skippedCount = $state.raw(0);
  /** Why the last connection failed (shown beside it). */
  error = $state.raw<string | undefined>(undefined);
  /** Why the last read ended early (the connection was lost). */
  lost = $state.raw<string | undefined>(undefined);
  notice = $state.raw<string | undefined>(undefined);
  recent = $state.raw<readonly RecentConnection[]>([]);
  /** The last request, to read on from where it ended. */
  last = $state.raw<LiveRequest | undefined>(undefined);
  /** How the last read ended: its log kept (inspected and stored), failed (a module's fault: nothing of it kept), or cancelled. */
  ended = $state.raw<'kept' | 'failed' | 'cancelled' | undefined>(undefined);
  /** The last read whose log was kept: where and how it was read, for the command line of its log on screen. */
  kept = $state.raw<{ readonly display: string; readonly request: LiveRequest } | undefined>(undefined);
  /** How the read going on (or the last one) reads the records: the view's reading when it connected. */
  readWith = $state.raw<ReadingOptions | undefined>(undefined);
  /** Why the read going on was started again (a mapping applied while it read), said beside it as a sentence. */
  again = $state.raw<string | undefined>(undefined);
  private session: LiveSession | undefined;
  /** While readAgain stops the read and starts it again. */
  private restarting = false;
  /** Settles when the read going on has ended (its import kept, failed or cancelled). */
  private finished: Promise<void> | undefined;

  constructor(
    private readonly inspector: Inspector,
    readonly connector: LiveConnector = appConnector(),
  ) {}

  /** The request the log named `display` was read by: the read going on, else the last one kept (a read that failed after it kept nothing is not it). */
  requestFor(display: string): LiveRequest | undefined {
    if (this.active && display === this.display) return this.last;
    return this.kept?.display === display ? this.kept.request : undefined;
  }

  /** True while a session is open. */
  get active(): boolean {
    return this.phase === 'connecting' || this.phase === 'reading' || this.phase === 'stopping';
  }

  /** Loads the saved connections. */
  async refreshRecent(): Promise<void> {
    this.recent = await this.connector.recent().catch(() => []);
  }

  /** Forgets a saved connection. */
  async forget(id: string): Promise<void> {
    await this.connector.forget(id);
    await this.refreshRecent();
  }

  /** Connects and starts reading; false (with `error` set) when it could not connect. The read goes on after it returns. */
  async connect(request: LiveRequest): Promise<boolean> {
    if (this.active || this.inspector.status === 'importing') return false;
    const domains = this.inspector.domains;
    try {
      // a module that is not open is said before connecting
      domains.moduleFor(this.inspector.reading.domain);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
    this.phase = 'connecting';
    this.error = undefined;
    let session: LiveSession;
    try {
      session = await this.connector.open(request);
    } catch (e) {
      this.phase = 'idle';
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
    this.session = session;
    this.last = request;
    this.display = session.display;
    this.until = request.until;
    this.records = 0;
    this.position = undefined;
    this.caughtUp = false;
    this.waiting = undefined;
    this.skipped = [];
    this.skippedCount = 0;
    this.lost = undefined;
    this.notice = session.notice;
    this.again = undefined;
    this.ended = undefined;
    this.phase = 'reading';
    const reading = this.inspector.reading;
    this.readWith = reading;
    // imported where the reading's domain runs: the logs worker, or a domain module's own worker
    let progressTo: (p: ImportProgress) => void = () => {};
    const { result, batches: into } = domains.importLive({ ...reading, name: session.display, profile: reading.profile ?? session.profile, ...(request.from !== undefined && request.from !== 'start' ? { partial: true } : {}) }, session.framing, (p) => progressTo(p), session.earlier);
    const imported = this.inspector.importFrom(session.display, reading, (onProgress) => {
      progressTo = onProgress;
      return result;
    });
    session.start({
      batch: async (records, position, caughtUp, notes) => {
        this.records += records.length;
        if (position !== undefined) this.position = position;
        this.caughtUp = caughtUp;
        this.waiting = notes?.waiting;
        if (notes?.skipped?.length) {
          this.skippedCount += notes.skipped.length;
          this.skipped = [...this.skipped, ...notes.skipped].slice(0, MAX_SKIPPED_SHOWN);
        }
        await into.batch(records);
      },
      end: (end) => {
        if (end.position !== undefined) this.position = end.position;
        this.waiting = undefined;
        this.lost = end.lost;
        into.end();
      },
    });
    void this.refreshRecent();
    this.finished = imported.finally(() => {
      // the import ended first (it failed: a module's fault, say): the connection is closed too; after the
      // read's end, what the session kept open to load its streams' earlier events is closed
      if (this.phase === 'reading' || session.earlier) void session.stop();
      this.session = undefined;
      const status = this.inspector.status;
      this.ended = status === 'done' ? 'kept' : status === 'cancelled' ? 'cancelled' : 'failed';
      if (this.ended === 'kept') this.kept = { display: session.display, request };
      this.phase = 'done';
    });
    return true;
  }

  /**
   * The view's reading changed while this read goes on (a mapping applied): stops it, keeping what
   * was read, and reads the source again from where this read started, as the view now reads
   * logs, tailing on as before. False when there is no read going on, or nothing of it was kept.
   */
  async readAgain(why: string): Promise<boolean> {
    const request = this.last;
    if (!request || !this.active || !this.session || this.restarting) return false;
    this.restarting = true;
    try {
      await this.stop();
      await this.finished?.catch(() => undefined);
      if (this.ended !== 'kept') return false;
      const connected = await this.connect(request);
      if (connected) this.again = why;
      return connected;
    } finally {
      this.restarting = false;
    }
  }

  /** Whether the view's reading is no longer the one this read goes on with. */
  readingChanged(): boolean {
    return this.active && !this.restarting && this.readWith !== undefined && JSON.stringify(this.readWith) !== JSON.stringify(this.inspector.reading);
  }

  /** Stops the read: what was read is kept and inspected. */
  async stop(): Promise<void> {
    if (!this.session || this.phase !== 'reading') return;
    this.phase = 'stopping';
    await this.session.stop();
  }

  /** Stops the read and keeps nothing of it. */
  async cancel(): Promise<void> {
    this.inspector.cancel();
    await this.session?.stop();
  }

  /** The last request, reading on after the position reached (a read kept: one that failed or was cancelled is read again, not on). */
  readOn(): LiveRequest | undefined {
    return this.last && this.position !== undefined && this.ended === 'kept' ? { ...this.last, from: this.position } : undefined;
  }
}
