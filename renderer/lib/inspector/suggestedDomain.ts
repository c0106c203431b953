/** The Logs view's one-click "Replay with X" for a log read without a domain: which domain to offer, and why. Pure. */
import type { InspectionReport } from '../../../src/logs/types';
import type { OpenModuleId } from '../workspace/storedScenarioCheck';

/** The domain offered and what named it ("named by …", as the button says it). */
export interface DomainSuggestion {
  /** What the Domain choice takes: a bundled domain's id, or an open module's file name. */
  readonly domain: string;
  readonly reason: string;
}


/**
 * The domain a log names, offered while none is chosen (never applied unasked): its
 * `purestream/events@1` header's `domain` (`headerDomain`), else the `/purestream/<id>` its
 * CloudEvents' `source` gives (`sourceDomain`: src/logs/cloudEventWriter.ts `domainOfSource`).
 * Offered as a bundled domain of that id, else as the first open module (by file name) whose
 * description has that id. Undefined when the report has a domain, one is `chosen` (null or
 * undefined: none), or nothing bundled or open has the id.
 */
export function suggestedDomain(
  report: Pick<InspectionReport, 'domain' | 'headerDomain' | 'sourceDomain'> | undefined,
  chosen: string | null | undefined,
  bundled: readonly string[],
  modules: readonly OpenModuleId[],
): DomainSuggestion | undefined {
  if (!report || report.domain || chosen) return undefined;
  const named =
    report.headerDomain !== undefined ? { id: report.headerDomain, reason: "named by the log's header" }
    : report.sourceDomain !== undefined ? { id: report.sourceDomain, reason: "named by the log's CloudEvents source" }
    : undefined;
  if (!named) return undefined;
  const domain = bundled.includes(named.id) ? named.id : modules.find((m) => m.id === named.id)?.name;
  return domain === undefined ? undefined : { domain, reason: named.reason };
}
