/**
 * JSON Pointers (RFC 6901) compiled once and applied to many records: `""` is the whole
 * value, `/a/b` a member of a member, `~1` stands for `/` and `~0` for `~` in a token, and
 * a token indexes an array by its decimal position. Only own properties are followed, so a
 * record's `__proto__` or `constructor` is never reached through the prototype. Pure.
 */

/** A compiled pointer: its text and its tokens. */
export interface Pointer {
  readonly text: string;
  readonly tokens: readonly string[];
}

/** Why a pointer text is not an RFC 6901 pointer, or undefined when it is one. */
export function pointerProblem(text: string): string | undefined {
  if (text !== '' && !text.startsWith('/')) return `"${text}" is not a JSON Pointer: it must be "" or start with "/"`;
  if (/~[^01]|~$/.test(text)) return `"${text}" is not a JSON Pointer: "~" must be followed by 0 or 1`;
  return undefined;
}

/** Compiles a pointer text (throws a RangeError naming the problem when it is not a pointer). */
export function compilePointer(text: string): Pointer {
  const problem = pointerProblem(text);
  if (problem) throw new RangeError(problem);
  const tokens = text === '' ? [] : text.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return { text, tokens };
}

/** A member name as a pointer token: `~` written `~0`, `/` written `~1` (RFC 6901). */
export const pointerToken = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

const has = Object.prototype.hasOwnProperty;

/**
 * JSON texts one record's pointers went through, parsed once (text → its value, or
 * NOT_JSON when it is no JSON): give one to every pointer read of a record, so N pointers
 * into one payload held as JSON text parse it once. Scope it to one record (texts repeat
 * little across records, and the values are shared by the reads that use it).
 */
export type ParsedTexts = Map<string, unknown>;

/** What a ParsedTexts keeps for a string that is not JSON. */
const NOT_JSON: unique symbol = Symbol('not JSON');

/** The JSON `text` holds (through `parsed`, when given), or NOT_JSON. */
function parsedText(text: string, parsed: ParsedTexts | undefined): unknown {
  if (parsed?.has(text)) return parsed.get(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = NOT_JSON;
  }
  parsed?.set(text, value);
  return value;
}

/**
 * The value the pointer names in `root`, or undefined when any step is missing. With
 * `throughStrings`, a step that meets a string holding a JSON object or array reads on inside it
 * (a Kafka payload or a Debezium field written as JSON text); `parsed` keeps such strings parsed
 * for the record's other pointers (ParsedTexts).
 */
export function resolvePointer(root: unknown, pointer: Pointer, throughStrings = false, parsed?: ParsedTexts): unknown {
  let value = root;
  for (const token of pointer.tokens) {
    if (throughStrings && typeof value === 'string' && (value.charCodeAt(0) === 123 || value.charCodeAt(0) === 91)) {
      value = parsedText(value, parsed);
      if (value === NOT_JSON) return undefined;
    }
    if (typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      value = value[Number(token)];
    } else {
      if (!has.call(value, token)) return undefined;
      value = (value as Record<string, unknown>)[token];
    }
  }
  return value;
}

/** The object holding the pointer's last step and that step's key (for exact-number lookups), or undefined. */
export function parentOf(root: unknown, pointer: Pointer): { readonly holder: object; readonly key: string } | undefined {
  if (pointer.tokens.length === 0) return undefined;
  const holder = resolvePointer(root, { text: '', tokens: pointer.tokens.slice(0, -1) });
  if (typeof holder !== 'object' || holder === null) return undefined;
  return { holder, key: pointer.tokens[pointer.tokens.length - 1] };
}
