/**
 * The stated limits of a scenario and of the work it may ask for (README, "Limits"). Each is
 * far above real use and low enough that the program cannot be taken down: every error that
 * enforces one names the path, the number found and the limit.
 *
 * Why times are bounded one by one: with every time and duration at most MAX_TIME_MS and at
 * most MAX_COMMANDS commands, MAX_RETRIES retries and MAX_DEPTH nesting levels, the latest
 * instant a run can reach is below 1e30 ms, so the virtual clock always stays finite.
 */

/** Most commands one node list (`setup` or `commands`) may expand to: a run decides at most this many. */
export const MAX_COMMANDS = 10_000_000;

/** Deepest nesting of JSON values (objects and arrays) in a scenario file. Deeper files are refused before any other check. */
export const MAX_DEPTH = 1_000;

/** Most decision workers of a scheduler (`workers`, autoscale `max`) and enactment workers of a consumer. */
export const MAX_WORKERS = 1_000_000;

/** Most retries of one event by one consumer (`retry.max`). */
export const MAX_RETRIES = 1_000;

/** Latest time and longest duration, in virtual ms, anywhere in a scenario (10^15 ms is about 31,700 years). */
export const MAX_TIME_MS = 1e15;

/** How an error states the worker limit. */
export const WORKER_LIMIT = 'at most 1,000,000 workers';

/** How an error states the time limit. */
export const TIME_LIMIT = 'times and durations are at most 1e15 ms (about 31,700 years)';

/** Most points of a sweep's parameter grid. */
export const MAX_SWEEP_POINTS = 10_000;

/** Most runs of one sweep: grid points × seeds. */
export const MAX_SWEEP_RUNS = 100_000;

/** A whole number with thousands separators (`10,000,000`), the same on every platform. */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e21) return n.toExponential(2);
  const digits = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
