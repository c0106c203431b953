/**
 * The schema language of command and event payloads: JSON Schema (json-schema.org, draft
 * 2020-12), the subset domain-modules.md names — `type`, `properties`, `required`, `enum`,
 * `minimum`, `maximum`, `items`, `additionalProperties`, `description` — plus the annotations
 * `title` and `default` (filled into commands that leave the field out) and `minLength` /
 * `maxLength`. One schema validates input (src/engine/module/payloadSchema.ts) and drives the
 * app's generated forms (field order = `properties` order). Types only.
 */

/** A JSON Schema `type` name. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A JSON value an `enum` may list. */
export type JsonScalar = string | number | boolean | null;

/** A JSON Schema of the subset above. */
export interface JsonSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly JsonScalar[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
}

/** The keywords a payload schema may use (anything else is refused when a module is loaded). */
export const SCHEMA_KEYWORDS: readonly (keyof JsonSchema | '$schema')[] = [
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'title',
  'description',
  'default',
];

/** An object payload: every property required except those named `optional`, no other property allowed. */
export const object = (properties: Readonly<Record<string, JsonSchema>>, optional: readonly string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  additionalProperties: false,
});
/** A non-empty string field. */
export const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', minLength: 1, description, ...extra });
/** An integer field. */
export const int = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', description, ...extra });
/** A number field. */
export const num = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'number', description, ...extra });
