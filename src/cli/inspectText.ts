/** The readable text form of an inspection report: what was read and how, the facts, anomalies, stale decisions, and with a domain violations, drift and state. */
import { streamCountOf } from '../logs/lazyFinalState';
import type { DriftOutcome, InspectionReport, PointerUse } from '../logs/types';
import { counted } from '../engine/report/counted';
import { MAX_NOTE, printable } from './printable';
import { unlikeLog } from '../logs/nothingRead';
import { placer, type Placer } from '../logs/placeWord';
import { kindGroups } from '../logs/problemGroups';
import { bundledDomain } from '../engine/module/bundled';
import { causationParts } from '../logs/causationText';
import { sourceOf } from '../logs/cloudEventWriter';
import { apartParts, streamCount } from '../logs/apartText';
import { checkedPart, invariantsCheck } from '../logs/checkedClaims';

const LIST = 20;

const outcome = (o: DriftOutcome): string => (typeof o === 'string' ? o : o.length === 0 ? 'no events' : o.join(', '));

function list<T>(title: string, items: readonly T[], line: (item: T) => string, total = items.length): string {
  if (total === 0) return `${title}: none\n`;
  const shown = items.slice(0, LIST).map((i) => `    ${line(i)}\n`).join('');
  return `${title} (${total.toLocaleString('en')}):\n${shown}${total > LIST ? `    ... and ${(total - LIST).toLocaleString('en')} more (--json lists them)\n` : ''}`;
}

/** The first `max` entries and how many more there are: `total` counts them all where the report keeps only some (the streams list keeps 1,000). */
const counts = (entries: readonly (readonly [string, number])[], max = 8, total = entries.length): string =>
  entries.slice(0, max).map(([k, n]) => `${printable(k, 60)} ${n.toLocaleString('en')}`).join(', ') + (total > max ? `, … ${(total - max).toLocaleString('en')} more` : '');

/** Every pointer a field was read through: `/payload/type (3 records), /topic (2 records; the topic: no type header or payload type)`. */
const pointerUses = (uses: readonly PointerUse[]): string => uses.map((u) => `${u.pointer === '' ? '(the whole record)' : u.pointer} (${counted(u.records, 'record')}${u.note !== undefined ? `; ${u.note}` : ''})`).join(', ');

/** `12`, or `11 with events, 1 with archived records only` (../logs/apartText): streams whose records are all counted apart are said apart. */
function streamsLabel(r: InspectionReport): string {
  const c = streamCount(r);
  return c.apartOnly === 0 ? r.streamCount.toLocaleString('en') : `${c.streams.toLocaleString('en')} with events, ${c.apartOnly.toLocaleString('en')} with ${c.apartWhat}`;
}

/** Formats the report for a terminal. */
export function formatInspection(r: InspectionReport): string {
  const types = Object.entries(r.types).sort((a, b) => b[1] - a[1]);
  const fields = Object.entries(r.fieldsUsed).filter(([, p]) => p !== null).map(([f, p]) => `${f} ${p === '' ? '(the whole record)' : p}`).join(', ');
  const place = placer(r);
  const apart = [...apartParts(r).map(([, text]) => text), r.redeliveries && counted(r.redeliveries, 'redelivery', 'redeliveries')].filter(Boolean);
  const out = [
    `${printable(r.source)} — ${r.profile} profile, ${r.framing}${r.domain ? `, domain ${r.domain}` : ', no domain'}: ${counted(r.events, 'event')}, ${counted(r.commands, 'command')}${r.rejections ? `, ${counted(r.rejections, 'rejection')}` : ''}${apart.length ? ` (and ${apart.join(', ')})` : ''}\n`,
    ...(r.notes ?? []).map((note) => `  note: ${printable(note, MAX_NOTE)}\n`),
    // the domain the log names, right after the headline: it may be why every record is an anomaly
    ...namedDomainHint(r),
    fields ? `  fields: ${printable(fields, 400)}\n` : '',
    ...Object.entries(r.fieldPointers ?? {}).map(([field, uses]) => `  ${field} read from ${printable(pointerUses(uses), 400)}\n`),
    r.timeRange ? `  time: ${r.timeRange.first} … ${r.timeRange.last}\n` : '',
    types.length ? `  types (${types.length}): ${counts(types)}\n` : '',
    r.sources.length ? `  sources (${r.sources.length}): ${counts(r.sources.map((s) => [s.source, s.events] as const), 5)}\n` : '',
    r.streamCount ? `  streams (${streamsLabel(r)}): ${counts(r.streams.map((s) => [s.stream, s.events] as const), 5, Math.max(r.streamCount, r.streams.length))}\n` : '',
    `  causation: ${causationParts(r.causation, r.events).join(', ')}\n`,
    '  ' + anomalyList(r, place),
    r.skippedPositions?.length ? '  ' + list('skipped positions', r.skippedPositions, (s) => printable(s.message), r.skippedPositionCount ?? r.skippedPositions.length) : '',
  ];
  const caution = unlikeLog(r);
  if (caution) out.push(`  note: ${caution}\n`);
  if (!r.domain) out.push(staleLine(r, place));
  if (r.domain) {
    out.push(
      invariantsLine(r, place),
      r.commands === 0 && r.drift.length === 0 ? '  decision drift: not checked (no command records were read from the log to decide again)\n' : '  ' + list('decision drift', r.drift, (d) => `${printable(d.commandId, 60)}  recorded: ${printable(outcome(d.recorded))}  now: ${printable(outcome(d.now))}${d.nowMessage !== undefined ? ` (${printable(d.nowMessage, 200)})` : ''}`),
      staleLine(r, place),
      `  final state: ${counted(r.stateHash !== undefined ? streamCountOf(r as { finalState: Readonly<Record<string, unknown>> }) : 0, 'stream')}, stateHash ${r.stateHash}\n`,
    );
  }
  return out.join('');
}

