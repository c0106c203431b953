/**
 * What an inspection says when a Purestream log's header names another domain than the one
 * chosen to replay it. cli-and-reports.md lets the header name a domain ("The first line may be
 * a header {format, domain}") and defines `malformed` as "not JSON, or not an object": a header
 * naming another id is neither. Replaying a log with another version of the rules is what
 * decision drift is for (domain-modules.md, "When the rules change"), and a module without `id`
 * takes its file name as id, so `seats-v2.ts` reads a log of `seats.ts` as domain "seats-v2".
 * The chosen domain is used, and the report says so in a note. Pure.
 */
import { bundledIds } from '../../domain';

/** The note for a header naming domain `named` read with domain `chosen` (a module's id: a hint on `id`). */
export function headerDomainNote(named: string, chosen: string): string {
  const said = `the log's header names domain ${JSON.stringify(named)}; it was replayed with domain ${JSON.stringify(chosen)}, as chosen`;
  if (bundledIds.includes(chosen)) return said;
  return `${said} (a domain module without \`id\` is named after its file; \`id: ${JSON.stringify(named)}\` in it names the same domain)`;
}
