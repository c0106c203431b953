/**
 * The one-line verdict the Logs view shows over an inspection (and over a log still read, from
 * its counts so far): not understood, violations, anomalies, decision drift, stale decisions,
 * healthy — or, read without a domain, only "no anomalies": the facts every log has were checked,
 * its domain's invariants and decisions were not, so it is not called healthy. Stale decisions
 * (src/logs/staleDecisions, found with or without a domain) are named after the drift. Pure.
 */
import { counted } from '../../../src/engine/report/counted';
import { unlikeLog, whyNothingRead } from '../../../src/logs/nothingRead';
import type { InspectionCounts } from '../../../src/logs/logInspector';
import { invariantsCheck, uncheckedLead } from '../../../src/logs/checkedClaims';
import type { InspectionSummary } from '../workspace/logsProtocol';

/**
 * `bad`: nothing read as an event, invariant violations, or a domain that read none of the events (its invariants not checked); `warn`: anomalies, decision drift,
 * stale decisions, or records that may not be events; `ok`: none of those, with a domain that checked its
 * invariants and decisions; `unchecked`: none of those, without a domain (nothing but the facts
 * every log has was checked).
 */
export interface LogHealth {
  readonly tone: 'ok' | 'warn' | 'bad' | 'unchecked';
  /** What the pill says. */
  readonly label: 'healthy' | 'no anomalies' | 'not checked' | 'anomalies' | 'not understood' | 'violations' | 'decision drift' | 'stale decisions' | 'not an event log?';
  /** The whole sentence, the drift and stale phrases included. */
  readonly text: string;
  /** `text` in pieces, in order: words, and the phrases naming the decision drift and the stale decisions, which the view links to their Summary panels. */
  readonly parts: readonly HealthPart[];
}

/**
 * A piece of the verdict's sentence: plain words, the phrase that names the decision drift
 * ("4 decisions today's rules decide otherwise"), or the one that names the stale decisions
 * ("102 stale decisions").
 */
export interface HealthPart {
  readonly kind: 'words' | 'drift' | 'stale';
  readonly text: string;
}

/** A verdict's sentence from its pieces (empty ones left out), and its whole text. */
const sentence = (...parts: readonly HealthPart[]): Pick<LogHealth, 'text' | 'parts'> => {
  const kept = parts.filter((p) => p.text !== '');
  return { text: kept.map((p) => p.text).join(''), parts: kept };
};
const words = (text: string): HealthPart => ({ kind: 'words', text });

/** "4 decisions today's rules decide otherwise": recorded commands that today's domain decides another way (logs.md, decision drift). */
const driftPhrase = (n: number): string => `${counted(n, 'decision')} today's rules decide otherwise`;

/** "102 stale decisions": commands decided on a state another decision changed before their events were recorded (src/logs/staleDecisions). */
const stalePhrase = (n: number): string => counted(n, 'stale decision');

/** The drift and stale phrases of a report (or of counts so far), those it has, in that order. */
const decisionParts = (drift: number, stale: number): HealthPart[] => [
  ...(drift > 0 ? [{ kind: 'drift' as const, text: driftPhrase(drift) }] : []),
  ...(stale > 0 ? [{ kind: 'stale' as const, text: stalePhrase(stale) }] : []),
];

/** `lead`, then `joiner` and the phrases ("A" or "A and B"), then `end`: the lead alone and `end` without phrases. */
const withPhrases = (lead: string, joiner: string, phrases: readonly HealthPart[], end: string): Pick<LogHealth, 'text' | 'parts'> => {
  if (phrases.length === 0) return sentence(words(`${lead}${end}`));
  return sentence(words(`${lead}${joiner}`), ...phrases.flatMap((p, i) => (i === 0 ? [p] : [words(' and '), p])), words(end));
};

/** "2 invariant violations and 3 anomalies in 40 events": what was found, either count left out when none (undefined when neither). */
const findings = (violations: number, anomalies: number, events: number): string | undefined => {
  const found = [violations > 0 ? counted(violations, 'invariant violation') : '', anomalies > 0 ? counted(anomalies, 'anomaly', 'anomalies') : ''].filter((f) => f !== '');
  return found.length > 0 ? `${found.join(' and ')} in ${counted(events, 'event')}` : undefined;
};

