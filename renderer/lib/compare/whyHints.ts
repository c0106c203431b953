/**
 * "Why" hints for a comparison, drawn from the runs' reports and traces: stale reads, values that
 * ended below zero where the domain does not allow them (oversells), broken invariants, decisions
 * released together, rejections and speed against the first run. Each hint is a sentence with the
 * run it is about, whose name is quoted (“8 workers”), so it never runs into the counts beside it.
 * Pure.
 */
import type { DecisionRecord, RunReport, Trace, Violation } from '../../../src/engine/types';
import type { BrokenDecision } from '../reader/brokenDecision';
import type { BrokenStream, RunFacts } from '../reader/runReader';
import { stateDifferences } from './compareModel';
import { STOCK_LIKE } from '../../../src/engine/report/oversold';

/** One hint: the run it is about, a sentence, and how it reads (a problem, a strength, a note). */
export interface WhyHint {
  readonly run: string;
  readonly tone: 'bad' | 'good' | 'note';
  readonly text: string;
}

/**
 * How a hint of each tone is marked and what the mark means, in Compare's legend and to a screen
 * reader: a shape (the marks the exported page draws), never a colour alone, as runs have colours.
 */
export const HINT_TONES: Readonly<Record<WhyHint['tone'], { readonly mark: string; readonly meaning: string }>> = {
  bad: { mark: '✗', meaning: 'a problem' },
  note: { mark: '•', meaning: 'a difference' },
  good: { mark: '✓', meaning: 'harmless or better' },
};

