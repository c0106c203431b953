/** The bundled domains as display data: commands and events with their fields. Pure. */
import type { AnyDecider, FieldSchema, ObjectSchema } from '../../domain/kernel';

/** One field of a payload as the Domains view shows it. */
export interface FieldRow {
  readonly name: string;
  readonly kind: FieldSchema['kind'];
  readonly optional: boolean;
  readonly description?: string;
  readonly default?: unknown;
  readonly fields?: readonly FieldRow[];
}

/** A command or event type with its fields. */
export interface MessageType {
  readonly type: string;
  readonly fields: readonly FieldRow[];
}

/** A domain as the Domains view shows it. */
export interface DomainEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly commands: readonly MessageType[];
  readonly events: readonly MessageType[];
  readonly invariants: readonly { readonly name: string; readonly description: string }[];
  readonly authorized: readonly string[];
  readonly capacityAware: boolean;
}

/** The fields of an object schema, in declaration order, nested objects included. */
export const fieldRows = (schema: ObjectSchema): FieldRow[] =>
  Object.entries(schema.fields).map(([name, f]) => ({
    name,
    kind: f.kind,
    optional: f.optional === true,
    ...(f.description ? { description: f.description } : {}),
    ...('default' in f && f.default !== undefined ? { default: f.default } : {}),
    ...(f.kind === 'object' ? { fields: fieldRows(f) } : {}),
  }));

const messages = (schemas: Readonly<Record<string, ObjectSchema>>): MessageType[] =>
  Object.entries(schemas).map(([type, s]) => ({ type, fields: fieldRows(s) }));

/** Describes one decider for display. */
export const domainEntry = (d: AnyDecider): DomainEntry => ({
  id: d.id,
  title: d.title,
  summary: d.summary,
  commands: messages(d.commandSchemas as Record<string, ObjectSchema>),
  events: messages(d.eventSchemas as Record<string, ObjectSchema>),
  invariants: d.invariants.map((i) => ({ name: i.name, description: i.description })),
  authorized: Object.keys(d.authorization),
  capacityAware: d.capacity !== undefined,
});
