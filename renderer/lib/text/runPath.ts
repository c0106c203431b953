/**
 * A problem's place as the app says it: a run's by its name — `run “8 workers” › scheduler.workers`
 * where `runs[1].scheduler.workers` would leave the reader counting runs (a name two runs share says
 * which of them: “pool” (2nd)); any other path as it is. Pure.
 */

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st (the one ordinal of the app's messages). */
export const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** `path` with its run named from `runNames` (the scenario's runs' names, in order); unchanged when it is no run's or the run has no name. */
export function runPath(path: string, runNames: readonly string[]): string {
  const m = /^runs\[(\d+)\](?:\.(.*))?$/.exec(path);
  const index = m ? Number(m[1]) : -1;
  const name = runNames[index];
  if (!m || !name) return path;
  const shared = runNames.filter((n) => n === name).length > 1;
  return `run “${name}”${shared ? ` (${ordinal(index + 1)})` : ''}${m[2] ? ` › ${m[2]}` : ''}`;
}

/** The names of a scenario file's runs (its JSON value, however malformed), in order: '' for a run without a text name. */
export function runNamesOf(raw: unknown): string[] {
  const runs = typeof raw === 'object' && raw !== null ? (raw as { runs?: unknown }).runs : undefined;
  return Array.isArray(runs) ? runs.map((r) => (typeof r === 'object' && r !== null && typeof (r as { name?: unknown }).name === 'string' ? (r as { name: string }).name : '')) : [];
}
