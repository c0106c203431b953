/**
 * The one-line verdict the Logs view shows over an inspection (and over a log still read, from
 * its counts so far): not understood, violations, anomalies, decision drift, healthy — or, read
 * without a domain, only "no anomalies": the facts every log has were checked, its domain's
 * invariants and decisions were not, so it is not called healthy. Pure.
 */
import { counted } from '../../../src/engine/report/counted';
import { unlikeLog, whyNothingRead } from '../../../src/logs/nothingRead';
import type { InspectionCounts } from '../../../src/logs/logInspector';
import type { InspectionSummary } from '../workspace/logsProtocol';

/**
 * `bad`: nothing read as an event, or invariant violations; `warn`: anomalies, decision drift,
 * or records that may not be events; `ok`: none of those, with a domain that checked its
 * invariants and decisions; `unchecked`: none of those, without a domain (nothing but the facts
 * every log has was checked).
 */
export interface LogHealth {
  readonly tone: 'ok' | 'warn' | 'bad' | 'unchecked';
  /** What the pill says. */
  readonly label: 'healthy' | 'no anomalies' | 'anomalies' | 'not understood' | 'violations' | 'decision drift' | 'not an event log?';
  /** The whole sentence, the drift phrase included. */
  readonly text: string;
  /** `text` in pieces, in order: words, and the phrase naming the decision drift, which the view links to the Decision drift panel. */
  readonly parts: readonly HealthPart[];
}

/** A piece of the verdict's sentence: plain words, or the phrase that names the decision drift ("4 decisions today's rules decide otherwise"). */
export interface HealthPart {
  readonly kind: 'words' | 'drift';
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

/** "2 invariant violations and 3 anomalies in 40 events": what was found, either count left out when none (undefined when neither). */
const findings = (violations: number, anomalies: number, events: number): string | undefined => {
  const found = [violations > 0 ? counted(violations, 'invariant violation') : '', anomalies > 0 ? counted(anomalies, 'anomaly', 'anomalies') : ''].filter((f) => f !== '');
  return found.length > 0 ? `${found.join(' and ')} in ${counted(events, 'event')}` : undefined;
};

/** "no anomalies, every invariant holds" (`invariants`: they were checked, there is a domain). */
const nothingFound = (invariants: boolean): string => `no anomalies${invariants ? ', every invariant holds' : ''}`;

/**
 * The verdict on a report; a log of which nothing was understood is never healthy (logs.md, "In
 * the app"), drift is part of it, and only a domain can find a log healthy: without one the
 * verdict says no anomaly was found and that a domain checks the rest.
 */
export function logHealth(report: InspectionSummary): LogHealth {
  const nothing = whyNothingRead(report, 'app');
  if (nothing !== undefined) return { tone: 'bad', label: 'not understood', ...sentence(words(`Nothing was read as an event: ${nothing}.`)) };
  const anomalies = report.anomalyCount ?? report.anomalies.length;
  const events = counted(report.events, 'event');
  const drift = report.drift.length > 0 ? driftPhrase(report.drift.length) : undefined;
  const withDrift = (lead: string, joiner: string) => (drift ? sentence(words(`${lead}${joiner}`), { kind: 'drift', text: drift }, words('.')) : sentence(words(`${lead}.`)));
  const found = findings(report.violations.length, anomalies, report.events);
  if (found) return report.violations.length > 0 ? { tone: 'bad', label: 'violations', ...withDrift(found, ', and ') } : { tone: 'warn', label: 'anomalies', ...withDrift(found, ', and ') };
  const caution = unlikeLog(report, 'app');
  if (caution) return { tone: 'warn', label: 'not an event log?', ...sentence(words(`${events} read, but ${caution}.`)) };
  if (drift) return { tone: 'warn', label: 'decision drift', ...withDrift(`${events} read: ${nothingFound(true)}`, ', but ') };
  if (!report.domain) return { tone: 'unchecked', label: 'no anomalies', ...sentence(words(`${events} read: ${nothingFound(false)} — choose a domain to check its invariants and decisions.`)) };
  return { tone: 'ok', label: 'healthy', ...sentence(words(`${events} read: ${nothingFound(true)}.`)) };
}

/**
 * The verdict while a log is still read (a live source, a big file), from its counts so far, in the
 * words of {@link logHealth}'s: violations (with a domain) and anomalies in the events read "so far".
 * `bad`: a violation found; `warn`: an anomaly; `ok`: neither yet.
 */
export function liveHealth(counts: InspectionCounts): Pick<LogHealth, 'tone' | 'text'> {
  const violations = counts.violations ?? 0;
  const found = findings(violations, counts.anomalies, counts.events);
  if (found) return { tone: violations > 0 ? 'bad' : 'warn', text: `${found} so far` };
  return { tone: 'ok', text: `${counted(counts.events, 'event')} so far: ${nothingFound(counts.violations !== undefined)}` };
}
