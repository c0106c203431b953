/**
 * What the History view lists of a run's rejected commands at one step, as two lists that do not
 * overlap: those decided before the step's enactment ("so far"), and those decided after it and
 * before the next enactment ("right after this step"). A rejection is placed after the last
 * enactment at or before its decision's end (`RejectionAt.afterStep`, ../reader/traceReader.ts),
 * so at step `s` it is "so far" when `afterStep < s` and "right after" when `afterStep === s`;
 * before the first enactment (-1) nothing is "so far". Pure.
 */
import type { Page, RejectionAt } from '../reader/runReader';

/** The rejections a history step has seen, and those that follow it. */
export interface RejectionsUpTo {
  /** Loaded rejections decided before the step's enactment, in decision order. */
  readonly soFar: readonly RejectionAt[];
  /** Those decided after the step's enactment and before the next one (not among `soFar`). */
  readonly here: readonly RejectionAt[];
  /** Whether more may have been rejected by then than were loaded (the page stopped short of the total). */
  readonly atLeast: boolean;
}

/** The rejections of `page` (the run's first ones, in decision order) before and right after history step `step` (-1: before the first enactment). */
export function rejectionsUpTo(page: Page<RejectionAt>, step: number): RejectionsUpTo {
  const soFar = page.items.filter((r) => r.afterStep < step);
  const here = page.items.filter((r) => r.afterStep === step);
  return { soFar, here, atLeast: page.offset + page.items.length < page.total };
}