/** "no anomalies, every invariant holds" (`invariants`: they were checked, there is a domain). */
const nothingFound = (invariants: boolean): string => `no anomalies${invariants ? ', every invariant holds' : ''}`;

/**
 * The verdict on a report; a log of which nothing was understood is never healthy (logs.md, "In
 * the app"), drift and stale decisions are part of it (after what was found: "…, 4 decisions
 * today's rules decide otherwise and 102 stale decisions"), and only a domain can find a log
 * healthy: without one the verdict says no anomaly was found and that a domain checks the rest.
 */
export function logHealth(report: InspectionSummary): LogHealth {
  const nothing = whyNothingRead(report, 'app');
  if (nothing !== undefined) return { tone: 'bad', label: 'not understood', ...sentence(words(`Nothing was read as an event: ${nothing}.`)) };
  const anomalies = report.anomalyCount ?? report.anomalies.length;
  const events = counted(report.events, 'event');
  const drift = report.drift.length;
  const phrases = decisionParts(drift, report.staleDecisions?.count ?? 0);
  const found = findings(report.violations.length, anomalies, report.events);
  // a domain that read none of the events checked nothing: said first, never "healthy" (src/logs/checkedClaims)
  if (report.domain && invariantsCheck(report).state === 'unchecked') {
    const rest = found ? `; ${found}` : `; ${events} read`;
    return { tone: 'bad', label: 'not checked', ...withPhrases(`Invariants not checked: ${uncheckedLead(report)}${rest}`, phrases.length > 1 ? ', ' : ', and ', phrases, '.') };
  }
  if (found) {
    const broke = report.violations.length > 0;
    return { tone: broke ? 'bad' : 'warn', label: broke ? 'violations' : 'anomalies', ...withPhrases(found, phrases.length > 1 ? ', ' : ', and ', phrases, '.') };
  }
  const caution = unlikeLog(report, 'app');
  if (caution) return { tone: 'warn', label: 'not an event log?', ...sentence(words(`${events} read, but ${caution}.`)) };
  const label = drift > 0 ? 'decision drift' : 'stale decisions';
  if (!report.domain) {
    const rest = ' — choose a domain to check its invariants and decisions.';
    if (phrases.length > 0) return { tone: 'warn', label, ...withPhrases(`${events} read: ${nothingFound(false)}`, ', but ', phrases, rest) };
    return { tone: 'unchecked', label: 'no anomalies', ...sentence(words(`${events} read: ${nothingFound(false)}${rest}`)) };
  }
  if (phrases.length > 0) return { tone: 'warn', label, ...withPhrases(`${events} read: ${nothingFound(true)}`, ', but ', phrases, '.') };
  return { tone: 'ok', label: 'healthy', ...sentence(words(`${events} read: ${nothingFound(true)}.`)) };
}

/**
 * The verdict while a log is still read (a live source, a big file), from its counts so far, in the
 * words of {@link logHealth}'s: violations (with a domain) and anomalies in the events read, then
 * the stale decisions, "so far" (drift is decided at the end). `bad`: a violation found; `warn`:
 * an anomaly or a stale decision; `ok`: none yet.
 */
export function liveHealth(counts: InspectionCounts): Pick<LogHealth, 'tone' | 'text'> {
  const violations = counts.violations ?? 0;
  const stale = decisionParts(0, counts.staleDecisions ?? 0);
  const found = findings(violations, counts.anomalies, counts.events);
  if (found) return { tone: violations > 0 ? 'bad' : 'warn', text: withPhrases(found, ', and ', stale, ' so far').text };
  const read = `${counted(counts.events, 'event')} so far: ${nothingFound(counts.violations !== undefined)}`;
  return { tone: stale.length > 0 ? 'warn' : 'ok', text: withPhrases(read, ', but ', stale, '').text };
}
