/**
 * Splits text arriving in chunks of any size into lines, with 1-based line numbers. Holds
 * at most one partial line; a line longer than `maxLineLength` is reported instead of kept,
 * so memory stays bounded on any input. Pure; works in Node and the browser.
 */
import { ownString } from '../ownString';

/** Receives one complete line (without `\n` or a trailing `\r`) and its number. */
export type LineSink = (text: string, line: number) => void;
/** Receives a line that was too long to keep: its number, its length in characters and its first OVERLONG_KEPT characters. */
export type OverlongSink = (line: number, length: number, start: string) => void;

/** Default cap on one line: far above any sane record, far below the memory budget. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** Characters kept of a record too long to keep whole: its start, to show where it is. */
export const OVERLONG_KEPT = 64 * 1024;

/** Why a record of `length` characters is not read: "longer than the 16 MB a record may be" (`limit` in MB from 1 MB up, else in characters). */
export function overlongReason(length: number, limit: number): string {
  const mb = limit / (1 << 20);
  return `${length} characters long, longer than the ${mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${limit} characters`} a record may be`;
}

/**
 * Whether a record's problem is one a framer gives a record it could not hand on — too long to
 * keep (overlongReason), or not complete at the end of the file (./valueFramer) — of which only
 * the start is kept: read again (a stored log inspected anew), that start would read as "not
 * JSON", so such a record is reported again with this message instead.
 */
export function unframedProblem(message: string): boolean {
  return /^(?:line \d+|the record starting on line \d+) is (?:\d+ characters long, longer than the .+ a record may be|not complete at the end of the file\b.*)$/.test(message);
}

/** Incremental line splitter: `push` chunks, then `end`. */
export class LineSplitter {
  private pending = '';
  private line = 1;
  /** Length of the overlong line being skipped, or -1 when not skipping. */
  private skipped = -1;
  /** The start of the overlong line being skipped. */
  private kept = '';

  constructor(
    private readonly onLine: LineSink,
    private readonly onOverlong: OverlongSink = () => {},
    private readonly maxLineLength: number = MAX_LINE_LENGTH,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Feeds one chunk; calls the sink for every line it completes. */
  push(chunk: string): void {
    let start = 0;
    let nl = chunk.indexOf('\n');
    while (nl !== -1) {
      this.complete(chunk, start, nl);
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.keep(chunk, start);
  }

  /** Flushes the last line (a file need not end with a newline). */
  end(): void {
    if (this.skipped >= 0) this.onOverlong(this.line, this.skipped, this.kept);
    else if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
    this.kept = '';
    this.skipped = -1;
  }

  private complete(chunk: string, start: number, nl: number): void {
    if (this.skipped >= 0) {
      this.onOverlong(this.line++, this.skipped + nl - start, this.kept);
      this.skipped = -1;
      this.kept = '';
      return;
    }
    const text = this.pending.length === 0 ? chunk.slice(start, nl) : this.pending + chunk.slice(start, nl);
    this.pending = '';
    if (text.length > this.maxLineLength) this.onOverlong(this.line++, text.length, ownString(text.slice(0, OVERLONG_KEPT)));
    else this.emit(text);
  }

  private keep(chunk: string, start: number): void {
    if (this.skipped >= 0) {
      this.skipped += chunk.length - start;
      return;
    }
    this.pending += chunk.slice(start);
    if (this.pending.length > this.maxLineLength) {
      this.skipped = this.pending.length;
      this.kept = ownString(this.pending.slice(0, OVERLONG_KEPT));
      this.pending = '';
    }
  }

  private emit(text: string): void {
    this.onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, this.line++);
  }
}
