/**
 * Splits a top-level JSON array arriving in chunks into the text of each element, with the
 * line its first character is on, so a 120 MB array is never parsed (or held) in one piece.
 * It only tracks strings and bracket depth; each element's own syntax is left to JSON.parse.
 * Pure; memory is bounded by the largest element (capped like a line).
 */
import { MAX_LINE_LENGTH } from './lineSplitter';

/** Receives one element's text and the line it starts on. */
export type ElementSink = (text: string, line: number) => void;
/** Receives a structural problem of the array itself. */
export type ArrayErrorSink = (message: string, line: number) => void;

const enum At {
  BeforeArray,
  BeforeElement,
  InElement,
  AfterArray,
}

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Incremental splitter of one top-level JSON array: `push` chunks, then `end`. */
export class JsonArraySplitter {
  private state = At.BeforeArray;
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = '';
  private elementLine = 0;
  private tooLong = false;
  private failed = false;

  constructor(
    private readonly onElement: ElementSink,
    private readonly onError: ArrayErrorSink,
    private readonly maxElementLength = MAX_LINE_LENGTH,
  ) {}

  /** Feeds one chunk. */
  push(chunk: string): void {
    if (this.failed) return;
    let start = this.state === At.InElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.state === At.InElement) {
        if (this.scan(c)) continue;
        // c ends the element (a ',' or ']' at depth 0)
        this.append(chunk, start, i);
        this.finishElement();
        this.state = c === 44 ? At.BeforeElement : At.AfterArray;
        start = -1;
      } else if (c === 10) {
        this.line++;
        continue;
      } else if (WS(c)) {
        continue;
      } else if (!this.structural(c)) {
        return;
      } else if ((this.state as At) === At.InElement) {
        // structural() just opened an element at c
        start = i;
        this.scan(c);
      }
    }
    if (this.state === At.InElement) this.append(chunk, start, chunk.length);
  }

  /** Ends the input: reports an array that was never closed. */
  end(): void {
    if (this.failed) return;
    if (this.state === At.InElement) {
      this.finishElement();
      this.fail('the JSON array is not closed (missing "]")');
    } else if (this.state !== At.AfterArray) this.fail(this.state === At.BeforeArray ? 'expected a JSON array, found nothing' : 'the JSON array is not closed (missing "]")');
  }

  /** Handles a non-space character outside an element; false when the input is hopeless. */
  private structural(c: number): boolean {
    switch (this.state) {
      case At.BeforeArray:
        if (c !== 91) return this.fail(`expected "[" to open a JSON array, found "${String.fromCharCode(c)}"`);
        this.state = At.BeforeElement;
        return true;
      case At.BeforeElement:
        if (c === 93) {
          this.state = At.AfterArray;
          return true;
        }
        if (c === 44) {
          this.onError('empty array element (two commas)', this.line);
          return true;
        }
        this.state = At.InElement;
        this.elementLine = this.line;
        return true;
      case At.AfterArray:
        return this.fail(`unexpected "${String.fromCharCode(c)}" after the end of the JSON array`);
      default:
        return true;
    }
  }

  /** Advances the string/depth tracker by one character; false when it ends the element. */
  private scan(c: number): boolean {
    if (c === 10) this.line++;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 92) this.escaped = true;
      else if (c === 34) this.inString = false;
      return true;
    }
    if (c === 34) this.inString = true;
    else if (c === 123 || c === 91) this.depth++;
    else if (c === 125 || c === 93) {
      if (this.depth === 0) return c !== 93;
      this.depth--;
    } else if (c === 44 && this.depth === 0) return false;
    return true;
  }

  private append(chunk: string, start: number, end: number): void {
    if (this.tooLong || end <= start) return;
    this.element += chunk.slice(start, end);
    if (this.element.length > this.maxElementLength) {
      this.tooLong = true;
      this.element = '';
    }
  }

  private finishElement(): void {
    if (this.tooLong) this.onError(`array element longer than ${this.maxElementLength} characters`, this.elementLine);
    else this.onElement(this.element.trimEnd(), this.elementLine);
    this.element = '';
    this.tooLong = false;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  private fail(message: string): false {
    this.failed = true;
    this.onError(message, this.line);
    return false;
  }
}
