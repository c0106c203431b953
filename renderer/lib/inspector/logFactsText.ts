/**
 * How the Logs view's Summary words a log's record count and its causation facts, so that its
 * numbers add up for a reader who has never seen the spec (logs.md, "Facts every inspection
 * reports"). Pure.
 */
import { counted } from '../../../src/engine/report/counted';
import type { CausationFacts } from '../../../src/logs/types';
import { CAUSATION_DEFINITIONS, causationParts } from '../../../src/logs/causationText';
import type { InspectionSummary } from '../workspace/logsProtocol';
import type { ApartRecords } from './apartRecords';
import { apartParts } from '../../../src/logs/apartText';

/** The anomaly kinds of records that were not read at all (stored, but neither event nor command). */
const UNREAD = new Set(['malformed', 'unmapped']);

/**
 * "411 records: 212 events · 153 commands · 45 rejections · 1 other (a log's header)": every
 * record the log stores (`stored`, undefined while unknown: then only the parts), split into what
 * the inspection read. The inspection counts events, commands, rejections, tombstones, system
 * events, archived records, a store's other rows and unread records (the records counted apart
 * worded as the command line words them: src/logs/apartText); what is left are the records it
 * reads without counting them: a log's header (and a command repeated under its id).
 */
export function recordsText(
  report: Pick<InspectionSummary, 'events' | 'commands' | 'rejections' | 'tombstones' | 'systemEvents' | 'otherRecords' | 'archivedRecords' | 'redeliveries' | 'anomalies' | 'anomalyCount'>,
  stored: number | undefined,
): string {
  const parts: [number, string][] = [
    [report.events, counted(report.events, 'event')],
    [report.commands, counted(report.commands, 'command')],
  ];
  if (report.rejections) parts.push([report.rejections, counted(report.rejections, 'rejection')]);
  parts.push(...apartParts(report));
  if (report.redeliveries) parts.push([report.redeliveries, counted(report.redeliveries, 'redelivery', 'redeliveries')]);
  // a capped anomaly list does not say how many records were unread: then they go with the rest
  const unread = report.anomalyCount === undefined ? report.anomalies.filter((a) => UNREAD.has(a.kind)).length : 0;
  if (unread > 0) parts.push([unread, `${unread.toLocaleString('en-US')} not read`]);
  const listed = parts.map(([, text]) => text).join(' · ');
  if (stored === undefined) return listed;
  const rest = stored - parts.reduce((sum, [n]) => sum + n, 0);
  // what is left: a log's header; with a capped anomaly list, the unread records too
  const what = report.anomalyCount !== undefined ? 'records not read, headers' : rest === 1 ? "the log's header" : 'headers';
  return `${counted(stored, 'record')}: ${listed}${rest > 0 ? ` · ${counted(rest, 'other')} (${what})` : ''}`;
}

/** "37 streams · 1 with archived records only": the log's streams with events, and apart those whose records are all counted apart (src/logs/apartText, as the command line says it). */
export { streamCount, streamsText } from '../../../src/logs/apartText';

/** What a stream the report lists with no event holds, said in its events cell: "(archived)", "(other records)", or nothing for a stream with events. */
export function emptyStreamText(stream: { readonly stream: string; readonly events: number }, apart?: ApartRecords): string {
  if (stream.events > 0) return '';
  const held = apart?.streams[stream.stream];
  if (!held) return '(no events)';
  return held.other === 0 ? '(archived)' : held.archived === 0 ? '(other records)' : '(archived, other records)';
}

/** The causation facts in words as the command line says them (src/logs/causationText.ts), and what each counts, for a tooltip. */
export function causationText(c: CausationFacts, events: number): { readonly text: string; readonly title: string } {
  return { text: causationParts(c, events).join(' · '), title: CAUSATION_DEFINITIONS };
}
