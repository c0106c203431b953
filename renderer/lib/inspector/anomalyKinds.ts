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

/** Each kind's place in the order they are shown (every kind: a new one does not compile until it has its place). */
const KIND_RANK = {
  malformed: 0,
  unmapped: 1,
  'unknown-type': 2,
  'invalid-data': 3,
  'duplicate-id': 4,
  'out-of-order': 5,
  gap: 6,
  'time-reversal': 7,
  'no-zone': 8,
} as const satisfies Record<AnomalyKind, number>;

/** The anomalies by kind, in the order of KIND_RANK; kinds not found are left out. */
export function anomaliesByKind<T extends Pick<Anomaly, 'kind' | 'message'>>(anomalies: readonly T[]): AnomalyKindGroup<T>[] {
  const byKind = new Map<AnomalyKind, T[]>();
  for (const a of anomalies) {
    const list = byKind.get(a.kind);
    if (list) list.push(a);
    else byKind.set(a.kind, [a]);
  }
  return [...byKind.entries()].sort(([a], [b]) => KIND_RANK[a] - KIND_RANK[b]).map(([kind, list]) => ({ kind, count: list.length, groups: groupProblems(list) }));
}
