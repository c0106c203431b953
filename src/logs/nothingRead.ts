/**
 * Why a log gave no events (logs.md, "Exit codes for inspect": "0 events read from FILE: …"
 * with the main reason) — for the command line's message and the app's warning, so a log of
 * which nothing was understood is never shown as healthy. Pure.
 */
import { counted } from '../engine/report/counted';
import { isExportLine } from './json/exportHint';
import { placeWord } from './placeWord';
import { apartParts } from './apartText';
import type { AnomalyKind, InspectionReport } from './types';

/** Where the advice points: the command line's options, or the app's controls. */
export type AdviceFor = 'cli' | 'app';

const ADVICE: Record<AdviceFor, Partial<Record<AnomalyKind, string>>> = {
  cli: {
    malformed: 'check the framing (--framing) or the file',
    unmapped: 'a map (--map) can name the field that holds the type',
    'unknown-type': "the domain knows none of the log's types; a map's \"types\" can rename them",
    'invalid-data': "the payloads do not match the domain's schemas",
  },
  app: {
    malformed: 'is it an event log? Check the Framing, or the file',
    unmapped: 'Mapping… can name the field that holds the type',
    'unknown-type': "the domain knows none of the log's types: choose another domain, or rename the types in Mapping…",
    'invalid-data': "the payloads do not match the domain's schemas",
  },
};

/** The advice for messages whose bodies are not JSON. */
const MESSAGES_ADVICE: Record<AdviceFor, string> = {
  cli: 'a map (--map) naming where their type is (the subject: "fields": {"type": "/subject"}) reads bodies that are not JSON as text',
  app: 'Mapping… can name where their type is (the subject) to read bodies that are not JSON as text',
};

/** What to do when the records look like profile `detected`, not the profile `used` that was asked for (the report's `detectedProfile`). */
export function otherProfileAdvice(detected: string, used: string, adviceFor: AdviceFor = 'cli'): string {
  return `these records look like ${detected}, not ${used}; ${adviceFor === 'cli' ? `drop --profile or use --profile ${detected}` : `set Profile to auto or to ${detected}`}`;
}

/** The main reason no record was read as an event (its advice worded for the command line or the app), or undefined when some were. */
export function whyNothingRead(report: Omit<InspectionReport, 'finalState'>, adviceFor: AdviceFor = 'cli'): string | undefined {
  if (report.events > 0) return undefined;
  if (report.notice) return report.notice;
  if (report.detectedProfile) return otherProfileAdvice(report.detectedProfile, report.profile, adviceFor);
  const byKind = new Map<AnomalyKind, { count: number; first: (typeof report.anomalies)[number] }>();
  for (const a of report.anomalies) {
    const entry = byKind.get(a.kind);
    if (entry) entry.count++;
    else byKind.set(a.kind, { count: 1, first: a });
  }
  // a broker's messages have no framing to check: a map naming their type reads bodies that are not JSON as text
  const advice = report.framing === 'messages' ? { ...ADVICE[adviceFor], malformed: MESSAGES_ADVICE[adviceFor] } : ADVICE[adviceFor];
  const main = [...byKind.entries()].filter(([k]) => advice[k]).sort((a, b) => b[1].count - a[1].count)[0];
  if (main) {
    const [kind, { count, first }] = main;
    // the first one's message may hold brackets of its own: it is said after a comma, never inside brackets
    const what = kind === 'unknown-type' ? 'of types the domain does not know' : kind === 'unmapped' ? 'without an event type' : kind;
    // an export of a table: its message says what to run instead, not to check the framing
    const then = kind === 'malformed' && isExportLine(first.message) ? '' : `; ${advice[kind]}`;
    return `${counted(count, 'record')} ${what}, ${count === 1 ? 'on' : 'the first on'} ${placeWord(report.framing)} ${first.line}: ${first.message}${then}`;
  }
  const apart = apartParts(report).map(([, text]) => text);
  if (apart.length > 0) return `it holds only ${apart.join(', ')}`;
  if (report.commands > 0) return 'it holds commands only';
  return 'the file holds no records';
}

/**
 * A caution for a log read as events that may not be one: read with the generic profile, no
 * record gave an id, a time or a stream (any JSON with a `type` member reads as one event —
 * a package.json does). Undefined when the log has any of them, or was read by a known profile.
 */
export function unlikeLog(report: Pick<InspectionReport, 'profile' | 'fieldsUsed' | 'events'>, adviceFor: AdviceFor = 'cli'): string | undefined {
  if (report.events === 0 || report.profile !== 'generic') return undefined;
  const used = report.fieldsUsed;
  if (used.id || used.time || used.stream) return undefined;
  return `no record has an id, a time or a stream: this may not be an event log (${adviceFor === 'cli' ? 'a map, --map, can name its fields' : 'Mapping… can name its fields'})`;
}
