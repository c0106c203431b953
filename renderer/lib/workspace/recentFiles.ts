/** The recent-files list: most recent first, no duplicates, capped. Pure. */

/** How many recent files are kept. */
export const MAX_RECENT = 8;

/** The list after opening or saving `name`. */
export function touchRecent(list: readonly string[], name: string, max = MAX_RECENT): string[] {
  return [name, ...list.filter((n) => n !== name)].slice(0, max);
}

/** Reads a stored list (anything that is not a list of strings reads as empty). */
export function parseRecent(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** A file name for a workspace: its name with `.purestream` added when it has no extension. */
export function workspaceFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'workspace';
  return /\.[a-z0-9]{2,12}$/i.test(base) ? base : `${base}.purestream`;
}
