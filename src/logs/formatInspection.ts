/** The readable text form of an inspection report. */
import { streamCountOf } from './lazyFinalState';
import type { DriftOutcome, InspectionReport } from './types';

const LIST = 20;

const outcome = (o: DriftOutcome): string => (typeof o === 'string' ? o : o.length === 0 ? 'no events' : o.join(', '));
/** `1 stream`, `2 streams`. */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function list<T>(title: string, items: readonly T[], line: (item: T) => string, total = items.length): string {
  if (total === 0) return `${title}: none\n`;
  const shown = items.slice(0, LIST).map((i) => `    ${line(i)}\n`).join('');
  return `${title} (${total}):\n${shown}${total > LIST ? `    ... and ${total - LIST} more (--json lists them)\n` : ''}`;
}

/** Formats the report for a terminal: counts, anomalies, violations, drift, state. */
export function formatInspection(r: InspectionReport): string {
  const types = Object.entries(r.types).map(([t, n]) => `${t} ${n}`).join(', ');
  return [
    `${r.source} — ${r.domain}: ${r.events} events, ${r.commands} commands\n`,
    types ? `  types: ${types}\n` : '',
    '  ' + list('anomalies', r.anomalies, (a) => `line ${a.line}  ${a.kind}  ${a.message}`, r.anomalyCount ?? r.anomalies.length),
    '  ' + list('invariant violations', r.violations, (v) => `seq ${v.eventSeq}  ${v.invariant}  ${v.message}`),
    '  ' + list('decision drift', r.drift, (d) => `${d.commandId}  recorded: ${outcome(d.recorded)}  now: ${outcome(d.now)}`),
    `  final state: ${plural(streamCountOf(r), 'stream')}, stateHash ${r.stateHash}\n`,
  ].join('');
}
