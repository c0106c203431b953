/**
 * A change of how a log is read (domain, profile, framing, map), in words, for saying that it
 * was not applied: "Not read with Commerce", "Not read with the marten profile". Pure.
 */
import type { ReadingOptions } from '../workspace/logsProtocol';

/** What the change from `from` to `to` asked for, as the lead of a message saying it was not applied; `domainName` names a domain as the menu does. */
export function readingNotApplied(from: ReadingOptions, to: ReadingOptions, domainName: (domain: string) => string): string {
  if ((from.domain ?? null) !== (to.domain ?? null)) return to.domain ? `Not read with ${domainName(to.domain)}` : 'Not read without a domain';
  if (from.profile !== to.profile) return to.profile ? `Not read with the ${to.profile} profile` : 'Not read with the profile detected';
  if ((from.framing ?? 'auto') !== (to.framing ?? 'auto')) return to.framing && to.framing !== 'auto' ? `Not read with the ${to.framing} framing` : 'Not read with the framing detected';
  return to.map === undefined ? 'Not read without the mapping' : 'The mapping was not applied';
}
