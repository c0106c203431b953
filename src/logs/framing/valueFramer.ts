/**
 * Finds the records of a JSON text that is not one record per line, streamed in chunks of
 * any size, with the physical line each record starts on (logs.md, "Finding records in a
 * file"): the elements of a top-level array (`array`), JSON values one after another,
 * pretty-printed or not, separated by whitespace or RFC 7464 record separators (`concat`),
 * and the records held by a wrapper object — `{"Records": [...]}`, `{"events": [...]}`,
 * `{"records": {"<topic-partition>": [...]}}` (`wrapper`). It tracks only strings and bracket
 * depth, iteratively (no recursion, any depth); each record's syntax is left to JSON.parse.
 * Memory is bounded by the largest record, capped at `maxRecordLength`. Pure.
 */
import { MAX_LINE_LENGTH, OVERLONG_KEPT, overlongReason } from './lineSplitter';
import { ownString } from '../ownString';

/** Receives one record's text and the line it starts on (1-based). */
export type RecordSink = (text: string, line: number) => void;
/**
 * Receives a problem of the file's structure (an unclosed array), or of one record that could not
 * be framed (too long to keep, not complete at the end of the file): then `record` is the start
 * of that record's text (at most OVERLONG_KEPT characters), and the problem counts as a record,
 * numbered as a malformed record in its place would be.
 */
export type StructureSink = (message: string, line: number, record?: string) => void;

/** The layouts this framer reads. */
export type ValueFraming = 'array' | 'concat' | 'wrapper';

/**
 * Member names of a wrapper object whose array (or object of arrays, for `records`) holds the
 * records: `Records` (AWS Lambda Kinesis/SQS), `records` (Lambda MSK), `events`, and `entries`
 * (a saved AtomPub feed page of KurrentDB, an extension: its entries are listed newest first,
 * so they are handed on in reverse, oldest first).
 */
export const WRAPPER_KEYS: ReadonlySet<string> = new Set(['Records', 'records', 'events', 'entries']);

/** Characters of a feed's entries held to hand them on oldest first. */
const MAX_REORDERED = 64 << 20;

