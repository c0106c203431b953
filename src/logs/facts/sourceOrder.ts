/**
 * The order of global positions in each source (logs.md, `out-of-order` and `gap`; the rule
 * ../facts/logFacts' comment states): `out-of-order` against the previous record of the source,
 * `gap` against the highest position so far where global positions are dense. Small decimals
 * (at most 15 digits, the common case) are compared as numbers; any other position as text
 * (../profiles/fieldReader's order). A source's gaps hold only if all its positions turn out to
 * be decimal: the ones that do not are dropped at the end ({@link SourceOrder.droppedGaps}).
 * Pure.
 */
import { isDecimal, normalizeDecimal, successor } from '../json/decimal';
import { comparePositions } from '../profiles/fieldReader';
import type { Anomaly, EventRecord, RecordPlace } from '../types';
import type { AnomalyList } from './anomalyList';
import { missing, orderAnomaly, q, type PositionRules } from './positions';

interface SourceState {
  events: number;
  /** The global position of the previous record ordered in the source (`out-of-order` compares with it). */
  previousPosition: string | undefined;
  /** `previousPosition` as a number when it is a decimal of at most 15 digits, else NaN. */
  previousNumber: number;
  /** The highest global position so far (`gap` compares with it). */
  maxPosition: string | undefined;
  /** `maxPosition` as a number when it is a decimal of at most 15 digits, else NaN. */
  maxNumber: number;
  allDecimal: boolean;
}

/** A decimal position of at most 15 significant digits (zero-padding allowed) as a number (exact), else NaN. */
function smallDecimal(p: string): number {
  let start = 0;
  while (start < p.length - 1 && p.charCodeAt(start) === 48) start++;
  if (p.length - start > 15 || p.length === 0) return Number.NaN;
  for (let i = start; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 48 || c > 57) return Number.NaN;
  }
  return +p;
}

/** Per source (`''`: the log's records without one), its event count and the order of its global positions. */
export class SourceOrder {
  private readonly sources = new Map<string, SourceState>();
  /** Ordering anomalies of each source, in case the source turns out not to be decimal. */
  private readonly numericBySource = new Map<string, Anomaly[]>();

  constructor(
    private readonly anomalies: AnomalyList,
    private readonly rules: PositionRules,
  ) {}

  /** Counts an event of source `key`. */
  count(key: string): void {
    this.sourceOf(key).events++;
  }

  /** Global position `p` of `e` in its source: `out-of-order` against the previous record and `gap` against the highest; `ordered` false (a duplicate) checks only the gap and leaves the previous record as it was. */
  check(e: EventRecord, p: string, at: RecordPlace, ordered = true): void {
    const key = e.source ?? '';
    const src = this.sourceOf(key);
    const n = smallDecimal(p);
    const previousNumber = src.previousNumber;
    if (n === n && previousNumber === previousNumber && src.maxNumber === src.maxNumber) {
      // the common case: all small decimals, compared as numbers
      if (ordered && n <= previousNumber) this.sourceAnomaly(key, orderAnomaly(this.anomalies, 'out-of-order', at, this.backwards(p, n === previousNumber, src.previousPosition!, e.source), e.stream, p));
      else if (n > src.maxNumber) {
        if (this.rules.denseGlobal && n !== src.maxNumber + 1) this.sourceAnomaly(key, orderAnomaly(this.anomalies, 'gap', at, missing(this.rules.globalName, String(src.maxNumber + 1), String(n), e.source !== undefined ? ` of source ${q(e.source)}` : ''), e.stream, p));
        src.maxNumber = n;
        src.maxPosition = p;
      }
      if (ordered) {
        src.previousNumber = n;
        src.previousPosition = p;
      }
      return;
    }
    const decimal = isDecimal(p);
    if (!decimal) src.allDecimal = false;
    const previous = src.previousPosition;
    const order = previous === undefined || !ordered ? 1 : comparePositions(p, previous);
    if (order <= 0) this.sourceAnomaly(key, orderAnomaly(this.anomalies, 'out-of-order', at, this.backwards(p, order === 0, previous!, e.source), e.stream, p));
    else {
      const max = src.maxPosition;
      if (max === undefined || comparePositions(p, max) > 0) {
        if (max !== undefined && this.rules.denseGlobal && decimal && isDecimal(max)) {
          const expected = successor(normalizeDecimal(max));
          const where = e.source !== undefined ? ` of source ${q(e.source)}` : '';
          if (normalizeDecimal(p) !== expected) this.sourceAnomaly(key, orderAnomaly(this.anomalies, 'gap', at, missing(this.rules.globalName, expected, normalizeDecimal(p), where), e.stream, p));
        }
        src.maxPosition = p;
        src.maxNumber = n;
      }
    }
    if (!ordered) return;
    src.previousPosition = p;
    src.previousNumber = n;
  }

  /** The gaps found in sources whose positions turned out not to be all decimal: they no longer hold. */
  droppedGaps(into: Set<Anomaly>): void {
    for (const [source, list] of this.numericBySource) {
      if (this.sources.get(source)?.allDecimal !== false) continue;
      for (const a of list) if (a.kind === 'gap') into.add(a);
    }
  }

  /** Each named source with its event count, in order of appearance. */
  counts(): [string, { events: number }][] {
    return [...this.sources].filter(([s]) => s !== '');
  }

  private sourceOf(key: string): SourceState {
    let src = this.sources.get(key);
    if (!src) this.sources.set(key, (src = { events: 0, previousPosition: undefined, previousNumber: Number.NaN, maxPosition: undefined, maxNumber: Number.NaN, allDecimal: true }));
    return src;
  }

  /** `offset 3 after offset 5 of source "t-0"` (`last`: the previous record's position), or `offset 5 again of source "t-0"` for a repeated position. */
  private backwards(p: string, same: boolean, last: string, source: string | undefined): string {
    const name = this.rules.globalName;
    const where = source !== undefined ? ` of source ${q(source)}` : '';
    return same ? `${name} ${p} again${where}` : `${name} ${p} after ${name} ${last}${where}`;
  }

  private sourceAnomaly(source: string, a: Anomaly): void {
    let list = this.numericBySource.get(source);
    if (!list) this.numericBySource.set(source, (list = []));
    list.push(a);
  }
}
