/**
 * The same problem said of many records once, with how many and where — "unknown event type …
 * (lines 2, 3, 5, …)" — as the Logs view and the command line's text report list anomalies. Pure.
 */
import { groupBy } from '../engine/report/sameShape';

/** One message and every place it was said of, in the order first met. */
export interface ProblemGroup<T> {
  readonly message: string;
  /** The problems with this message, in order. */
  readonly members: readonly T[];
}

/**
 * What makes two problems "the same": their message — where a record is not JSON, without what
 * JSON.parse quotes of that record (`Unexpected token 'e', "ev-1000;Or"... is not valid JSON`),
 * its columns and positions, so a file of lines that are not JSON is one group of N records, as
 * the records without a type are (the group says the first one's message).
 */
export function sameProblemKey(p: { readonly message: string }): string {
  if (!p.message.startsWith('not JSON: ')) return p.message;
  return p.message.replace(/"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, '"…"').replace(/'(?:[^'\\]|\\.)*'/g, "'…'").replace(/\d+/g, 'N');
}

/** Groups problems whose `keyOf` (their kind and message, say) is the same; groups in the order first met. */
export function groupProblems<T extends { readonly message: string }>(problems: Iterable<T>, keyOf: (p: T) => string = sameProblemKey): ProblemGroup<T>[] {
  return groupBy(problems, keyOf).map(({ members }) => ({ message: members[0].message, members }));
}

/** "lines 2, 3, 5, …" (at most `max` numbers, then an ellipsis); "line 4" for one; `word` names the places (a live source's `row`, `message`). */
export function lineList(lines: readonly number[], max = 8, word = 'line'): string {
  if (lines.length === 1) return `${word} ${lines[0]}`;
  return `${word}s ${lines.slice(0, max).join(', ')}${lines.length > max ? ', …' : ''}`;
}

/**
 * The first `max` groups of problems of the same kind and message, and how many of `total`
 * problems they leave unsaid (`total` counts those not kept too): what a report lists of its
 * anomalies, and what a refused log lists of its problems (cli-and-reports.md: "up to 20 problems").
 */
export function kindGroups<T extends { readonly kind: string; readonly message: string }>(problems: readonly T[], total: number, max: number): { groups: ProblemGroup<T>[]; rest: number } {
  const groups = groupProblems(problems, (p) => `${p.kind}\u0000${sameProblemKey(p)}`).slice(0, max);
  return { groups, rest: total - groups.reduce((n, g) => n + g.members.length, 0) };
}
