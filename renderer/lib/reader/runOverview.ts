/**
 * A run's overview: its sizes, every step where a stream newly broke an invariant, the step
 * ranges during which any stream is broken (a stock that went to −5 at step 100 and stays there
 * is broken from 100 to the end, not only at 100), the streams still broken at the end, and each
 * consumer's delivery attempts. Pure.
 */
import type { AnyDomainModule } from '../../../domain/kernel';
import type { Trace } from '../../../src/engine/types';
import type { BrokenRange, BrokenStream, RunOverview } from './runReader';

/** Ranges listed at most (a run whose streams break and heal at every step would list one per step). */
export const MAX_BROKEN_RANGES = 10_000;

/** Streams broken at the end listed at most (a run with more lists the first found, invariant by invariant). */
export const MAX_BROKEN_STREAMS = 10_000;

/** The overview of one run's trace; `decider` gives the invariants checked at each step. */
export function runOverview(trace: Trace, decider: AnyDomainModule | undefined): RunOverview {
  const violationSteps: number[] = [];
  const broken: BrokenRange[] = [];
  const invariants = decider?.invariants ?? [];
  const sets = invariants.map(() => new Set<string>());
  let brokenPairs = 0;
  let open: { from: number; what: string[] } | undefined;
  const history = trace.history;
  for (let i = 0; i < history.length; i++) {
    const h = history[i];
    if (h.violations && h.violations.length > 0) violationSteps.push(i);
    const newly: string[] = [];
    for (let k = 0; k < invariants.length; k++) {
      const set = sets[k];
      if (invariants[k].violation(h.stream as never, h.after as never) === undefined) {
        if (set.delete(h.stream)) brokenPairs--;
      } else if (!set.has(h.stream)) {
        set.add(h.stream);
        brokenPairs++;
        newly.push(`${invariants[k].name} (${h.stream})`);
      }
    }
    if (brokenPairs > 0 && !open) open = { from: i, what: newly };
    else if (brokenPairs === 0 && open) {
      broken.push({ from: open.from, to: i - 1, what: open.what });
      open = undefined;
    }
  }
  if (open) broken.push({ from: open.from, to: history.length - 1, what: open.what });
  const atEnd = new Map<string, string[]>();
  sets.forEach((set, k) => {
    for (const stream of set) atEnd.set(stream, [...(atEnd.get(stream) ?? []), invariants[k].name]);
  });
  const brokenAtEnd: BrokenStream[] = [...atEnd].slice(0, MAX_BROKEN_STREAMS).map(([stream, names]) => ({ stream, invariants: names }));
  return {
    name: trace.run,
    decisions: trace.decisions.length,
    log: trace.log.length,
    attempts: trace.attempts.length,
    consumerAttempts: attemptsByConsumer(trace),
    history: history.length,
    violationSteps,
    broken: broken.length <= MAX_BROKEN_RANGES ? broken : mergeRanges(broken, MAX_BROKEN_RANGES),
    brokenAtEnd,
  };
}

/** Delivery attempts per consumer, in the order each first attempted. */
function attemptsByConsumer(trace: Trace): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of trace.attempts) counts.set(a.consumer, (counts.get(a.consumer) ?? 0) + 1);
  return [...counts];
}

/** Joins neighbouring ranges until at most `max` are left (a marker per range stays drawable). */
function mergeRanges(ranges: readonly BrokenRange[], max: number): BrokenRange[] {
  const per = Math.ceil(ranges.length / max);
  const out: BrokenRange[] = [];
  for (let i = 0; i < ranges.length; i += per) {
    const group = ranges.slice(i, i + per);
    out.push({ from: group[0].from, to: group[group.length - 1].to, what: group[0].what });
  }
  return out;
}
