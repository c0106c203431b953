/** The bundled domains as display data: commands and events with their fields. Pure. */
import type { DomainInfo, JsonSchema } from '../../domain/kernel';
import { fieldRows, type FieldRow } from '../../src/engine/module/description';

export type { FieldRow };

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

export { fieldRows };

const messages = (schemas: Readonly<Record<string, JsonSchema>>): MessageType[] => Object.entries(schemas).map(([type, s]) => ({ type, fields: fieldRows(s) }));

/** Describes one domain for display. */
export const domainEntry = (d: DomainInfo): DomainEntry => ({
  id: d.id,
  title: d.title,
  summary: d.summary,
  commands: messages(d.commandSchemas),
  events: messages(d.eventSchemas),
  invariants: d.invariants.map((i) => ({ name: i.name, description: i.description })),
  authorized: Object.keys(d.authorization),
  capacityAware: d.capacity !== undefined,
});
