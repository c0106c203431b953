/**
 * `purestream domains [PATH] [--json]`: the bundled domains — or the domain module at PATH —
 * with their command and event types and fields.
 */
import { bundledDomains } from '../../engine/module/bundled';
import { describeDomain, fieldRows, type DomainDescription, type FieldRow } from '../../engine/module/description';
import type { JsonSchema } from '../../../domain/kernel';
import { EXIT, parseArgs, UsageError, type CliCommand } from '../io';
import { withModule } from '../domainArgument';

/** One domain in the `domains --json` document. */
const entry = (d: DomainDescription, module?: string) => {
  const messages = (schemas: Readonly<Record<string, JsonSchema>> | undefined) => Object.entries(schemas ?? {}).map(([type, schema]) => ({ type, fields: fieldRows(schema), schema }));
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    ...(module !== undefined ? { module } : {}),
    shape: d.shape,
    commands: messages(d.commandSchemas),
    events: messages(d.eventSchemas),
    ...(d.commandSchemas === undefined ? { anyCommand: true } : {}),
    ...(d.eventSchemas === undefined ? { anyEvent: true } : {}),
    invariants: d.invariants,
    authorization: d.authorization,
    capacityAware: d.capacityAware,
    keyed: d.keyed,
  };
};

/** The bundled domains as the `domains --json` document. */
export const describeDomains = () => ({ domains: bundledDomains.map((d) => entry(describeDomain(d))) });

const showFields = (fields: readonly FieldRow[]): string =>
  fields.map((f) => `${f.name}${f.optional ? '?' : ''}${f.fields ? ` { ${showFields(f.fields)} }` : ''}`).join(', ');

export const domainsCommand: CliCommand = async (args, io) => {
  const { positionals, flags } = parseArgs(args, { flags: ['json'] });
  if (positionals.length > 1) throw new UsageError(`expected at most one domain module, got ${positionals.length}: ${positionals.join(' ')}`);
  const doc =
    positionals.length === 0
      ? describeDomains()
      : await withModule(positionals[0], io, async (host) => ({ domains: [entry(host.description, positionals[0])] }));
  if (flags.has('json')) {
    io.out(JSON.stringify(doc, null, 2) + '\n');
    return EXIT.ok;
  }
  for (const d of doc.domains) {
    io.out(`${d.id} — ${d.summary || d.title}${'module' in d ? ` (${d.module}, ${d.shape === 'emmett' ? 'Emmett-style decider' : 'Purestream domain'})` : ''}\n  commands:\n`);
    if ('anyCommand' in d) io.out('    (any type: the module declares no command schemas)\n');
    for (const c of d.commands) io.out(`    ${c.type} { ${showFields(c.fields)} }\n`);
    io.out('  events:\n');
    if ('anyEvent' in d) io.out('    (any type: the module declares no event schemas)\n');
    for (const e of d.events) io.out(`    ${e.type} { ${showFields(e.fields)} }\n`);
    io.out(`  invariants: ${d.invariants.map((i) => i.name).join(', ') || '(none)'}\n\n`);
  }
  return EXIT.ok;
};
