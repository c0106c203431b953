/** Links between the causation graph and the state history of one trace. Pure. */
import type { Trace } from '../../../src/engine/types';

/** Lookups from events and commands to history steps and back. */
export interface HistoryIndex {
  /** Event seq → the state store's history step that enacted it. */
  readonly stepOfSeq: ReadonlyMap<number, number>;
  /** Command id → the seqs of the events it caused. */
  readonly seqsOfCommand: ReadonlyMap<string, readonly number[]>;
  /** Steps where an invariant became broken. */
  readonly violationSteps: readonly number[];
}

/** Indexes a trace once. */
export function historyIndex(trace: Trace): HistoryIndex {
  const stepOfSeq = new Map<number, number>();
  trace.history.forEach((h, i) => stepOfSeq.set(h.eventSeq, i));
  const seqsOfCommand = new Map<string, number[]>();
  for (const e of trace.log) {
    const list = seqsOfCommand.get(e.causationId) ?? [];
    list.push(e.seq);
    seqsOfCommand.set(e.causationId, list);
  }
  const violationSteps = trace.history.flatMap((h, i) => (h.violations && h.violations.length > 0 ? [i] : []));
  return { stepOfSeq, seqsOfCommand, violationSteps };
}

/** The history step a graph node corresponds to: its event's enactment, or its command's first event's. */
export function stepOfNode(index: HistoryIndex, node: { readonly eventSeq?: number; readonly commandId?: string }): number | undefined {
  if (node.eventSeq !== undefined) return index.stepOfSeq.get(node.eventSeq);
  const seqs = node.commandId ? index.seqsOfCommand.get(node.commandId) : undefined;
  for (const s of seqs ?? []) {
    const step = index.stepOfSeq.get(s);
    if (step !== undefined) return step;
  }
  return undefined;
}

/** The top-level keys of two aggregates whose values differ (what the history highlights). */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const b = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
