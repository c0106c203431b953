/** `purestream domains [--json]`: the bundled domains with their command and event types and fields. */
import { domains } from '../../../domain';
import type { FieldSchema, ObjectSchema } from '../../../domain/kernel';
import { parseArgs, type CliCommand } from '../io';

/** A field list as plain data: name, kind, optional, nested fields. */
export interface FieldInfo {
  readonly name: string;
  readonly kind: string;
  readonly optional: boolean;
  readonly default?: unknown;
  readonly fields?: readonly FieldInfo[];
}

const fieldsOf = (schema: ObjectSchema): FieldInfo[] =>
  Object.entries(schema.fields).map(([name, f]: [string, FieldSchema]) => ({
    name,
    kind: f.kind,
    optional: f.optional === true,
    ...('default' in f && f.default !== undefined ? { default: f.default } : {}),
    ...(f.kind === 'object' ? { fields: fieldsOf(f) } : {}),
  }));

/** The bundled domains as the `domains --json` document. */
export const describeDomains = () => ({
  domains: domains.map((d) => ({
    id: d.id,
    title: d.title,
    summary: d.summary,
    commands: Object.entries(d.commandSchemas as Record<string, ObjectSchema>).map(([type, s]) => ({ type, fields: fieldsOf(s) })),
    events: Object.entries(d.eventSchemas as Record<string, ObjectSchema>).map(([type, s]) => ({ type, fields: fieldsOf(s) })),
    invariants: d.invariants.map((i) => ({ name: i.name, description: i.description })),
    authorization: Object.keys(d.authorization),
    capacityAware: d.capacity !== undefined,
  })),
});

const showFields = (fields: readonly FieldInfo[]): string =>
  fields.map((f) => `${f.name}${f.optional ? '?' : ''}${f.fields ? ` { ${showFields(f.fields)} }` : ''}`).join(', ');

export const domainsCommand: CliCommand = async (args, io) => {
  const { flags } = parseArgs(args, { flags: ['json'] });
  const doc = describeDomains();
  if (flags.has('json')) {
    io.out(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  for (const d of doc.domains) {
    io.out(`${d.id} — ${d.summary}\n  commands:\n`);
    for (const c of d.commands) io.out(`    ${c.type} { ${showFields(c.fields)} }\n`);
    io.out('  events:\n');
    for (const e of d.events) io.out(`    ${e.type} { ${showFields(e.fields)} }\n`);
    io.out(`  invariants: ${d.invariants.map((i) => i.name).join(', ')}\n\n`);
  }
  return 0;
};
