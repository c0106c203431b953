/**
 * A report's anomalies by kind, for the Logs view's Anomalies card: each kind once with how many
 * records it was found on, records that could not be read first (the kinds the command line
 * refuses a log for), then in the order logs.md lists them; within a kind, the same message said
 * of many records once (groupProblems), in file order. Pure.
 */
import { groupProblems, type ProblemGroup } from '../../../src/logs/problemGroups';
import type { Anomaly, AnomalyKind } from '../../../src/logs/types';

/** One kind's anomalies. */
export interface AnomalyKindGroup<T> {
  readonly kind: AnomalyKind;
  /** How many are listed (the report may list fewer than it counted: InspectionReport.anomalyCount). */
  readonly count: number;
  /** Its anomalies, one group per message, in the order first met. */
  readonly groups: readonly ProblemGroup<T>[];
}

/** The kinds in the order they are shown. */
export const KIND_ORDER: readonly AnomalyKind[] = ['malformed', 'unmapped', 'unknown-type', 'invalid-data', 'duplicate-id', 'out-of-order', 'gap', 'time-reversal', 'no-zone'];

/** The anomalies by kind, in KIND_ORDER (a kind not in it last); kinds not found are left out. */
export function anomaliesByKind<T extends Pick<Anomaly, 'kind' | 'message'>>(anomalies: readonly T[]): AnomalyKindGroup<T>[] {
  const byKind = new Map<AnomalyKind, T[]>();
  for (const a of anomalies) {
    const list = byKind.get(a.kind);
    if (list) list.push(a);
    else byKind.set(a.kind, [a]);
  }
  const rank = (k: AnomalyKind) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...byKind.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([kind, list]) => ({ kind, count: list.length, groups: groupProblems(list) }));
}
