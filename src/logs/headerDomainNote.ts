/**
 * What an inspection says when a log names another domain than the one chosen to replay it: a
 * Purestream log's header (cli-and-reports.md lets the header name a domain: "The first line may
 * be a header {format, domain}"), or CloudEvents whose `source` is a purestream domain's, as export
 * writes it (`/purestream/<domain>`: ./cloudEventWriter.ts). cli-and-reports.md defines `malformed`
 * as "not JSON, or not an object": a header naming another id is neither. Replaying a log with
 * another version of the rules is what decision drift is for (domain-modules.md, "When the rules
 * change"), and a module without `id` takes its file name as id, so `seats-v2.ts` reads a log of
 * `seats.ts` as domain "seats-v2". The chosen domain is used, and the report says so in a note —
 * said first, before the records' problems; when the chosen domain does not know some of the
 * log's types, the note adds the domain the log names as the one to replay it with. Pure.
 */
import { bundledIds } from '../../domain';

/** The domain a log names: in its header, or in its CloudEvents `source` (the first that names one). */
export type NamedDomain = { readonly domain: string; readonly by: 'header' } | { readonly domain: string; readonly by: 'source'; readonly source: string };

/**
 * The note for a log naming domain `named` read with domain `chosen` (a module's id: a hint on
 * `id`); `unknownTypes`: the chosen domain did not know some of the log's types (unknown-type),
 * so the note says to replay it with the domain it names instead (and nothing of `id`);
 * `refused`: the log was refused for its records, so it was read with the domain, not replayed.
 */
export function namedDomainNote(named: NamedDomain, chosen: string, unknownTypes = false, refused = false): string {
  const where = named.by === 'header' ? "the log's header" : `the log's CloudEvents source ${JSON.stringify(named.source)}`;
  const said = `${where} names domain ${JSON.stringify(named.domain)}; it was ${refused ? 'read' : 'replayed'} with domain ${JSON.stringify(chosen)}, as chosen`;
  if (!unknownTypes) return bundledIds.includes(chosen) ? said : `${said} (a domain module without \`id\` is named after its file; \`id: ${JSON.stringify(named.domain)}\` in it names the same domain)`;
  // types the chosen domain does not know: another domain, not another version of it (no word on `id`)
  const other = bundledIds.includes(named.domain) ? `domain ${JSON.stringify(named.domain)}` : `the domain module of ${JSON.stringify(named.domain)}`;
  return `${said}; ${JSON.stringify(chosen)} does not know some of its types: replay it with ${other} instead`;
}

/** The note for a log whose header names domain `named`, read with domain `chosen` ({@link namedDomainNote}). */
export const headerDomainNote = (named: string, chosen: string, unknownTypes = false): string => namedDomainNote({ domain: named, by: 'header' }, chosen, unknownTypes);
