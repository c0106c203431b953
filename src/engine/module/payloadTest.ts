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
  let typed = false;
  if (type !== undefined) {
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
    if (!types || types.some((t) => typeof t !== 'string' || !TYPES.has(t))) return undefined;
    checks.push(typeCheck(types as string[]));
    // a value of no JSON type fails every type check: the guard below is not needed
    typed = true;
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
  }
  const objectCheck = propertiesCheck(schema, (schema.required as string[] | undefined) ?? []);
  if (objectCheck === undefined) return undefined;
  if (objectCheck) checks.push(objectCheck);
  if (schema.items !== undefined) {
    const item = payloadPredicate(schema.items);
    if (!item || Array.isArray(schema.items)) return undefined;
    checks.push((v) => !Array.isArray(v) || v.every((x) => item(x)));
  }
  if (typed && checks.length === 1) return checks[0];
  if (typed && checks.length === 2) {
    const [first, second] = checks;
    return (v) => first(v) && second(v);
  }
  const n = checks.length;
  return (v) => {
    if (!typed && jsonType(v) === undefined) return false;
    for (let i = 0; i < n; i++) if (!checks[i](v)) return false;
    return true;
  };
}

/** The `type` check, one closure per common case (the library's rule: an integer is a number with no fraction). */
function typeCheck(types: readonly string[]): Predicate {
  if (types.length === 1) {
    switch (types[0]) {
      case 'string':
        return (v) => typeof v === 'string';
      case 'boolean':
        return (v) => typeof v === 'boolean';
      case 'number':
        return (v) => typeof v === 'number';
      case 'integer':
        return (v) => typeof v === 'number' && v % 1 === 0;
      case 'object':
        return isPlainObject;
      case 'array':
        return (v) => Array.isArray(v);
      default:
        return (v) => v === null;
    }
  }
  const integer = types.includes('integer');
  const names = new Set(types);
  return (v) => {
    const t = jsonType(v);
    return t !== undefined && (names.has(t) || (integer && t === 'number' && (v as number) % 1 === 0));
  };
}

/**
 * `required`, `properties` and `additionalProperties` together, on objects only (other values
 * pass: the type check answers for them); null when none is there, undefined when outside the subset.
 */
function propertiesCheck(schema: Record<string, unknown>, required: readonly string[]): Predicate | null | undefined {
  const { properties, additionalProperties } = schema;
  if (properties === undefined && additionalProperties === undefined && required.length === 0) return null;
  if (properties !== undefined && !isPlainObject(properties)) return undefined;
  const names: string[] = [];
  const checks: Predicate[] = [];
  for (const [name, sub] of Object.entries(properties ?? {})) {
    const p = payloadPredicate(sub);
    if (!p) return undefined;
    names.push(name);
    checks.push(p);
  }
  const known = new Set(names);
  const extra = additionalProperties === undefined ? undefined : payloadPredicate(additionalProperties);
  if (additionalProperties !== undefined && !extra) return undefined;
  const n = names.length;
  const r = required.length;
  return (v) => {
    if (!isPlainObject(v)) return true;
    for (let i = 0; i < r; i++) if (!Object.hasOwn(v, required[i])) return false;
    for (let i = 0; i < n; i++) {
      const name = names[i];
      if (Object.hasOwn(v, name) && !checks[i](v[name])) return false;
    }
    if (extra) for (const key in v) if (!known.has(key) && !extra(v[key])) return false;
    return true;
  };
}
