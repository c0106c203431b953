/**
 * Small field checkers for scenario validation. Each pushes an {@link InputError} naming the
 * JSON path (`runs[0].scheduler.workers`) and returns the value when it is valid, so the
 * validators read as tables and collect every error instead of stopping at the first.
 */
import type { InputError } from '../types';
import { MAX_TIME_MS, thousands, TIME_LIMIT } from './limits';

export type Json = Record<string, unknown>;

/** The errors found so far; validators append, never throw. */
export type Errors = InputError[];

/** Longest key shown in a path; a longer one (a 20 MB typo) is cut, so messages stay one short line. */
const MAX_KEY = 64;

/** `path.key`, or `key` at the top level (a very long key shortened). */
export const at = (path: string, key: string): string => {
  const shown = key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key;
  return path ? `${path}.${shown}` : shown;
};
/** `path[i]`. */
export const item = (path: string, i: number): string => `${path}[${i}]`;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short description of a wrong value for messages. */
export const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'string'
        ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
        : typeof v === 'object'
          ? 'an object'
          : String(v);

/** Quotes and joins names for "expected one of" messages. */
export const names = (list: readonly string[]): string => list.map((n) => `"${n}"`).join(', ');

/** The value as an object, or an error. */
export function object(v: unknown, path: string, errors: Errors, what = 'an object'): Json | undefined {
  if (isObject(v)) return v;
  errors.push({ path: path || '(top level)', message: `expected ${what}, got ${describe(v)}` });
  return undefined;
}

/** Reports keys that are neither allowed nor `x-…` extensions (with a suggestion for typos). */
export function knownKeys(obj: Json, path: string, allowed: readonly string[], errors: Errors): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key) || key.startsWith('x-')) continue;
    const close = closest(key, allowed);
    const hint = close ? `did you mean "${close}"?` : allowed.length ? `expected one of ${names(allowed)}` : 'no keys are allowed here';
    errors.push({ path: at(path, key), message: `unknown key; ${hint} (extensions must start with "x-")` });
  }
}

/** A required or optional field: undefined when absent (and not required) or invalid. */
function field<T>(obj: Json, key: string, path: string, errors: Errors, required: boolean, test: (v: unknown) => string | undefined): T | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) errors.push({ path: at(path, key), message: 'is required' });
    return undefined;
  }
  const problem = test(v);
  if (problem) {
    errors.push({ path: at(path, key), message: problem });
    return undefined;
  }
  return v as T;
}

export interface FieldOptions {
  readonly required?: boolean;
}

/** A non-empty string field. */
export const string = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions = {}): string | undefined =>
  field(obj, key, path, errors, o.required === true, (v) =>
    typeof v !== 'string' ? `expected a string, got ${describe(v)}` : v.length === 0 ? 'expected a non-empty string' : undefined,
  );

/** An integer field within [min, max]; `limit` names what the maximum is (`at most 1,000,000 workers`). */
export const integer = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions & { min?: number; max?: number; limit?: string } = {}): number | undefined =>
  field(obj, key, path, errors, o.required === true, (v) => {
    const range = o.min !== undefined ? ` >= ${o.min}` : '';
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `expected an integer${range}, got ${describe(v)}`;
    if (o.min !== undefined && v < o.min) return `expected an integer${range}, got ${v}`;
    if (o.max !== undefined && v > o.max) return `${thousands(v)} is over the limit: ${o.limit ?? `at most ${thousands(o.max)}`}`;
    return undefined;
  });

/** A finite number field within [min, max]. */
export const number = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions & { min?: number; max?: number } = {}): number | undefined =>
  field(obj, key, path, errors, o.required === true, (v) => numberProblem(v, o.min, o.max));

/** A time or duration field in virtual ms: a number in [0, MAX_TIME_MS] (see ./limits). */
export const time = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions & { min?: number } = {}): number | undefined =>
  field(obj, key, path, errors, o.required === true, (v) => timeProblem(v, o.min ?? 0));

/** Why `v` is not a time in [min, MAX_TIME_MS] ms, or undefined. */
export function timeProblem(v: unknown, min = 0): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > MAX_TIME_MS) return `${v} ms is over the limit: ${TIME_LIMIT}`;
  return numberProblem(v, min);
}

/** Why `v` is not a finite number in [min, max], or undefined. */
export function numberProblem(v: unknown, min?: number, max?: number): string | undefined {
  const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : min !== undefined ? ` >= ${min}` : max !== undefined ? ` <= ${max}` : '';
  if (typeof v !== 'number' || !Number.isFinite(v)) return `expected a number${range}, got ${describe(v)}`;
  if ((min !== undefined && v < min) || (max !== undefined && v > max)) return `expected a number${range}, got ${v}`;
  return undefined;
}

/** A boolean field. */
export const boolean = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions = {}): boolean | undefined =>
  field(obj, key, path, errors, o.required === true, (v) => (typeof v !== 'boolean' ? `expected true or false, got ${describe(v)}` : undefined));

/** A string field that must be one of `values`; `what`/`of` make the message (`unknown scheduler kind "x"`). */
export const oneOf = <T extends string>(
  obj: Json,
  key: string,
  path: string,
  errors: Errors,
  values: readonly T[],
  o: FieldOptions & { what?: string; of?: string } = {},
): T | undefined =>
  field(obj, key, path, errors, o.required === true, (v) => {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return undefined;
    const close = typeof v === 'string' ? closest(v, values) : undefined;
    const head = o.what ? `unknown ${o.what} ${describe(v)}${o.of ? ` ${o.of}` : ''}` : `got ${describe(v)}`;
    return `${head}; ${close ? `did you mean "${close}"? ` : ''}expected one of ${names(values)}`;
  });

/** An array field (optionally non-empty). */
export const array = (obj: Json, key: string, path: string, errors: Errors, o: FieldOptions & { nonEmpty?: boolean } = {}): readonly unknown[] | undefined =>
  field(obj, key, path, errors, o.required === true, (v) =>
    !Array.isArray(v) ? `expected an array, got ${describe(v)}` : o.nonEmpty && v.length === 0 ? 'expected at least one entry' : undefined,
  );

/** The allowed name closest to a typo (edit distance <= 2), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    // lengths more than 2 apart are more than 2 edits apart: skip (a 20 MB key would take seconds)
    if (Math.abs(word.length - c.length) >= bestDistance) continue;
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
