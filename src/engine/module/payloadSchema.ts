/**
 * The one validator of command and event payloads: JSON Schema (domain/kernel/schema.ts)
 * checked by @cfworker/json-schema, which interprets schemas — it generates no code, so it runs
 * under the app's CSP (no `eval` in the page or its workers) as well as in Node. Its findings
 * are put in words here, each naming the field by its JSON path (`data.qty: expected an
 * integer >= 1, got 0`). Also: defaults filled into commands, blank payloads for forms. Pure.
 */
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { JsonSchema, JsonType, PayloadCheck, ValidationError } from '../../../domain/kernel';
import { at, describe, isObject, item } from '../scenario/check';
import { payloadPredicate } from './payloadTest';

/** The draft the payload schemas are read as. */
const DRAFT = '2020-12';

/** Compiles a payload schema once; the check is then used for every payload of its type. */
export function compilePayloadSchema(schema: JsonSchema): PayloadCheck {
  // the validator marks the schema objects it reads, so it gets its own copy (the module's may be frozen)
  const own = (): object => JSON.parse(JSON.stringify(schema)) as object;
  // two validators: the fast one stops at the first failure, the other explains every problem
  const fast = new Validator(own(), DRAFT, true);
  let full: Validator | undefined;
  const fill = defaultsOf(schema);
  // the same yes/no without the library's per-property pointers, for schemas in the spec's subset
  const quick = payloadPredicate(own());
  return {
    test(value) {
      if (quick) return quick(value);
      try {
        return fast.validate(value).valid;
      } catch {
        return false; // not JSON data (undefined, a function): the validator takes JSON only
      }
    },
    problems(value, path) {
      full ??= new Validator(own(), DRAFT, false);
      if (value === undefined) return [{ path, message: 'is required' }];
      let result;
      try {
        result = full.validate(value);
      } catch {
        return [{ path, message: 'is not JSON data' }];
      }
      return result.valid ? [] : inWords(schema, value, path, result.errors);
    },
    withDefaults: fill,
  };
}

/** A check that accepts any object: the payload of a type a module declares no schema for. */
export const ANY_OBJECT: PayloadCheck = /* @__PURE__ */ compilePayloadSchema({ type: 'object' });

const WORDS: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const typesOf = (schema: JsonSchema): readonly JsonType[] => (schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type);

/** "an integer >= 1", "a number between 0 and 1", "a string": what the schema expects, in words. */
function expected(schema: JsonSchema): string {
  const types = typesOf(schema);
  const head = types.length ? types.map((t) => WORDS[t]).join(' or ') : 'a value';
  const { minimum: min, maximum: max } = schema;
  const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : min !== undefined ? ` >= ${min}` : max !== undefined ? ` <= ${max}` : '';
  return head + range;
}

/** Turns the validator's findings into one message per problem, in the schema's field order. */
function inWords(root: JsonSchema, value: unknown, path: string, units: readonly OutputUnit[]): ValidationError[] {
  const found: { key: readonly number[]; error: ValidationError }[] = [];
  const add = (segments: readonly string[], message: string) => found.push({ key: orderKey(root, segments), error: { path: pathOf(path, segments, value), message } });
  for (const unit of units) {
    const segments = pointerSegments(unit.instanceLocation);
    const schema = schemaAt(root, pointerSegments(unit.keywordLocation).slice(0, -1)) ?? {};
    const instance = valueAt(value, segments);
    switch (unit.keyword) {
      case 'type':
        add(segments, `expected ${expected(schema)}, got ${describe(instance)}`);
        break;
      case 'minimum':
      case 'maximum':
        add(segments, `expected ${expected(schema)}, got ${describe(instance)}`);
        break;
      case 'minLength':
        add(segments, schema.minLength === 1 ? 'expected a non-empty string' : `expected a string of at least ${schema.minLength} characters, got ${describe(instance)}`);
        break;
      case 'maxLength':
        add(segments, `expected a string of at most ${schema.maxLength} characters, got one of ${(instance as string).length}`);
        break;
      case 'enum':
        add(segments, `expected one of ${(schema.enum ?? []).map((v) => JSON.stringify(v)).join(', ')}, got ${describe(instance)}`);
        break;
      case 'required':
        for (const name of schema.required ?? []) if (isObject(instance) && !Object.hasOwn(instance, name)) add([...segments, name], 'is required');
        break;
      case 'false':
        // a property that `additionalProperties: false` does not allow
        add(segments, 'is not a known field');
        break;
      default:
      // `properties`, `items`, `additionalProperties`: summaries of the findings listed on their own
    }
  }
  const unique = new Map<string, { key: readonly number[]; error: ValidationError }>();
  for (const f of found) unique.set(`${f.error.path}\0${f.error.message}`, f);
  return [...unique.values()].sort((a, b) => compareKeys(a.key, b.key)).map((f) => f.error);
}

