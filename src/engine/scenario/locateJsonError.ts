/**
 * Finds where JSON text stops being valid, because engines' `JSON.parse` messages do not
 * always carry a position. A small scanner over the JSON grammar with its own stack (any depth); pure.
 */

/** The line and column (from 1) of the first JSON syntax error, with a short reason. */
export interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Locates the first syntax error of `text`; undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    const scanner = new Scanner(text);
    scanner.value();
    scanner.skipSpace();
    if (scanner.offset < text.length) throw new JsonSyntax(scanner.offset, 'unexpected text after the JSON value');
    return undefined;
  } catch (e) {
    if (!(e instanceof JsonSyntax)) throw e;
    const before = text.slice(0, e.offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1, reason: e.message };
  }
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Scanner {
  offset = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset])) this.offset++;
  }

  private fail(reason: string): never {
    throw new JsonSyntax(this.offset, this.offset >= this.text.length ? `unexpected end of input (${reason})` : `${reason}, found ${JSON.stringify(this.text[this.offset])}`);
  }

  /**
   * Scans one JSON value. Containers are tracked on an explicit stack of their closing
   * characters, never by recursion, so any nesting depth is located without a stack overflow.
   */
  value(): void {
    const open: string[] = [];
    for (;;) {
      this.scalarOrOpen(open);
      // after a value: close containers, or move to the next member
      for (;;) {
        if (open.length === 0) return;
        this.skipSpace();
        const close = open[open.length - 1];
        const c = this.text[this.offset];
        if (c === close) {
          this.offset++;
          open.pop();
          continue;
        }
        if (c !== ',') this.fail(`expected "," or "${close}"`);
        this.offset++;
        if (close === '}') this.member();
        break;
      }
    }
  }

  /** Reads a scalar, or opens containers until a scalar or an empty container has been read. */
  private scalarOrOpen(open: string[]): void {
    for (;;) {
      this.skipSpace();
      const c = this.text[this.offset];
      if (c !== '{' && c !== '[') return this.scalar();
      const close = c === '{' ? '}' : ']';
      this.offset++;
      this.skipSpace();
      if (this.text[this.offset] === close) {
        this.offset++;
        return;
      }
      open.push(close);
      if (close === '}') this.member();
    }
  }

  /** `"name":` of an object member. */
  private member(): void {
    this.skipSpace();
    if (this.text[this.offset] !== '"') this.fail('expected a property name in double quotes');
    this.string();
    this.skipSpace();
    if (this.text[this.offset] !== ':') this.fail('expected ":" after the property name');
    this.offset++;
  }

  private scalar(): void {
    const c = this.text[this.offset];
    if (c === '"') return this.string();
    const literal = LITERALS.find((l) => this.text.startsWith(l, this.offset));
    if (literal) {
      this.offset += literal.length;
      return;
    }
    NUMBER.lastIndex = this.offset;
    if (NUMBER.exec(this.text)) {
      this.offset = NUMBER.lastIndex;
      return;
    }
    this.fail('expected a value');
  }

  private string(): void {
    this.offset++;
    while (this.offset < this.text.length) {
      const c = this.text[this.offset];
      if (c === '"') {
        this.offset++;
        return;
      }
      if (c === '\\') this.offset++;
      else if (c < ' ') this.fail('control character inside a string');
      this.offset++;
    }
    this.fail('unterminated string');
  }
}