/**
 * The invariant violations, or `invariant violations: not checked — none of the log's 11 events
 * could be read by domain orders (…)` (../logs/checkedClaims: never "none" when nothing was checked), a
 * "none" saying what it covers when the domain read only some of the events.
 */
function invariantsLine(r: InspectionReport, place: Placer): string {
  const check = invariantsCheck(r, 'cli');
  if (check.state === 'unchecked') return `  invariant violations: not checked — ${printable(check.why, 600)}\n`;
  if (check.state === 'held') return `  invariant violations: none${checkedPart(r)}\n`;
  return '  ' + list('invariant violations', r.violations, (v) => `${place.one(v)}  ${printable(v.stream, 60)}  ${v.invariant}  ${printable(v.message)}`);
}

/**
 * `stale decisions: 7 — …; first: c121 at line 240 (stream stock:tee@main changed at line 236, by c118)`:
 * commands decided on a state another decision changed before their events were recorded
 * (../logs/staleDecisions), their places as `place` names them (a live source's `sequence 21`); nothing when the log has no command records.
 */
function staleLine(r: InspectionReport, place: Placer): string {
  const stale = r.staleDecisions;
  if (stale === undefined) return '';
  if (stale.count === 0) return '  stale decisions: none\n';
  const first = stale.first[0];
  const by = first.changedAt.causationId !== undefined ? `, by ${printable(first.changedAt.causationId, 60)}` : '';
  return (
    `  stale decisions: ${stale.count.toLocaleString('en')} — a command decided on a state another decision changed before its events were recorded; ` +
    `first: ${printable(first.commandId, 60)} at ${place.one(first)} (stream ${printable(first.stream, 60)} changed at ${place.one(first.changedAt)}${by})\n`
  );
}

/** The anomalies, the same kind and message said of many records once (`lines 3, 4, 6  unknown-type  … (3 records)`), as the Logs view lists them. */
function anomalyList(r: InspectionReport, place: Placer): string {
  const total = r.anomalyCount ?? r.anomalies.length;
  if (total === 0) return 'anomalies: none\n';
  const { groups, rest } = kindGroups(r.anomalies, total, LIST);
  const shown = groups.map(({ members, message }) => {
    const places = place.many(members);
    return `    ${places}  ${members[0].kind}  ${printable(message)}${members.length > 1 ? ` (${members.length.toLocaleString('en')} records)` : ''}\n`;
  });
  return `anomalies (${total.toLocaleString('en')}):\n${shown.join('')}${rest > 0 ? `    ... and ${rest.toLocaleString('en')} more (--json lists them)\n` : ''}`;
}

/** What to do with the domain a log read without one names — in its header, or its CloudEvents `source` — never applied unasked; nothing when a domain was chosen. */
function namedDomainHint(r: InspectionReport): string[] {
  if (r.domain) return [];
  const by = r.headerDomain !== undefined ? { domain: r.headerDomain, where: "the log's header" } : r.sourceDomain !== undefined ? { domain: r.sourceDomain, where: `the log's CloudEvents source ${JSON.stringify(sourceOf(r.sourceDomain))}` } : undefined;
  if (!by) return [];
  const name = printable(JSON.stringify(by.domain), 80);
  const where = printable(by.where, 120);
  if (bundledDomain(by.domain)) return [`  ${where} names domain ${name}: add --domain ${by.domain} to replay it\n`];
  return [`  ${where} names domain ${name}, which is not bundled: --domain FILE (its domain module) replays it\n`];
}
