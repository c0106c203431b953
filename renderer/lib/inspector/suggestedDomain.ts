/** The Logs view's one-click "Replay with X" for a log read without a domain: which domain to offer, and why. Pure. */
import type { InspectionReport } from '../../../src/logs/types';
import { moduleOfId, sharedIdNotice, type OpenModuleId } from '../modules/moduleOfId';

/** The domain offered and what named it ("named by …", as the button says it). */
export interface DomainSuggestion {
  /** What the Domain choice takes: a bundled domain's id, or an open module's file name. */
  readonly domain: string;
  readonly reason: string;
  /** Which open module is offered, when several have the id (sharedIdNotice). */
  readonly notice?: string;
}


/**
 * The domain a log names, offered while none is chosen (never applied unasked): its
 * `purestream/events@1` header's `domain` (`headerDomain`), else the `/purestream/<id>` its
 * CloudEvents' `source` gives (`sourceDomain`: src/logs/cloudEventWriter.ts `domainOfSource`).
 * Offered as a bundled domain of that id, else as the open module (by file name) of that id
 * (moduleOfId: the first on the Domains view, with a notice when others have it too). Undefined when the report has a domain, one is `chosen` (null or
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
  if (bundled.includes(named.id)) return { domain: named.id, reason: named.reason };
  const module = moduleOfId(named.id, modules);
  if (!module) return undefined;
  const notice = sharedIdNotice(named.id, module);
  return { domain: module.name, reason: named.reason, ...(notice ? { notice } : {}) };
}
