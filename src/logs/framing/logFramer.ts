/**
 * Splits a log's text, arriving in chunks of any size, into records with their starting
 * line, whatever its framing (logs.md, "Finding records in a file"): JSON Lines, a JSON
 * array, concatenated or pretty-printed values and RFC 7464 sequences, and wrapper objects.
 * `auto` decides from the first record: `[` is an array; a first object that holds its records
 * under `Records`, `records` or `events` is a wrapper; one that ends on its first line makes
 * JSON Lines; one that spans lines makes concatenated values. A leading BOM is ignored and
 * leading whitespace is dropped as it arrives (a file of nothing but whitespace ends quickly,
 * in constant memory). Pure.
 */
import { LineSplitter, overlongReason, MAX_LINE_LENGTH } from './lineSplitter';
import { ValueFramer, WRAPPER_KEYS, type RecordSink, type StructureSink } from './valueFramer';

/** How records are laid out in a file. */
export type Framing = 'lines' | 'array' | 'concat' | 'wrapper';

/** Every framing, for `--framing`. */
export const FRAMINGS: readonly Framing[] = ['lines', 'array', 'concat', 'wrapper'];

/** Text this long decides the framing even when the first record has not ended yet. */
const DECIDE_AFTER = 1 << 20;

const NON_SPACE = /[^ \t\r\n\u001e\ufeff]/g;

/** Members of a single record that a wrapper object never has. */
const RECORD_KEYS = ['type', 'specversion', 'eventType', 'seq', 'id', 'offset'];

/** True when `value` is a wrapper object holding records (`{"Records": [...]}`, `{"records": {...}}`, `{"events": [...]}`). */
export function isWrapper(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  // a saved AtomPub feed page: its entries are events
  const entries = o.entries;
  if (Array.isArray(entries) && entries.every((e) => typeof e === 'object' && e !== null && ('eventType' in e || 'eventId' in e))) return true;
  if (RECORD_KEYS.some((k) => Object.hasOwn(o, k))) return false;
  for (const key of WRAPPER_KEYS) {
    if (key === 'entries') continue;
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (Array.isArray(v)) return true;
    if (key === 'records' && typeof v === 'object' && v !== null && Object.values(v).every(Array.isArray)) return true;
  }
  return false;
}

/** Decides the framing from the text at the start of a file (whitespace already dropped); undefined when more text is needed. */
export function detectFraming(head: string, final: boolean): Framing | undefined {
  const c = head.charCodeAt(0);
  if (Number.isNaN(c)) return final ? 'lines' : undefined;
  if (c === 0x1e) return 'concat';
  if (c === 91) return 'array';
  if (c !== 123) return 'lines';
  let first: string | undefined;
  const probe = new ValueFramer('concat', (text) => (first ??= text), () => undefined);
  probe.push(head);
  if (first !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(first);
    } catch {
      value = undefined;
    }
    if (isWrapper(value)) return 'wrapper';
    if (first.includes('\n')) return 'concat';
    // JSON Lines only when the rest of the first line is blank (`{"a":1} {"b":2}` is concatenated values)
    const newline = head.indexOf('\n', first.length);
    if (newline < 0 && !final) return head.length < DECIDE_AFTER ? undefined : 'lines';
    return head.slice(first.length, newline < 0 ? head.length : newline).trim() === '' ? 'lines' : 'concat';
  }
  if (!final && head.length < DECIDE_AFTER) return undefined;
  // the first record is longer than we look ahead: a wrapper shows its records early
  let wrapped = false;
  const wrapper = new ValueFramer('wrapper', () => (wrapped = true), () => undefined);
  wrapper.push(head);
  if (wrapped) return 'wrapper';
  return head.includes('\n') ? 'concat' : 'lines';
}

/** A framer over a given or detected framing: `push` chunks, then `end`. */
export class LogFramer {
  private inner: { push(chunk: string): void; end(): void; wrapperKey?: string } | undefined;
  private head = '';
  private started = false;
  /** Newlines dropped with leading whitespace (line numbers continue after them). */
  private droppedLines = 0;
  /** An RFC 7464 record separator was among the leading whitespace. */
  private sawSeparator = false;
  /** The framing in use, once known. */
  framing: Framing | undefined;

  /** The framing as reports name it: `wrapper:<member>` for a wrapper (`wrapper:Records`). */
  get label(): string | undefined {
    return this.framing === 'wrapper' && this.inner?.wrapperKey !== undefined ? `wrapper:${this.inner.wrapperKey}` : this.framing;
  }

  constructor(
    private readonly requested: Framing | 'auto',
    private readonly onRecord: RecordSink,
    private readonly onProblem: StructureSink,
    private readonly maxRecordLength: number = MAX_LINE_LENGTH,
  ) {}

  /** Feeds one chunk. */
  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.inner) return this.inner.push(chunk);
    if (this.head.length === 0) {
      // a chunk of nothing but whitespace (the native trim is several times quicker than a scan)
      if (chunk.trimStart().length === 0) {
        this.droppedLines += countNewlines(chunk, chunk.length);
        return;
      }
      NON_SPACE.lastIndex = 0;
      const found = NON_SPACE.exec(chunk);
      const end = found ? found.index : chunk.length;
      this.droppedLines += countNewlines(chunk, end);
      // an RS among the leading whitespace tells an RFC 7464 sequence
      if (chunk.slice(0, end).includes('\u001e')) this.sawSeparator = true;
      if (!found) return;
      chunk = chunk.slice(end);
    }
    this.head += chunk;
    this.decide(false);
  }

  /** Ends the input. */
  end(): void {
    if (!this.inner) this.decide(true);
    this.inner?.end();
  }

  private decide(final: boolean): void {
    const framing = this.requested === 'auto' ? (this.sawSeparator ? 'concat' : detectFraming(this.head, final)) : this.requested;
    if (framing === undefined) return;
    this.framing = framing;
    const firstLine = this.droppedLines + 1;
    this.inner =
      framing === 'lines'
        ? new LineSplitter(this.onRecord, (line, length, start) => this.onProblem(`line ${line} is ${overlongReason(length, this.maxRecordLength)}`, line, start), this.maxRecordLength, firstLine)
        : new ValueFramer(framing, this.onRecord, this.onProblem, this.maxRecordLength, firstLine);
    const head = this.head;
    this.head = '';
    if (head.length > 0) this.inner.push(head);
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
