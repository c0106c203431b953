/**
 * What the Logs view's records table marks on a record (⚠): the kinds of its anomalies, the
 * invariants its event broke when replayed, in the causation graph's words ("broke
 * within-credit-limit"), and why its command is a stale decision (src/logs/staleDecisions: the
 * stream another decision changed after its read, before its events were recorded). Only the
 * records the report lists are marked: its kept anomalies, and its first stale decisions
 * (`staleDecisions.first`, the first 100). Pure.
 */
import { escapeControls } from '../../../src/engine/text/controlChars';
import type { Anomaly, LogViolation, StaleDecision } from '../../../src/logs/types';

/** A record's mark: its tone and what it says (the tooltip and the marker's accessible name). */
export interface RecordMark {
  /** `bad`: its event broke an invariant; `warn`: anomalies or a stale decision only. */
  readonly tone: 'warn' | 'bad';
  /**
   * Its anomalies' kinds, then "broke" and the invariants, each once, then why its decision is
   * stale, joined by "; " (`gap; broke within-credit-limit`; `stale decision: stock:tee@main
   * changed by c1 after its read, before its events were recorded`).
   */
  readonly text: string;
}

/** Why a command is a stale decision, in a mark's words: the stream that changed and, when the event that changed it names one, its cause. */
const staleMarkText = (s: Pick<StaleDecision, 'stream' | 'changedAt'>): string =>
  `stale decision: ${s.stream} changed${s.changedAt.causationId !== undefined ? ` by ${s.changedAt.causationId}` : ''} after its read, before its events were recorded`;

/** The marks of a report's records by record number: those with an anomaly (located), a violation or a stale decision (its command's record). */
export function recordMarks(
  anomalies: readonly Pick<Anomaly, 'kind' | 'record'>[],
  violations: readonly Pick<LogViolation, 'invariant' | 'record'>[],
  stale: readonly Pick<StaleDecision, 'record' | 'stream' | 'changedAt'>[] = [],
): ReadonlyMap<number, RecordMark> {
  const kinds = new Map<number, Set<string>>();
  const broke = new Map<number, Set<string>>();
  const add = (to: Map<number, Set<string>>, record: number, name: string) => {
    const names = to.get(record) ?? new Set<string>();
    names.add(name);
    to.set(record, names);
  };
  for (const a of anomalies) if (a.record !== undefined) add(kinds, a.record, a.kind);
  for (const v of violations) add(broke, v.record, v.invariant);
  // a command is listed once (its first stale stream)
  const staleAt = new Map(stale.map((s) => [s.record, staleMarkText(s)] as const));
  const marks = new Map<number, RecordMark>();
  for (const record of new Set([...kinds.keys(), ...broke.keys(), ...staleAt.keys()])) {
    const invariants = broke.get(record);
    const parts = [...(kinds.get(record) ?? [])];
    if (invariants) parts.push(`broke ${[...invariants].join(', ')}`);
    const why = staleAt.get(record);
    if (why !== undefined) parts.push(why);
    // as shown: a stream's control and bidirectional characters escaped
    marks.set(record, { tone: invariants ? 'bad' : 'warn', text: escapeControls(parts.join('; ')) });
  }
  return marks;
}
