/**
 * What the History view lists of a run's rejected commands at one step: only those decided up to
 * it (nothing is rejected "before the first enactment" unless it was), and those right after it.
 * Pure.
 */
import type { Page, RejectionAt } from '../reader/runReader';

/** The rejections a history step has seen. */
export interface RejectionsUpTo {
  /** Loaded rejections placed at or before the step, in decision order. */
  readonly soFar: readonly RejectionAt[];
  /** Those placed right after the step itself. */
  readonly here: readonly RejectionAt[];
  /** Whether more may have been rejected by then than were loaded (the page stopped short of the total). */
  readonly atLeast: boolean;
}

/** The rejections of `page` (the run's first ones, in decision order) up to history step `step` (-1: before the first enactment). */
export function rejectionsUpTo(page: Page<RejectionAt>, step: number): RejectionsUpTo {
  const soFar = page.items.filter((r) => r.afterStep <= step);
  return { soFar, here: soFar.filter((r) => r.afterStep === step), atLeast: page.offset + page.items.length < page.total };
}
