/**
 * "Why" hints for a comparison, drawn from the runs' reports and traces: stale reads, values that
 * ended below zero where the domain does not allow them (oversells), broken invariants, decisions
 * released together, rejections and speed against the first run. Each hint is a sentence with the
 * run it is about, whose name is quoted (“8 workers”), so it never runs into the counts beside it.
 * Alike hints are said once (src/engine/report/sameShape): a field driven below zero on many streams
 * is one hint with how many and the first few, an invariant every run breaks one hint before the
 * runs' own. Pure.
 */
import type { DecisionRecord, RunReport, Trace, Violation } from '../../../src/engine/types';
import type { BrokenDecision } from '../reader/brokenDecision';
import type { BrokenStream, RunFacts } from '../reader/runReader';
import { stateDifferences } from './compareModel';
import { belowZeroHints } from './belowZeroHints';
import { brokenByEveryRun, everyRunBreaksText } from '../../../src/engine/report/sameShape';

/** One hint: the run it is about, a sentence, and how it reads (a problem, a strength, a note). */
export interface WhyHint {
  readonly run: string;
  readonly tone: 'bad' | 'good' | 'note';
  readonly text: string;
  /** Every stream the hint speaks of, when it speaks of several alike (its text names the first few). */
  readonly streams?: readonly string[];
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

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Under this share of the first run's makespan two runs finished "about as fast". */
const ALIKE = 0.05;

/**
 * How a makespan compares with the first run's: "about as fast as" within 5%, "12% slower than"
 * (the time it took more, or less) under 1.5×, "2.0× faster than" from there on.
 */
export function speedText(ms: number, baseMs: number): { text: string; faster: boolean; alike: boolean } {
  const faster = ms < baseMs;
  const change = Math.abs(ms - baseMs) / baseMs;
  if (change < ALIKE) return { text: 'about as fast as', faster, alike: true };
  const factor = faster ? baseMs / ms : ms / baseMs;
  const amount = factor < 1.5 ? `${Math.round(change * 100)}%` : `${factor.toFixed(1)}×`;
  return { text: `${amount} ${faster ? 'faster' : 'slower'} than`, faster, alike: false };
}

/**
 * Run `i`'s invariant violations: those of invariants not every run breaks as brokeText says
 * them, and an invariant every run breaks (`shared`, said once before) only where this run broke
 * it more often than the run that broke it least.
 */
function violationHints(runs: readonly RunData[], i: number, shared: readonly string[]): WhyHint[] {
  const run = runs[i];
  const name = quoted(run.report.name);
  const all = run.report.violations;
  const own = all.filter((v) => !shared.includes(v.invariant));
  const hints: WhyHint[] = [];
  // the decision behind the first violation speaks for the run's own only when it is theirs
  if (own.length > 0) hints.push({ run: run.report.name, tone: 'bad', text: `${name} ${brokeText(own, own[0] === all[0] ? run.broke : undefined)}` });
  for (const invariant of shared) {
    const counts = runs.map((r) => r.report.violations.filter((v) => v.invariant === invariant).length);
    const least = Math.min(...counts);
    const n = counts[i];
    if (n > least) hints.push({ run: run.report.name, tone: 'bad', text: `${name} broke ${invariant} ${plural(n, 'time')} (${quoted(runs[counts.indexOf(least)].report.name)}: ${least})` });
  }
  return hints;
}

/** Hints for every run against the first. */
export function whyHints(runs: readonly RunData[]): WhyHint[] {
  if (runs.length === 0) return [];
  const base = runs[0];
  const hints: WhyHint[] = [];
  const { differences } = stateDifferences(runs.map((r) => r.report));
  const baseName = quoted(base.report.name);
  const belowRuns = runs.map((r) => ({ name: quoted(r.report.name), brokenBy: new Map((r.brokenAtEnd ?? []).map((b) => [b.stream, b.invariants])) }));
  // an invariant every run breaks is the rule's fault, not the scheduling's: said once, first
  const shared = brokenByEveryRun(runs.map((r) => r.report));
  if (shared.length > 0) {
    const first = base.report.violations.find((v) => shared.includes(v.invariant))!;
    hints.push({ run: base.report.name, tone: 'bad', text: `${capitalised(everyRunBreaksText(shared))} (first in ${baseName} at t=${first.atMs} ms: ${first.message})` });
  }
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
    for (const below of belowZeroHints(differences, belowRuns, i))
      hints.push({ run: run.report.name, tone: 'bad', text: `${name} ${below.text}`, ...(below.streams.length > 1 ? { streams: below.streams } : {}) });
    hints.push(...violationHints(runs, i, shared));
    if (i === 0) return;
    const m = run.report.metrics;
    const b = base.report.metrics;
    const violations = run.report.violations;
    if (m.accepted !== b.accepted)
      hints.push({ run: run.report.name, tone: m.accepted > b.accepted && violations.length > 0 ? 'bad' : 'note', text: `${name} accepted ${plural(m.accepted, 'command')} (${baseName}: ${b.accepted})` });
    if (m.makespanMs > 0 && b.makespanMs > 0 && m.makespanMs !== b.makespanMs) {
      const speed = speedText(m.makespanMs, b.makespanMs);
      const faster = speed.faster && !speed.alike;
      hints.push({ run: run.report.name, tone: faster && violations.length === 0 ? 'good' : 'note', text: `${name} finished ${speed.text} ${baseName} (${m.makespanMs} ms vs ${b.makespanMs} ms)` });
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
