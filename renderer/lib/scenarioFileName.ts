/**
 * File names made from titles: a scenario's when it is downloaded (Download scenario, and the
 * command lines that name that file), a comparison's, an exported log's. Pure.
 */

/** Names Windows refuses for a file whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * A title as a file name's stem every system takes: accents dropped, lower case, each run of
 * anything but letters and digits one `-`, no `-` at either end, at most `max` characters (cut at
 * a `-` when there is one); `fallback` when nothing is left, and after a name Windows reserves.
 * "Flash sale: 150 orders" → "flash-sale-150-orders".
 */
export function fileSlug(title: string, fallback: string, max = 60): string {
  const slug = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const cut = slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max);
  if (cut === '') return fallback;
  return RESERVED.test(cut) ? `${cut}-${fallback}` : cut;
}

/** What a scenario's file name is made from: its value, the name of the file it came from or was last written to, and the scenario's name at that time. */
export interface ScenarioFile {
  readonly raw: Readonly<Record<string, unknown>> | undefined;
  readonly fileName: string;
  /** The scenario's `name` when `fileName` was given (opened, downloaded, written): renamed since, the file takes the new name. */
  readonly fileTitle?: unknown;
}

/**
 * The file name the open scenario downloads as (and the command lines name): the file it came
 * from, unless it was renamed since or has no file (`untitled.json`): then its name as a slug
 * ({@link fileSlug}) with `.json`.
 */
export function scenarioFileName(doc: ScenarioFile): string {
  const name = doc.raw?.name;
  const renamed = 'fileTitle' in doc && name !== doc.fileTitle;
  if (doc.fileName !== 'untitled.json' && !renamed) return doc.fileName.replace(/^.*[\\/]/, '').replace(/[:*?"<>|]+/g, '-');
  return `${fileSlug(typeof name === 'string' ? name : '', 'scenario')}.json`;
}