const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const CLOSE_OBJECT = 125;
const CLOSE_ARRAY = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const NEWLINE = 10;
const RS = 0x1e;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === RS || c === 0xfeff;
/** Skips string content up to a quote or backslash. */
const PLAIN = /[^"\\]*/y;

/** Incremental record finder: `push` chunks, then `end`. */
export class ValueFramer {
  /** Open containers, outermost first (OPEN_OBJECT / OPEN_ARRAY). */
  private readonly stack: number[] = [];
  private inString = false;
  /** A backslash ended the previous chunk inside a string. */
  private escapePending = false;
  private line = 1;
  /** The member name at depth 1 of a wrapper (the one whose value is being read). */
  private key1 = '';
  /** Reading a member name at depth 1 (wrapper): its text so far. */
  private keyText: string | undefined;
  private expectKey = false;
  /** The record being captured: depth it started at (-1: none), its text parts and start line. */
  private captureDepth = -1;
  private captured = '';
  private capturedLine = 0;
  private tooLong = false;
  /** Characters of the record being captured, counted on past the cap once it is too long. */
  private capturedLength = 0;
  /** A scalar record (number, literal) being captured: ends at the next delimiter. */
  private inScalar = false;
  private arrayClosed = false;
  private failed = false;
  private sawRecord = false;
  /** The wrapper member the records came from (`wrapper:<key>` in reports). */
  wrapperKey: string | undefined;
  /** A feed's entries, held to be handed on in reverse. */
  private held: { text: string; line: number }[] | undefined;
  private heldLength = 0;

  constructor(
    private readonly framing: ValueFraming,
    private readonly onRecord: RecordSink,
    private readonly onProblem: StructureSink,
    private readonly maxRecordLength: number = MAX_LINE_LENGTH,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Feeds one chunk. */
  push(chunk: string): void {
    if (this.failed) return;
    const n = chunk.length;
    let i = 0;
    let segment = this.captureDepth >= 0 ? 0 : -1;
    while (i < n) {
      if (this.inString) {
        if (this.escapePending) {
          this.escapePending = false;
          i++;
          continue;
        }
        PLAIN.lastIndex = i;
        PLAIN.test(chunk);
        const j = PLAIN.lastIndex;
        if (this.keyText !== undefined) this.keyText += chunk.slice(i, j);
        if (j >= n) {
          i = n;
          break;
        }
        if (chunk.charCodeAt(j) === BACKSLASH) {
          if (this.keyText !== undefined) this.keyText += chunk.slice(j, j + 2);
          if (j + 1 >= n) this.escapePending = true;
          i = j + 2;
          continue;
        }
        // closing quote
        this.inString = false;
        i = j + 1;
        if (this.keyText !== undefined) {
          this.key1 = this.keyText;
          this.keyText = undefined;
        }
        if (this.captureDepth === this.stack.length && !this.inScalar) {
          // a string record ends with its quote
          this.append(chunk, segment, i);
          segment = -1;
          this.finishRecord();
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.inScalar) {
        if (isSpace(c) || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === OPEN_OBJECT || c === OPEN_ARRAY || c === QUOTE) {
          this.append(chunk, segment, i);
          segment = -1;
          this.inScalar = false;
          this.finishRecord();
          continue; // the delimiter is handled as usual
        }
        i++;
        continue;
      }
      if (c === NEWLINE) {
        this.line++;
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.captureDepth < 0 && this.startsRecord(c)) {
        this.captureDepth = this.stack.length;
        this.capturedLine = this.line;
        this.captured = '';
        this.capturedLength = 0;
        this.tooLong = false;
        this.sawRecord = true;
        segment = i;
        if (c !== OPEN_OBJECT && c !== OPEN_ARRAY && c !== QUOTE) {
          this.inScalar = true;
          i++;
          continue;
        }
      }
      if (!this.structural(c)) return;
      i++;
      if (this.captureDepth >= 0 && this.captureDepth === this.stack.length && (c === CLOSE_OBJECT || c === CLOSE_ARRAY)) {
        this.append(chunk, segment, i);
        segment = -1;
        this.finishRecord();
      }
    }
    if (this.captureDepth >= 0 && segment >= 0) this.append(chunk, segment, n);
  }

  /** Ends the input: reports what was left open. */
  end(): void {
    if (this.held) this.release();
    if (this.failed) return;
    if (this.inScalar) {
      this.inScalar = false;
      this.finishRecord();
    }
    if (this.captureDepth >= 0) {
      this.onProblem(`the record starting on line ${this.capturedLine} is not complete at the end of the file (a missing "}" or "]")`, this.capturedLine, this.captured.slice(0, OVERLONG_KEPT));
      return;
    }
    if (this.framing === 'array' && !this.arrayClosed) this.onProblem(this.stack.length === 0 && !this.sawRecord ? 'expected a JSON array, found nothing' : 'the JSON array is not closed (missing "]")', this.line);
    else if (this.framing === 'wrapper' && this.stack.length > 0) this.onProblem('the wrapper object is not closed (missing "}")', this.line);
  }

  /** Whether a value starting with `c` here is a record. */
  private startsRecord(c: number): boolean {
    if (c === COMMA || c === COLON || c === CLOSE_ARRAY || c === CLOSE_OBJECT) return false;
    const s = this.stack;
    if (this.expectKey) return false;
    switch (this.framing) {
      case 'concat':
        return s.length === 0;
      case 'array':
        return s.length === 1 && s[0] === OPEN_ARRAY;
      case 'wrapper':
        if (!WRAPPER_KEYS.has(this.key1) || s[0] !== OPEN_OBJECT) return false;
        if (s.length === 2) return s[1] === OPEN_ARRAY;
        return s.length === 3 && this.key1 === 'records' && s[1] === OPEN_OBJECT && s[2] === OPEN_ARRAY;
    }
  }

  /** Tracks one structural character; false when the input cannot be read further. */
  private structural(c: number): boolean {
    const s = this.stack;
    switch (c) {
      case QUOTE:
        this.inString = true;
        if (this.expectKey && s.length === 1) {
          this.keyText = '';
          this.expectKey = false;
        }
        return true;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (s.length === 0) {
          if (this.framing === 'array' && (c !== OPEN_ARRAY || this.arrayClosed)) return this.fail(this.arrayClosed ? 'unexpected text after the end of the JSON array' : 'expected "[" to open a JSON array');
          if (this.framing === 'wrapper' && (c !== OPEN_OBJECT || this.sawRecord)) return this.fail('unexpected text after the wrapper object');
        }
        s.push(c);
        if (s.length === 1 && c === OPEN_OBJECT && this.framing === 'wrapper') this.expectKey = true;
        return true;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY: {
        const open = s.pop();
        if (open === undefined || (open === OPEN_OBJECT) !== (c === CLOSE_OBJECT)) return this.fail(`unexpected "${String.fromCharCode(c)}" on line ${this.line}`);
        if (s.length === 0 && this.framing === 'array') this.arrayClosed = true;
        if (s.length === 1) {
          this.expectKey = false;
          if (this.held) this.release();
        }
        return true;
      }
      case COMMA:
        if (s.length === 1 && s[0] === OPEN_OBJECT && this.framing === 'wrapper') this.expectKey = true;
        return true;
      default:
        if (s.length === 0 && this.framing !== 'concat') return this.fail(`unexpected "${String.fromCharCode(c)}" outside the ${this.framing === 'array' ? 'JSON array' : 'wrapper object'}`);
        return true;
    }
  }

  private append(chunk: string, start: number, end: number): void {
    if (start < 0 || end <= start) return;
    this.capturedLength += end - start;
    if (this.tooLong) return;
    this.captured += chunk.slice(start, end);
    if (this.captured.length > this.maxRecordLength) {
      this.tooLong = true;
      // its start is kept to show (its own copy: not a view holding the whole capture)
      this.captured = ownString(this.captured.slice(0, OVERLONG_KEPT));
    }
  }

  private finishRecord(): void {
    if (this.framing === 'wrapper') this.wrapperKey ??= this.key1;
    if (this.tooLong) this.onProblem(`the record starting on line ${this.capturedLine} is ${overlongReason(this.capturedLength, this.maxRecordLength)}`, this.capturedLine, this.captured);
    else if (this.key1 === 'entries' && this.framing === 'wrapper' && this.heldLength + this.captured.length <= MAX_REORDERED) {
      (this.held ??= []).push({ text: this.captured, line: this.capturedLine });
      this.heldLength += this.captured.length;
    } else this.onRecord(this.captured, this.capturedLine);
    this.captured = '';
    this.captureDepth = -1;
    this.tooLong = false;
  }

  /** Hands on a feed's held entries, oldest (last listed) first. */
  private release(): void {
    const held = this.held!;
    this.held = undefined;
    this.heldLength = 0;
    for (let i = held.length - 1; i >= 0; i--) this.onRecord(held[i].text, held[i].line);
  }

  private fail(message: string): false {
    this.failed = true;
    this.onProblem(message, this.line);
    return false;
  }
}
