/**
 * What a report with a domain may claim of its invariants and decisions — the one rule the command
 * line's text, `--json`, `--fail-on` and the app's Logs view share: a check that read nothing
 * proves nothing, so a log of which nothing was understood, or whose events none were read as the
 * domain's, is "not checked", never "every invariant holds" (logs.md: a log of which nothing was
 * understood is never shown as healthy). The report says it as `invariantsChecked: false`
 * (./inspectionResult sets it where the events the domain read are counted). Pure.
 */
import { counted } from '../engine/report/counted';
import { RENAME_ADVICE } from './domainCheck';
import { onPlace, placer } from './placeWord';
import type { AdviceFor } from './nothingRead';
import type { Anomaly, InspectionReport } from './types';

/**
 * A check's state: `found` (it lists what it found), `held` (checked, nothing found), or
 * `unchecked` with the reason, said in place of the all-clear.
 */
export type SummaryCheck = { readonly state: 'found' } | { readonly state: 'held' } | { readonly state: 'unchecked'; readonly why: string };

/** What the claims are made from. */
export type CheckFacts = Pick<InspectionReport, 'domain' | 'events' | 'commands' | 'violations' | 'drift' | 'anomalies' | 'framing' | 'fieldsUsed' | 'invariantsChecked' | 'eventsChecked' | 'streamsBeforeRead'>;

/** What to do, by the kind that kept the most events from the domain. */
const ADVICE: Record<AdviceFor, Record<'unknown-type' | 'invalid-data', string>> = {
  cli: { 'unknown-type': 'is it the log\'s domain? A map\'s "types" (--map) can rename the log\'s types', 'invalid-data': "the payloads do not match the domain's schemas; a map's \"data\" (--map) can build them from the record" },
  app: { 'unknown-type': "Is it the log's domain? A map's “types” can rename the log's types.", 'invalid-data': "The payloads do not match the domain's schemas: a map's “data” (Mapping…) can build them from the record." },
};

/**
 * Why the domain read none of the events: the kind that kept the most from it, with its first
 * record (`10 records of invalid-data, the first on line 1: data: expected an object, got "…"`),
 * and what to do; the first sentence only when the anomalies do not say.
 */
export function nothingOfTheDomain(report: CheckFacts, adviceFor: AdviceFor): string {
  const lead = uncheckedLead(report);
  if (everyStreamBefore(report)) return adviceFor === 'cli' ? `${lead}; read from the source's start, or keep a --checkpoint chain from it` : `${upper(lead)} (see the note): read the log from its start.`;
  const byKind = new Map<'unknown-type' | 'invalid-data', { count: number; first: Anomaly }>();
  for (const a of report.anomalies) {
    if (a.kind !== 'unknown-type' && a.kind !== 'invalid-data') continue;
    const entry = byKind.get(a.kind);
    if (entry) entry.count++;
    else byKind.set(a.kind, { count: 1, first: a });
  }
  const main = [...byKind.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (!main) return adviceFor === 'cli' ? lead : `${upper(lead)} (see Anomalies).`;
  const [kind, { count, first }] = main;
  // a log naming another domain: its unknown types lose the advice to rename them, and a note says which domain to replay it with
  const otherDomain = kind === 'unknown-type' && !first.message.endsWith(RENAME_ADVICE);
  const what = kind === 'unknown-type' ? 'of types the domain does not know' : 'of invalid data';
  const cut = first.message.length > 160 ? `${first.message.slice(0, 159)}…` : first.message;
  const where = `${count === 1 ? '' : 'the first '}${onPlace(placer(report).one(first))}`;
  if (adviceFor === 'cli') return `${lead} (${counted(count, 'record')} ${what}, ${where}: ${cut})${otherDomain ? '; the note above names the domain to replay it with' : `; ${ADVICE.cli[kind]}`}`;
  return `${upper(lead)}: ${counted(count, 'record')} ${what}, ${where} (see Anomalies).${otherDomain ? '' : ` ${ADVICE.app[kind]}`}`;
}

/** The domain read events, but every one of its streams began before the read (replayed from an unknown state: ./streamStarts), so none was checked. */
const everyStreamBefore = (report: Pick<CheckFacts, 'invariantsChecked' | 'eventsChecked' | 'streamsBeforeRead'>): boolean =>
  report.invariantsChecked === false && report.eventsChecked !== 0 && (report.streamsBeforeRead ?? 0) > 0;

/** Why the invariants were not checked, in short (`none of the log's 11 events could be read by domain orders`), as a `failing:` line or a headline says it. */
export function uncheckedLead(report: Pick<CheckFacts, 'domain' | 'events' | 'invariantsChecked' | 'eventsChecked' | 'streamsBeforeRead'>): string {
  const domain = report.domain ?? 'the domain';
  if (everyStreamBefore(report)) return `every one of domain ${domain}'s ${counted(report.streamsBeforeRead!, 'stream')} began before the read, so none was checked from a known state`;
  return report.events === 0 ? `no record was read as an event, so none by domain ${domain}` : `none of the log's ${counted(report.events, 'event')} could be read by domain ${domain}`;
}

const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The invariants (with a domain): found, held on the events the domain read, or not checked because none was read as the domain's. */
export function invariantsCheck(report: CheckFacts, adviceFor: AdviceFor = 'app'): SummaryCheck {
  if (report.violations.length > 0) return { state: 'found' };
  const domain = report.domain ?? 'the domain';
  if (report.events === 0)
    return { state: 'unchecked', why: adviceFor === 'app' ? `Not checked: no record was read as an event, so none by domain ${domain} (see Anomalies).` : uncheckedLead(report) };
  if (report.invariantsChecked === false) return { state: 'unchecked', why: adviceFor === 'app' ? `Not checked: ${nothingOfTheDomain(report, 'app')}` : nothingOfTheDomain(report, 'cli') };
  return { state: 'held' };
}

/** Decision drift (with a domain): found, held (or no command recorded), or not checked because nothing was read at all. */
export function driftCheck(report: CheckFacts): SummaryCheck {
  if (report.drift.length > 0) return { state: 'found' };
  if (report.events === 0 && report.commands === 0) return { state: 'unchecked', why: 'Not checked: no record was read as a command or an event (see Anomalies).' };
  return { state: 'held' };
}

/** `(checked on 3 of the 11 events, those domain orders read)`: what a "none" of invariant violations covers when the domain read only some of the events; '' when it read them all. */
export function checkedPart(report: CheckFacts): string {
  const n = report.eventsChecked;
  if (n === undefined || n === 0 || n >= report.events) return '';
  return ` (checked on ${n.toLocaleString('en')} of the ${counted(report.events, 'event')}, those domain ${report.domain ?? 'the domain'} read)`;
}
