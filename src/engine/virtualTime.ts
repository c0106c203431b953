/**
 * Virtual time as absolute time. The engine's clock counts virtual milliseconds from 0; where an
 * absolute time is needed — an exported CloudEvent's `time`, a log's ISO times, the `Date` an
 * Emmett-style `decide` reads as `metadata.now` (domain-modules.md) — virtual 0 is
 * 2026-01-01T00:00:00Z, the one epoch every such place uses. Pure.
 */

/** Virtual time 0 as an absolute time: 2026-01-01T00:00:00Z in ms since the Unix epoch. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/** The ISO-8601 time of a virtual ms value (epoch 2026-01-01T00:00:00Z). */
export const virtualToIso = (ms: number): string => new Date(VIRTUAL_EPOCH_MS + ms).toISOString();
