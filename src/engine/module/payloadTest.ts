/**
 * The yes/no of a payload check, fast: for a schema written in the subset of JSON Schema that
 * domain-modules.md names (`type`, `properties`, `required`, `enum` of plain values, `minimum`,
 * `maximum`, `items`, `additionalProperties`, plus `minLength`/`maxLength` and annotations), a
 * predicate built once from closures (no generated code: it runs under the app's CSP). It gives
 * exactly @cfworker/json-schema's answer (test/unit/modules/payloadTest.test.ts checks it
 * against the library on generated schemas and values) without building the JSON Pointers the
 * library makes for every property it visits: on the 1M-event bench log those cost ~2 s of
 * inspect's ~6.5 s (bench/inspect.ts). A schema using anything else gets `undefined`, and the
 * library answers. Why a payload fails is always said by the library (./payloadSchema.ts). Pure.
 */

/** Whether a value satisfies the schema the predicate was built from. */
export type Predicate = (value: unknown) => boolean;

const ANNOTATIONS = new Set(['$schema', 'description', 'title', 'default', 'examples', '$comment', 'readOnly', 'writeOnly', 'deprecated']);
const HANDLED = new Set(['type', 'properties', 'required', 'enum', 'minimum', 'maximum', 'items', 'additionalProperties', 'minLength', 'maxLength']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type of a value as the library names it; undefined for what is not JSON (the library throws on it). */
function jsonType(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof v;
    case 'object':
      return v === null ? 'null' : Array.isArray(v) ? 'array' : 'object';
    default:
      return undefined;
  }
}

/** Length in code points, as the library counts it (a lone surrogate counts one). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

/** The predicate of `schema`, or undefined when it uses a keyword outside the subset (the library then answers). */
export function payloadPredicate(schema: unknown): Predicate | undefined {
  // the library answers a boolean schema without looking at the value
  if (schema === true) return () => true;
  if (schema === false) return () => false;
  if (!isPlainObject(schema)) return undefined;
  for (const key of Object.keys(schema)) if (!HANDLED.has(key) && !ANNOTATIONS.has(key)) return undefined;
  const checks: Predicate[] = [];

  const { type } = schema;
  if (type !== undefined) {
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
    if (!types || types.some((t) => typeof t !== 'string' || !TYPES.has(t))) return undefined;
    const integer = types.includes('integer');
    const names = new Set(types);
    checks.push((v) => {
      const t = jsonType(v)!;
      return names.has(t) || (integer && t === 'number' && (v as number) % 1 === 0);
    });
  }
  if (schema.enum !== undefined) {
    const values = schema.enum;
    if (!Array.isArray(values) || values.some((x) => typeof x === 'object' && x !== null)) return undefined;
    // an object or array never equals a plain value
    checks.push((v) => values.includes(v) && !Number.isNaN(v));
  }
  const { minimum, maximum } = schema;
  if (minimum !== undefined || maximum !== undefined) {
    if ((minimum !== undefined && typeof minimum !== 'number') || (maximum !== undefined && typeof maximum !== 'number')) return undefined;
    // written as the library compares (NaN is below and above nothing)
    checks.push((v) => typeof v !== 'number' || (!(minimum !== undefined && v < minimum) && !(maximum !== undefined && v > maximum)));
  }
  const { minLength, maxLength } = schema;
  if (minLength !== undefined || maxLength !== undefined) {
    if ((minLength !== undefined && typeof minLength !== 'number') || (maxLength !== undefined && typeof maxLength !== 'number')) return undefined;
    checks.push((v) => {
      if (typeof v !== 'string') return true;
      const n = codePoints(v);
      return (minLength === undefined || n >= minLength) && (maxLength === undefined || n <= maxLength);
    });
  }
  if (schema.required !== undefined) {
    const required = schema.required;
    if (!Array.isArray(required) || required.some((r) => typeof r !== 'string')) return undefined;
    checks.push((v) => !isPlainObject(v) || required.every((name: string) => Object.hasOwn(v, name)));
  }
  const objectCheck = propertiesCheck(schema);
  if (objectCheck === undefined) return undefined;
  if (objectCheck) checks.push(objectCheck);
  if (schema.items !== undefined) {
    const item = payloadPredicate(schema.items);
    if (!item || Array.isArray(schema.items)) return undefined;
    checks.push((v) => !Array.isArray(v) || v.every((x) => item(x)));
  }
  return (v) => {
    if (jsonType(v) === undefined) return false;
    for (const check of checks) if (!check(v)) return false;
    return true;
  };
}

/** `properties` and `additionalProperties` together; null when neither is there, undefined when outside the subset. */
function propertiesCheck(schema: Record<string, unknown>): Predicate | null | undefined {
  const { properties, additionalProperties } = schema;
  if (properties === undefined && additionalProperties === undefined) return null;
  if (properties !== undefined && !isPlainObject(properties)) return undefined;
  const known = new Map<string, Predicate>();
  for (const [name, sub] of Object.entries(properties ?? {})) {
    const p = payloadPredicate(sub);
    if (!p) return undefined;
    known.set(name, p);
  }
  const extra = additionalProperties === undefined ? undefined : payloadPredicate(additionalProperties);
  if (additionalProperties !== undefined && !extra) return undefined;
  const entries = [...known];
  return (v) => {
    if (!isPlainObject(v)) return true;
    for (const [name, p] of entries) if (Object.hasOwn(v, name) && !p(v[name])) return false;
    if (extra) for (const key in v) if (!known.has(key) && !extra(v[key])) return false;
    return true;
  };
}
