/**
 * When a live import makes its interim reports (LogInspector.snapshot, for the views that update
 * while a tail is read): the first at once, then at most one every `everyMs`, and never more than
 * about a tenth of the time on them — a report of a big state costs its hash, so one that took
 * 300 ms waits 2.7 s for the next — and records that came just after a report are reported once
 * the wait is over, though no more come (a tail that pauses still shows them). The clock and the
 * timer are injected (tests move time by hand).
 */

/** A clock with a one-shot timer. */
export interface ReportClock {
  now(): number;
  later(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

/** The machine's clock (performance.now, setTimeout): in a worker or Node. */
export const systemClock: ReportClock = {
  now: () => performance.now(),
  later: (run, ms) => setTimeout(run, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Time spent on reports at most, as a share of the time between them. */
const SHARE = 0.1;

/** Spaces the interim reports of one import; see the module comment. */
export class InterimReports {
  /** When the next report may be made. */
  private due = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private stopped = false;

  constructor(
    private readonly report: () => void,
    private readonly everyMs = 1000,
    private readonly clock: ReportClock = systemClock,
  ) {}

  /** Records were taken: a report now when one is due, else once it is (one is waiting at most). */
  changed(): void {
    if (this.stopped || this.timer !== undefined) return;
    const wait = this.due - this.clock.now();
    if (wait <= 0) return this.make();
    this.timer = this.clock.later(() => {
      this.timer = undefined;
      this.make();
    }, wait);
  }

  /** No more reports (the import ends, fails or is cancelled). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.cancel(this.timer);
    this.timer = undefined;
  }

  private make(): void {
    if (this.stopped) return;
    const started = this.clock.now();
    this.report();
    const ended = this.clock.now();
    this.due = ended + Math.max(this.everyMs, ((ended - started) * (1 - SHARE)) / SHARE);
  }
}
