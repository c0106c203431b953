/**
 * What the order checks of ../facts/logFacts and ./sourceOrder share: how a log's positions
 * behave (from its profile), and how an order anomaly is worded and added (logs.md,
 * `out-of-order`, `gap`, `time-reversal`). Pure.
 */
import { missingBetween } from '../json/decimal';
import type { Anomaly, RecordPlace } from '../types';
import type { AnomalyList } from './anomalyList';

/** How a log's positions behave (from its profile). */
export interface PositionRules {
  /** Stream positions are dense: a missing one is a gap. */
  readonly denseStream: boolean;
  /** Global positions are dense (per source) when decimal. */
  readonly denseGlobal: boolean;
  /** What a global position is called in messages (`seq`, `sequence`, `offset`, `position`). */
  readonly globalName: string;
  /** Times without a zone are UTC by contract (no `no-zone`). */
  readonly utcWithoutZone: boolean;
}

/** A name or id quoted in a message, cut at 80 characters. */
export const q = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Adds an order anomaly of the record at `at` to `anomalies`; returns it. */
export function orderAnomaly(anomalies: AnomalyList, kind: Anomaly['kind'], at: RecordPlace, message: string, stream: string | undefined, position: string | undefined): Anomaly {
  const a: Anomaly = { kind, line: at.line, record: at.record, message, ...(stream !== undefined ? { stream } : {}), ...(position !== undefined ? { position } : {}) };
  anomalies.add(a);
  return a;
}

/** `seq 6 is missing`, `seq 6..7 are missing` (decimal strings: `expected` the first missing, `found` the one read). */
export function missing(name: string, expected: string, found: string, where: string): string {
  const count = missingBetween(expected, found);
  return count === '0' ? `${name} ${expected}${where} is missing` : `${name} ${expected}..${predecessor(found)}${where} are missing`;
}

const predecessor = (a: string): string => (a.length < 16 ? String(Number(a) - 1) : (BigInt(a) - 1n).toString());
