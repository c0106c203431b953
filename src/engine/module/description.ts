/**
 * A domain described as plain data (what `purestream domains --json` prints, what a module's
 * worker sends the thread that loaded it, what the Domains view lists): names, schemas,
 * invariants, and each payload's fields in display order. `domainInfo` turns a description back
 * into a {@link DomainInfo} with compiled checks, for a thread that validates input but does not
 * run the module. Pure.
 */
import type { DomainInfo, JsonSchema, JsonType, TableDeclaration } from '../../../domain/kernel';
import { ANY_OBJECT, compilePayloadSchema } from './payloadSchema';

/** A domain as data (structured-clone and JSON safe). */
export interface DomainDescription {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly shape: 'purestream' | 'emmett';
  /** Declared schemas by type; absent when the module declares none (any type, any object). */
  readonly commandSchemas?: Readonly<Record<string, JsonSchema>>;
  readonly eventSchemas?: Readonly<Record<string, JsonSchema>>;
  readonly invariants: readonly { readonly name: string; readonly description: string }[];
  /** Command types with an authorization rule. */
  readonly authorization: readonly string[];
  readonly capacityAware: boolean;
  /** Whether the domain names partition keys (runs under partitioned, single-writer, capacity-aware). */
  readonly keyed: boolean;
  readonly sqlTables?: readonly TableDeclaration[];
}

/** Describes a domain. */
export function describeDomain(info: DomainInfo): DomainDescription {
  return {
    id: info.id,
    title: info.title,
    summary: info.summary,
    shape: info.shape,
    ...(info.declaresCommands ? { commandSchemas: info.commandSchemas } : {}),
    ...(info.declaresEvents ? { eventSchemas: info.eventSchemas } : {}),
    invariants: info.invariants.map((i) => ({ name: i.name, description: i.description })),
    authorization: Object.keys(info.authorization),
    capacityAware: info.capacity !== undefined,
    keyed: info.keyed,
    ...(info.sql ? { sqlTables: info.sql.tables.map((t) => ({ name: t.name, create: t.create })) } : {}),
  };
}

/** The DomainInfo of a description: its checks compiled, no domain function. */
export function domainInfo(d: DomainDescription): DomainInfo {
  const checks = (schemas: Readonly<Record<string, JsonSchema>> | undefined) => {
    const compiled = new Map(Object.entries(schemas ?? {}).map(([type, s]) => [type, compilePayloadSchema(s)]));
    return (type: string) => (schemas === undefined ? ANY_OBJECT : compiled.get(type));
  };
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    shape: d.shape,
    commandSchemas: d.commandSchemas ?? {},
    eventSchemas: d.eventSchemas ?? {},
    declaresCommands: d.commandSchemas !== undefined,
    declaresEvents: d.eventSchemas !== undefined,
    commandCheck: checks(d.commandSchemas),
    eventCheck: checks(d.eventSchemas),
    keyed: d.keyed,
    invariants: d.invariants,
    authorization: Object.fromEntries(d.authorization.map((t) => [t, true])),
    ...(d.capacityAware ? { capacity: true } : {}),
    ...(d.sqlTables ? { sql: { tables: d.sqlTables } } : {}),
  };
}

/** One field of a payload, for lists and forms: name, JSON type, whether optional, default, nested fields. */
export interface FieldRow {
  readonly name: string;
  readonly kind: JsonType | 'any';
  readonly optional: boolean;
  readonly description?: string;
  readonly default?: unknown;
  readonly fields?: readonly FieldRow[];
}

/** The fields of an object schema, in `properties` order, nested objects included. */
export function fieldRows(schema: JsonSchema): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, f]) => {
    const kind = (typeof f.type === 'string' ? f.type : f.type?.[0]) ?? 'any';
    return {
      name,
      kind,
      optional: !required.has(name),
      ...(f.description ? { description: f.description } : {}),
      ...(f.default !== undefined ? { default: f.default } : {}),
      ...(f.properties ? { fields: fieldRows(f) } : {}),
    };
  });
}
