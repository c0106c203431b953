/**
 * What the Logs view's records table marks on a record (⚠): the kinds of its anomalies, the
 * invariants its event broke when replayed, in the causation graph's words ("broke
 * within-credit-limit"), and why its command is a stale decision (src/logs/staleDecisions: the
 * stream another decision changed after its read, before its events were recorded). Only the
 * records the report lists are marked: its kept anomalies, and its first stale decisions
 * (`staleDecisions.first`, the first 100). The Streams list marks a stream with its records'
 * marks added up (streamMarks). Pure.
 */
import { escapeControls } from '../../../src/engine/text/controlChars';
import { counted } from '../../../src/engine/report/counted';
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
  /** How many of the report's violations are at the record (an invariant broken twice counts twice, as the report lists them). */
  readonly violations: number;
  /** How many of the report's kept anomalies are at the record. */
  readonly anomalies: number;
  /** Whether its command is one of the report's first stale decisions. */
  readonly stale: boolean;
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
  const counts = new Map<number, { violations: number; anomalies: number }>();
  const add = (to: Map<number, Set<string>>, record: number, name: string, what: 'violations' | 'anomalies') => {
    const names = to.get(record) ?? new Set<string>();
    names.add(name);
    to.set(record, names);
    const count = counts.get(record) ?? { violations: 0, anomalies: 0 };
    count[what]++;
    counts.set(record, count);
  };
  for (const a of anomalies) if (a.record !== undefined) add(kinds, a.record, a.kind, 'anomalies');
  for (const v of violations) add(broke, v.record, v.invariant, 'violations');
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
    const count = counts.get(record) ?? { violations: 0, anomalies: 0 };
    marks.set(record, { tone: invariants ? 'bad' : 'warn', text: escapeControls(parts.join('; ')), ...count, stale: why !== undefined });
  }
  return marks;
}

/** What the Streams list marks on a stream: the marks of its records, added up. */
export interface StreamMark {
  /** `bad`: an event of the stream broke an invariant; `warn`: anomalies or stale decisions only. */
  readonly tone: 'warn' | 'bad';
  /** What it holds, counted (`1 invariant violation`, `2 invariant violations, 1 anomaly`): the marker's visible text and accessible name. */
  readonly text: string;
  /** Its records' marks' words, each once (`broke no-overcapture; gap`): the marker's tooltip. */
  readonly detail: string;
}

/** A stream mark's tooltip is cut past this many characters (a stream with a thousand marked records). */
const DETAIL_CHARS = 300;

/**
 * The marks of `marks`' records (recordMarks) per stream, by `streamOf` (a record's stream in the
 * log, as the Streams list names it; a record of no stream, or not in it, marks none).
 */
export function streamMarks(marks: ReadonlyMap<number, RecordMark>, streamOf: ReadonlyMap<number, string>): ReadonlyMap<string, StreamMark> {
  const sums = new Map<string, { violations: number; anomalies: number; stale: number; words: Set<string> }>();
  for (const [record, mark] of marks) {
    const stream = streamOf.get(record);
    if (stream === undefined || stream === '') continue;
    const sum = sums.get(stream) ?? { violations: 0, anomalies: 0, stale: 0, words: new Set<string>() };
    sum.violations += mark.violations;
    sum.anomalies += mark.anomalies;
    if (mark.stale) sum.stale++;
    for (const word of mark.text.split('; ')) sum.words.add(word);
    sums.set(stream, sum);
  }
  const out = new Map<string, StreamMark>();
  for (const [stream, sum] of sums) {
    const parts = [
      sum.violations > 0 ? counted(sum.violations, 'invariant violation') : '',
      sum.anomalies > 0 ? counted(sum.anomalies, 'anomaly', 'anomalies') : '',
      sum.stale > 0 ? counted(sum.stale, 'stale decision') : '',
    ].filter(Boolean);
    const detail = [...sum.words].join('; ');
    out.set(stream, { tone: sum.violations > 0 ? 'bad' : 'warn', text: parts.join(', '), detail: detail.length > DETAIL_CHARS ? `${detail.slice(0, DETAIL_CHARS - 1)}…` : detail });
  }
  return out;
}
