/**
 * Times in logs: virtual milliseconds or ISO-8601. Exported CloudEvents need an absolute
 * `time`, so virtual ms are placed after the engine's one epoch, 2026-01-01T00:00:00Z
 * (virtual 0; ../engine/virtualTime).
 */
export { VIRTUAL_EPOCH_MS, virtualToIso } from '../engine/virtualTime';

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads an `at`/`time` value: a finite number (ms) or an ISO-8601 string; undefined when neither. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !ISO.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
