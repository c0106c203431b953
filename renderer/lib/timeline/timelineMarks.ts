/**
 * What a run's timeline says beyond its bars: where an invariant broke — the decision whose event
 * broke it, on its worker's lane, and the state store's enactment that broke it, on the store's
 * lane (the run report's violations, as the causation graph marks the command and its event) —
 * and how many of the run's decision workers took a command: each of those has a lane, while
 * Metrics' Max workers counts the idle ones too. Pure.
 */
import type { Trace, Violation } from '../../../src/engine/types';
import { attemptBar, decisionBar, type TimelineBar } from './timelineModel';

/** A bar that broke invariants (`invariants`: their names, each once), marked wherever the timeline is. */
export interface TimelineMark {
  readonly bar: TimelineBar;
  readonly invariants: readonly string[];
}

/** A run's decision workers: how many were alive at most (Metrics' Max workers) and how many took a command (a lane each). */
export interface WorkerCount {
  readonly alive: number;
  readonly busy: number;
}

/** Marks drawn at most (a run that breaks an invariant thousands of times marks its first ones). */
/** Marks drawn at most on a timeline (a run's or a log's): the first ones, in order of time. */
export const MAX_MARKS = 200;

/**
 * The marks of `violations` in `trace`, in order of time: each decision that appended an event
 * that broke an invariant, and each enactment of such an event by the state store `store` (none
 * when the store is not known); `laneOf` and `eventId` as the bars' (timelineLanes).
 */
export function violationMarks(trace: Trace, violations: readonly Violation[], store: string | undefined, laneOf: ReadonlyMap<string, number>, eventId: (seq: number) => string): TimelineMark[] {
  if (violations.length === 0) return [];
  const bySeq = new Map<number, string[]>();
  for (const v of violations) {
    const names = bySeq.get(v.eventSeq) ?? [];
    if (!names.includes(v.invariant)) names.push(v.invariant);
    bySeq.set(v.eventSeq, names);
  }
  const marks: TimelineMark[] = [];
  trace.decisions.forEach((d, i) => {
    const invariants = [...new Set(d.eventSeqs.flatMap((s) => bySeq.get(s) ?? []))];
    if (invariants.length > 0) marks.push({ bar: decisionBar(d, i, laneOf), invariants });
  });
  if (store !== undefined)
    trace.attempts.forEach((a, i) => {
      const invariants = a.consumer === store && a.outcome === 'enacted' ? bySeq.get(a.eventSeq) : undefined;
      if (invariants) marks.push({ bar: attemptBar(a, i, laneOf, eventId(a.eventSeq)), invariants });
    });
  return marks.sort((a, b) => a.bar.end - b.bar.end || a.bar.lane - b.bar.lane).slice(0, MAX_MARKS);
}

/** "8 decision workers: 5 took a command (a lane each), 3 stayed idle" — undefined when every worker took one. */
export function workersNote(workers: WorkerCount): string | undefined {
  const idle = workers.alive - workers.busy;
  if (idle <= 0) return undefined;
  return `${workers.alive} decision workers: ${workers.busy} took a command (a lane each), ${idle} stayed idle.`;
}
