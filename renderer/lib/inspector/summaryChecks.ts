/**
 * What the Logs Summary's domain cards (Invariant violations, Decision drift) may claim about a
 * report: a check that read nothing proves nothing, so a log of which nothing was understood, or
 * whose events none were read as the domain's, is "not checked", never "every invariant holds"
 * (logs.md: a log of which nothing was understood is never shown as healthy). Pure.
 */
import type { InspectionSummary } from '../workspace/logsProtocol';

/**
 * A card's state: `found` (it lists what it found), `held` (checked, nothing found), or
 * `unchecked` with the reason, said in the card in place of the all-clear.
 */
export type SummaryCheck = { readonly state: 'found' } | { readonly state: 'held' } | { readonly state: 'unchecked'; readonly why: string };

type Facts = Pick<InspectionSummary, 'domain' | 'events' | 'commands' | 'finalStreams' | 'violations' | 'drift'>;

/** The Invariant violations card (with a domain): found, held on the streams replayed, or not checked because no event was read as the domain's. */
export function invariantsCheck(report: Facts): SummaryCheck {
  if (report.violations.length > 0) return { state: 'found' };
  if (report.events === 0) return { state: 'unchecked', why: `Not checked: no record was read as an event, so none was read as ${report.domain ?? 'the domain'}'s (see Anomalies).` };
  if (report.finalStreams === 0)
    return { state: 'unchecked', why: `Not checked: none of the log's events could be read as ${report.domain ?? 'the domain'}'s (see Anomalies). Is it the log's domain? A map's “types” can rename the log's types.` };
  return { state: 'held' };
}

/** The Decision drift card (with a domain): found, held (or no command recorded), or not checked because nothing was read at all. */
export function driftCheck(report: Facts): SummaryCheck {
  if (report.drift.length > 0) return { state: 'found' };
  if (report.events === 0 && report.commands === 0) return { state: 'unchecked', why: 'Not checked: no record was read as a command or an event (see Anomalies).' };
  return { state: 'held' };
}
