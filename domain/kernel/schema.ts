/**
 * A small schema language for command and event payloads. One schema both validates input
 * (messages name the field by its path) and drives generated forms (field order, kinds,
 * defaults, descriptions). Pure.
 */

export type FieldSchema =
  | { readonly kind: 'string'; readonly optional?: boolean; readonly default?: string; readonly description?: string; readonly nonEmpty?: boolean }
  | { readonly kind: 'integer'; readonly optional?: boolean; readonly default?: number; readonly description?: string; readonly min?: number }
  | { readonly kind: 'number'; readonly optional?: boolean; readonly default?: number; readonly description?: string; readonly min?: number }
  | { readonly kind: 'boolean'; readonly optional?: boolean; readonly default?: boolean; readonly description?: string }
  | ObjectSchema;

/** An object with named fields, in display order. */
export interface ObjectSchema {
  readonly kind: 'object';
  readonly fields: Readonly<Record<string, FieldSchema>>;
  readonly optional?: boolean;
  readonly description?: string;
}

/** One validation problem: the path of the field (`data.name.first`) and what is wrong. */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

/** Builds an object schema; a tiny helper so domain files read as tables. */
export const object = (fields: Record<string, FieldSchema>, extra: Partial<ObjectSchema> = {}): ObjectSchema => ({
  kind: 'object',
  fields,
  ...extra,
});
export const str = (description?: string, extra: { optional?: boolean; default?: string } = {}): FieldSchema => ({
  kind: 'string',
  nonEmpty: true,
  description,
  ...extra,
});
export const int = (description?: string, extra: { min?: number; optional?: boolean } = {}): FieldSchema => ({
  kind: 'integer',
  description,
  ...extra,
});
export const num = (description?: string, extra: { min?: number; optional?: boolean } = {}): FieldSchema => ({
  kind: 'number',
  description,
  ...extra,
});

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : typeof v === 'object' ? 'an object' : String(v);

/** Validates `value` against `schema`; every error names its field by path. Pure. */
export function validate(schema: FieldSchema, value: unknown, path: string): ValidationError[] {
  const errors: ValidationError[] = [];
  check(schema, value, path, errors);
  return errors;
}

function check(schema: FieldSchema, value: unknown, path: string, errors: ValidationError[]): void {
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string') errors.push({ path, message: `expected a string, got ${describe(value)}` });
      else if (schema.nonEmpty && value.length === 0) errors.push({ path, message: 'expected a non-empty string' });
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        errors.push({ path, message: `expected an integer${schema.min !== undefined ? ` >= ${schema.min}` : ''}, got ${describe(value)}` });
      else if (schema.min !== undefined && value < schema.min)
        errors.push({ path, message: `expected an integer >= ${schema.min}, got ${value}` });
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ path, message: `expected a number, got ${describe(value)}` });
      else if (schema.min !== undefined && value < schema.min)
        errors.push({ path, message: `expected a number >= ${schema.min}, got ${value}` });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push({ path, message: `expected true or false, got ${describe(value)}` });
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        errors.push({ path, message: `expected an object, got ${describe(value)}` });
        return;
      }
      for (const [name, field] of Object.entries(schema.fields)) {
        const v = value[name];
        if (v === undefined) {
          if (!field.optional) errors.push({ path: `${path}.${name}`, message: 'is required' });
          continue;
        }
        check(field, v, `${path}.${name}`, errors);
      }
      // own keys only: `constructor` or `toString` are no fields of a schema
      for (const name of Object.keys(value))
        if (!Object.hasOwn(schema.fields, name)) errors.push({ path: `${path}.${name.length > 64 ? name.slice(0, 64) + '…' : name}`, message: 'is not a known field' });
      return;
    }
    default: {
      const never: never = schema;
      throw new Error(`unknown schema ${JSON.stringify(never)}`);
    }
  }
}

/** Returns a copy of `value` with the schema's defaults filled in for missing optional fields. */
export function withDefaults(schema: ObjectSchema, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const [name, field] of Object.entries(schema.fields)) {
    if (out[name] === undefined && 'default' in field && field.default !== undefined) out[name] = field.default;
    else if (field.kind === 'object' && isPlainObject(out[name])) out[name] = withDefaults(field, out[name] as Record<string, unknown>);
  }
  return out;
}

/** A blank payload for a form: defaults where given, empty strings and zeros elsewhere. */
export function blankOf(schema: ObjectSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.kind === 'object') out[name] = blankOf(field);
    else if ('default' in field && field.default !== undefined) out[name] = field.default;
    else if (field.optional) continue;
    else out[name] = field.kind === 'string' ? '' : field.kind === 'boolean' ? false : 0;
  }
  return out;
}
