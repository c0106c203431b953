/**
 * Which open domain module a domain id stands for where no file is named — a stored run without
 * its stored scenario (its report keeps only the id), a log's suggested domain: one rule, and
 * what to say when several open modules have the id; and which one a run of the open scenario
 * uses, whose `domain` names its file (DomainModules.forDomain). Pure.
 */

/** An open domain module by its file name and its description's `id`. */
export interface OpenModuleId {
  readonly name: string;
  readonly id: string;
}

/** The open module an id is taken to mean, and the other open modules that have it too. */
export interface ModuleOfId {
  /** Its file name. */
  readonly name: string;
  /** The other open modules of the id, by file name, in the Domains view's order; empty when it is the only one. */
  readonly others: readonly string[];
}

/** The first open module (in `open`'s order: the Domains view's list) whose description has `id`; undefined when none has. */
export function moduleOfId(id: string, open: readonly OpenModuleId[]): ModuleOfId | undefined {
  const names = open.filter((m) => m.id === id).map((m) => m.name);
  return names.length === 0 ? undefined : { name: names[0], others: names.slice(1) };
}

/**
 * The open module a run of domain `id` uses: the file the open scenario's `domain` path names
 * (`named`, its file name) when an open module of that name has the id — the module the scenario
 * was checked against, whatever other open modules have the id — else {@link moduleOfId}'s.
 */
export function moduleForDomain(id: string, named: string | undefined, open: readonly OpenModuleId[]): ModuleOfId | undefined {
  return named !== undefined && open.some((m) => m.name === named && m.id === id) ? { name: named, others: [] } : moduleOfId(id, open);
}

/**
 * Which file was used, when other open modules have the id too (undefined when it is the only
 * one): `2 open modules have the id "my-bank" (bank.ts, bank-v2.ts): bank.ts, the first on the
 * Domains view, is used (close it there to use bank-v2.ts)`.
 */
export function sharedIdNotice(id: string, chosen: ModuleOfId): string | undefined {
  const n = chosen.others.length;
  if (n === 0) return undefined;
  const all = [chosen.name, ...chosen.others];
  const instead = n === 1 ? `close it there to use ${chosen.others[0]}` : 'close the ones not meant there';
  return `${all.length} open modules have the id "${id}" (${all.join(', ')}): ${chosen.name}, the first on the Domains view, is used (${instead})`;
}