/** A run's report with the facts its trace gave (absent when not recorded). */
export interface RunData {
  readonly report: RunReport;
  readonly facts?: RunFacts;
  /**
   * The streams whose final aggregate breaks the domain's invariants (the run's overview,
   * RunOverview.brokenAtEnd). A value below zero is a problem only there: a domain may allow it
   * (a bank's overdraft). Absent or empty: the domain allows the final state, or is not known.
   */
  readonly brokenAtEnd?: readonly BrokenStream[];
  /** The decision behind its first violation (RunReader.brokenDecision); absent when it broke none, or not read. */
  readonly broke?: BrokenDecision;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A run's name as a name: “8 workers” (a name may begin with a number). */
export const quoted = (name: string): string => `“${name}”`;

/**
 * Stale decisions as the report counts them (`DecisionRecord.stale`: appended to a stream changed
 * since the read, or read a lagging store): how many, on how many workers, and how many events
 * behind they were at most when they committed. Traces without the flag fall back to "anything
 * was appended meanwhile".
 */
export function staleReads(trace: Trace): { decisions: number; workers: number; maxBehind: number } {
  const appendTimes = trace.log.map((e) => e.appendedAt);
  let decisions = 0;
  let maxBehind = 0;
  const workers = new Set<number>();
  for (const d of trace.decisions) {
    const behind = eventsBehind(d, appendTimes);
    if (d.stale === false || (d.stale === undefined && behind <= 0)) continue;
    decisions++;
    workers.add(d.worker);
    maxBehind = Math.max(maxBehind, behind);
  }
  return { decisions, workers: workers.size, maxBehind };
}

/** Events other decisions appended while `d` was deciding (its read was stale when it committed). */
export function eventsBehind(d: DecisionRecord, appendTimes: readonly number[]): number {
  const read = d.stateVersion + d.lag;
  if (d.eventSeqs.length > 0) return d.eventSeqs[0] - 1 - read;
  return countBefore(appendTimes, d.endedAt) - read;
}

/** How many sorted times are < t. */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The largest group of decisions that started at the same instant, and how many of them were rejected. */
export function releasedTogether(trace: Trace): { count: number; at: number; rejected: number } {
  const groups = new Map<number, { count: number; rejected: number }>();
  for (const d of trace.decisions) {
    const g = groups.get(d.startedAt) ?? { count: 0, rejected: 0 };
    g.count++;
    if (!d.accepted) g.rejected++;
    groups.set(d.startedAt, g);
  }
  let best = { count: 0, at: 0, rejected: 0 };
  for (const [at, g] of groups) if (g.count > best.count) best = { count: g.count, at, rejected: g.rejected };
  return best;
}


/**
 * What a run's violations say, with what they count (a stream going from allowed to broken:
 * InvariantWatch, src/engine/state/invariantWatch.ts), so that "once" beside a stock that ends at
 * -4 reads right: "broke stock-non-negative once, at t=210 ms: stock of tee@main is -1. Once,
 * because a violation is counted when a stream goes from allowed to broken, and stock:tee@main
 * stayed broken (at the end: stock of tee@main is -4)". `broke`: the first violation's decision
 * (the stream it broke, the invariant's message at the end), when read.
 */
export function brokeText(violations: readonly Violation[], broke?: BrokenDecision): string {
  const first = violations[0];
  const names = [...new Set(violations.map((v) => v.invariant))].join(' and ');
  const when = violations.length === 1 ? `once, at t=${first.atMs} ms` : `${violations.length} times, first at t=${first.atMs} ms`;
  const why =
    violations.length === 1 && broke?.atEnd !== undefined
      ? `Once, because a violation is counted when a stream goes from allowed to broken, and ${broke.stream} stayed broken (at the end: ${broke.atEnd})`
      : 'A violation is counted each time a stream goes from allowed to broken, not again while it stays broken';
  return `broke ${names} ${when}: ${first.message}. ${why}`;
}

/** Hints for every run against the first. */
export function whyHints(runs: readonly RunData[]): WhyHint[] {
  if (runs.length === 0) return [];
  const base = runs[0];
  const hints: WhyHint[] = [];
  const { differences } = stateDifferences(runs.map((r) => r.report));
  const baseName = quoted(base.report.name);
  const brokenBy = runs.map((r) => new Map((r.brokenAtEnd ?? []).map((b) => [b.stream, b.invariants])));
  runs.forEach((run, i) => {
    const name = quoted(run.report.name);
    const facts = run.facts;
    if (facts && facts.decisions > 0) {
      const stale = facts.stale;
      if (stale.decisions > 0) {
        const behind = stale.maxBehind > 0 ? ` (up to ${plural(stale.maxBehind, 'event')} behind when they committed)` : '';
        // stale reads are only a problem where they did harm: say so either way
        const harmless = run.report.violations.length === 0;
        hints.push({
          run: run.report.name,
          tone: harmless ? 'good' : 'bad',
          text: `In run ${name}, ${stale.workers.toLocaleString('en-US')} of its workers read stale state in ${plural(stale.decisions, 'decision')}${behind}${harmless ? ' — harmless here: no invariant broke' : ''}`,
        });
      }
      const together = facts.together;
      const baseTogether = i > 0 && base.facts && base.facts.decisions > 0 ? base.facts.together.count : 1;
      if (together.count >= 5 && together.count > baseTogether)
        hints.push({ run: run.report.name, tone: 'note', text: `${name} released ${together.count} ${together.count === 1 ? 'decision' : 'decisions'} together at t=${together.at} ms${together.rejected > 0 ? ` (${together.rejected} of them rejected)` : ''}` });
    }
    for (const d of differences) {
      const value = d.values[i];
      const field = d.path[d.path.length - 1] ?? '';
      if (typeof value !== 'number' || value >= 0) continue;
      // below zero is no explanation where the domain allows it (an overdraft): only on a stream its invariants reject
      const breaks = brokenBy[i].get(d.stream);
      if (!breaks) continue;
      const others = runs.map((r, k) => (k !== i && typeof d.values[k] === 'number' && !brokenBy[k].has(d.stream) ? `${quoted(r.report.name)}: ${d.values[k]}` : undefined)).filter(Boolean);
      const said = STOCK_LIKE.test(field)
        ? `oversold ${d.stream.replace(/^[^:]*:/, '')} by ${-value}: ${field} ends at ${value}`
        : `drove ${d.path.join('.')} to ${value}, which ${breaks.join(' and ')} ${breaks.length === 1 ? 'does' : 'do'} not allow`;
      hints.push({ run: run.report.name, tone: 'bad', text: `${name} ${said}${others.length > 0 ? ` (${others.join(', ')})` : ''}` });
    }
    const violations = run.report.violations;
    if (violations.length > 0) hints.push({ run: run.report.name, tone: 'bad', text: `${name} ${brokeText(violations, run.broke)}` });
    if (i === 0) return;
    const m = run.report.metrics;
    const b = base.report.metrics;
    if (m.accepted !== b.accepted)
      hints.push({ run: run.report.name, tone: m.accepted > b.accepted && violations.length > 0 ? 'bad' : 'note', text: `${name} accepted ${plural(m.accepted, 'command')} (${baseName}: ${b.accepted})` });
    if (m.makespanMs > 0 && b.makespanMs > 0 && m.makespanMs !== b.makespanMs) {
      const ratio = b.makespanMs / m.makespanMs;
      const faster = ratio > 1;
      const factor = faster ? ratio : 1 / ratio;
      hints.push({ run: run.report.name, tone: faster ? (violations.length === 0 ? 'good' : 'note') : 'note', text: `${name} finished ${factor.toFixed(1)}× ${faster ? 'faster' : 'slower'} than ${baseName} (${m.makespanMs} ms vs ${b.makespanMs} ms)` });
    }
    // rejections by code, named: a policy's `unauthorized`, a capacity's `out-of-stock`
    for (const code of new Set([...Object.keys(run.report.rejections), ...Object.keys(base.report.rejections)])) {
      const n = Object.hasOwn(run.report.rejections, code) ? run.report.rejections[code] : 0;
      const was = Object.hasOwn(base.report.rejections, code) ? base.report.rejections[code] : 0;
      if (n !== was) hints.push({ run: run.report.name, tone: 'note', text: `${name} rejected ${plural(n, 'command')} as ${code} (${baseName}: ${was})` });
    }
    if (m.deadLettered > b.deadLettered) hints.push({ run: run.report.name, tone: 'bad', text: `${name} parked ${plural(m.deadLettered, 'event')} in dead-letter queues (${baseName}: ${b.deadLettered})` });
    if (m.lost > b.lost) hints.push({ run: run.report.name, tone: 'bad', text: `${name} lost ${plural(m.lost, 'delivery', 'deliveries')} (${baseName}: ${b.lost})` });
  });
  return hints;
}
