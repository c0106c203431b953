/**
 * The "why" hints of values a run left below zero where the domain does not allow them (an
 * oversold stock, a quantity driven negative): one hint per field and invariant of a run, with
 * how many streams and the first few in natural order (sameShape), never one line per cart. Pure.
 */
import { STOCK_LIKE } from '../../../src/engine/report/oversold';
import { groupStreams, namesText } from '../../../src/engine/report/sameShape';
import type { StateDiffRow } from './compareModel';

/** What a below-zero hint needs of a run: its name, quoted, and the streams whose final aggregate breaks an invariant (with which). */
export interface BelowZeroRun {
  readonly name: string;
  readonly brokenBy: ReadonlyMap<string, readonly string[]>;
}

/** A below-zero hint's words (after the run's name) and every stream it speaks of. */
export interface BelowZero {
  readonly text: string;
  readonly streams: readonly string[];
}

/** "-2", or "-4 to -1" for values that differ. */
const span = (values: readonly number[]): string => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${low}` : `${low} to ${high}`;
};

/** Run `i`'s values below zero on streams its invariants reject, grouped by field and the invariants broken. */
export function belowZeroHints(differences: readonly StateDiffRow[], runs: readonly BelowZeroRun[], i: number): BelowZero[] {
  const run = runs[i];
  // below zero is no explanation where the domain allows it (an overdraft): only on a stream its invariants reject
  const below = differences.filter((d) => typeof d.values[i] === 'number' && (d.values[i] as number) < 0 && run.brokenBy.has(d.stream));
  const groups = groupStreams(below, (d) => d.stream, (d) => JSON.stringify([d.path.slice(1), run.brokenBy.get(d.stream)]));
  return groups.map(({ members }) => {
    const first = members[0];
    const values = members.map((d) => d.values[i] as number);
    const streams = members.map((d) => d.stream);
    const field = first.path[first.path.length - 1] ?? '';
    const breaks = run.brokenBy.get(first.stream) ?? [];
    // every other run's values on these streams, where it has them and they break nothing there
    const others = runs
      .map((r, k) => {
        if (k === i) return undefined;
        const theirs = members.filter((d) => typeof d.values[k] === 'number' && !r.brokenBy.has(d.stream)).map((d) => d.values[k] as number);
        return theirs.length > 0 ? `${r.name}: ${span(theirs)}` : undefined;
      })
      .filter(Boolean);
    const where = members.length === 1 ? undefined : `${members.length.toLocaleString('en-US')} streams (${namesText(streams)})`;
    const said = STOCK_LIKE.test(field)
      ? `oversold ${where ?? first.stream.replace(/^[^:]*:/, '')} by ${span(values.map((v) => -v))}: ${field} ends at ${span(values)}`
      : where === undefined
        ? `drove ${first.path.join('.')} to ${values[0]}, which ${breaks.join(' and ')} ${breaks.length === 1 ? 'does' : 'do'} not allow`
        : `drove ${first.path.slice(1).join('.')} to ${span(values)} in ${where}, which ${breaks.join(' and ')} ${breaks.length === 1 ? 'does' : 'do'} not allow`;
    return { text: `${said}${others.length > 0 ? ` (${others.join(', ')})` : ''}`, streams };
  });
}