/** `#/name/first` → ["name", "first"] (RFC 6901, URI-fragment encoded). */
function pointerSegments(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  return body
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `data` + ["name", "first"] → `data.name.first`; array indices as `[i]`. */
function pathOf(base: string, segments: readonly string[], value: unknown): string {
  let path = base;
  let v = value;
  for (const s of segments) {
    path = Array.isArray(v) && /^\d+$/.test(s) ? item(path, Number(s)) : at(path, s);
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  }
  return path;
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let v = value;
  for (const s of segments) v = v !== null && typeof v === 'object' && Object.hasOwn(v, s) ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

function schemaAt(root: JsonSchema, segments: readonly string[]): JsonSchema | undefined {
  let s: unknown = root;
  for (const k of segments) s = isObject(s) && Object.hasOwn(s, k) ? s[k] : undefined;
  return isObject(s) ? (s as JsonSchema) : undefined;
}

/** Sort key of a field: the index of each property in its schema's `properties` (unknown fields last). */
function orderKey(root: JsonSchema, segments: readonly string[]): number[] {
  const key: number[] = [];
  let schema: JsonSchema | undefined = root;
  for (const s of segments) {
    const names: string[] = schema?.properties ? Object.keys(schema.properties) : [];
    const index = names.indexOf(s);
    key.push(index >= 0 ? index : /^\d+$/.test(s) ? Number(s) : Number.MAX_SAFE_INTEGER);
    schema = index >= 0 ? schema!.properties![s] : schema?.items;
  }
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The function filling a schema's `default`s into a payload: the value itself when none applies. */
function defaultsOf(schema: JsonSchema): <T>(value: T) => T {
  const props = schema.properties ?? {};
  const filled = Object.entries(props).filter(([, p]) => p.default !== undefined);
  const nested = Object.entries(props)
    .filter(([, p]) => p.properties !== undefined)
    .map(([name, p]) => [name, defaultsOf(p)] as const);
  if (filled.length === 0 && nested.length === 0) return (value) => value;
  return <T>(value: T): T => {
    if (!isObject(value)) return value;
    let out: Record<string, unknown> | undefined;
    for (const [name, p] of filled) if (value[name] === undefined) (out ??= { ...value })[name] = p.default;
    for (const [name, fill] of nested) {
      const inner = value[name];
      const next = fill(inner);
      if (next !== inner) (out ??= { ...value })[name] = next;
    }
    return (out ?? value) as T;
  };
}

/** A blank payload for a form: defaults where given, else for required fields empty strings, `false`, and numbers at their `minimum` (else 0), so a new command starts valid by its schema. */
export function blankOf(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const type = typesOf(field)[0];
    if (field.default !== undefined) out[name] = field.default;
    else if (type === 'object') out[name] = blankOf(field);
    else if (!required.has(name)) continue;
    else out[name] = field.enum?.length ? field.enum[0] : type === 'string' ? '' : type === 'boolean' ? false : type === 'array' ? [] : type === 'null' ? null : Math.max(0, field.minimum ?? 0);
  }
  return out;
}
