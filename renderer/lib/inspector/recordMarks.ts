/**
 * What the Logs view's records table marks on a record (⚠): the kinds of its anomalies and the
 * invariants its event broke when replayed, in the causation graph's words ("broke
 * within-credit-limit"). Pure.
 */
import type { Anomaly, LogViolation } from '../../../src/logs/types';

/** A record's mark: its tone and what it says (the tooltip and the marker's accessible name). */
export interface RecordMark {
  /** `bad`: its event broke an invariant; `warn`: anomalies only. */
  readonly tone: 'warn' | 'bad';
  /** Its anomalies' kinds, then "broke" and the invariants, each once, joined by "; " (`gap; broke within-credit-limit`). */
  readonly text: string;
}

/** The marks of a report's records by record number: those with an anomaly (located) or a violation. */
export function recordMarks(anomalies: readonly Pick<Anomaly, 'kind' | 'record'>[], violations: readonly Pick<LogViolation, 'invariant' | 'record'>[]): ReadonlyMap<number, RecordMark> {
  const kinds = new Map<number, Set<string>>();
  const broke = new Map<number, Set<string>>();
  const add = (to: Map<number, Set<string>>, record: number, name: string) => {
    const names = to.get(record) ?? new Set<string>();
    names.add(name);
    to.set(record, names);
  };
  for (const a of anomalies) if (a.record !== undefined) add(kinds, a.record, a.kind);
  for (const v of violations) add(broke, v.record, v.invariant);
  const marks = new Map<number, RecordMark>();
  for (const record of new Set([...kinds.keys(), ...broke.keys()])) {
    const invariants = broke.get(record);
    const parts = [...(kinds.get(record) ?? [])];
    if (invariants) parts.push(`broke ${[...invariants].join(', ')}`);
    marks.set(record, { tone: invariants ? 'bad' : 'warn', text: parts.join('; ') });
  }
  return marks;
}
