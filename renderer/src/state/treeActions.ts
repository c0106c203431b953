/** What the tree's edits add: the domain's command types and a new command's blank payload (the edits themselves: treeEdit.ts). */
import type { DomainInfo, JsonSchema } from '../../../domain/kernel';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { blankOf } from '../../../src/engine/module/payloadSchema';

/** What the open scenario's `domain` names: the loaded `module` its path names, else the bundled domain of that id (undefined: neither). */
export const domainInfoOf = (domain: unknown, module?: DomainInfo): DomainInfo | undefined => module ?? (typeof domain === 'string' ? bundledDomain(domain) : undefined);

/** The command types of the open scenario's domain with their schemas (`module`: the loaded module its `domain` path names). */
export function commandSchemasOf(domain: unknown, module?: DomainInfo): Readonly<Record<string, JsonSchema>> {
  return domainInfoOf(domain, module)?.commandSchemas ?? {};
}

/** Whether the domain takes any command type (a module that declares no command schemas): its commands' types are typed in, their data written as JSON. */
export const takesAnyCommand = (domain: unknown, module?: DomainInfo): boolean => domainInfoOf(domain, module)?.declaresCommands === false;

/** The command types a scenario's commands use (setup included), each once, in order of appearance. */
export function commandTypesUsed(scenario: unknown): string[] {
  const types = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && !('batch' in o)) types.add(o.type);
      for (const [k, child] of Object.entries(o)) if (k !== 'data') visit(child);
    }
  };
  const s = (scenario ?? {}) as Record<string, unknown>;
  visit(s.setup);
  visit(s.commands);
  return [...types];
}

/**
 * A new command of `type` with a blank payload from its schema (blankOf: defaults, empty
 * strings), numbers at their minimum but never below 1: a count of 0 (qty, copies) passes the
 * schema but no rule accepts it, so a new command would be rejected before the user touched it.
 */
export function blankCommand(domain: unknown, type: string, module?: DomainInfo): Record<string, unknown> {
  const schema = commandSchemasOf(domain, module)[type];
  return { type, data: schema ? startingNumbers(schema, blankOf(schema)) : {} };
}

function startingNumbers(schema: JsonSchema, blank: Record<string, unknown>): Record<string, unknown> {
  const out = { ...blank };
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (field.type === 'object' && typeof out[name] === 'object' && out[name] !== null) out[name] = startingNumbers(field, out[name] as Record<string, unknown>);
    else if ((field.type === 'integer' || field.type === 'number') && out[name] === 0 && field.default === undefined) out[name] = Math.max(1, field.minimum ?? 1);
  }
  return out;
}
