/**
 * What `inspect` prints, made from an inspection's result where the inspection ran (in this
 * thread, or in a domain module's worker): the problems that refuse the log, or the report's text
 * (or JSON pieces) and the counts `--fail-on` looks at.
 */
import { otherProfileAdvice, whyNothingRead } from '../logs/nothingRead';
import { reportJsonChunks } from '../logs/reportJson';
import { invariantsCheck, uncheckedLead } from '../logs/checkedClaims';
import type { Anomaly, InspectResult } from '../logs/types';
import { formatInspection } from './inspectText';

/** An inspection, ready to print. */
export type InspectOutcome =
  | { readonly ok: false; readonly problems: readonly Anomaly[]; readonly problemCount: number; readonly records: number; readonly notes?: readonly string[] }
  | {
      readonly ok: true;
      readonly nothingRead?: string;
      readonly pieces: readonly string[];
      readonly anomalies: number;
      readonly violations: number;
      readonly drift: number;
      /** The stale decisions found (the report's `staleDecisions.count`; 0 without command records). */
      readonly stale: number;
      /** The command records read (drift and stale decisions need them: `--fail-on` says when it cannot fire). */
      readonly commands: number;
      /** With a domain, why its invariants were not checked, in short (../logs/checkedClaims; the report says it in full): `--fail-on violations` fails on it. */
      readonly invariantsUnchecked?: string;
    };

/**
 * The outcome of an inspection's result; `json`: the report as JSON pieces, else its text (with
 * nothing read too: a source read caught up at its `--from` prints its report of 0 events).
 */
export function inspectOutcome(result: InspectResult, json: boolean): InspectOutcome {
  if (!result.ok) {
    // records of another profile than the one asked for: said first, as the notes are
    const other = result.otherProfile;
    const notes = [...(other ? [otherProfileAdvice(other.detected, other.used)] : []), ...(result.notes ?? [])];
    return { ok: false, problems: result.problems, problemCount: result.problemCount, records: result.records, ...(notes.length > 0 ? { notes } : {}) };
  }
  const report = result.report;
  const nothingRead = whyNothingRead(report);
  if (nothingRead !== undefined) return { ok: true, nothingRead, pieces: json ? megabytes(reportJsonChunks(report)) : [formatInspection(report)], anomalies: 0, violations: 0, drift: 0, stale: 0, commands: report.commands };
  const invariants = report.domain !== null ? invariantsCheck(report, 'cli') : undefined;
  return {
    ok: true,
    ...(invariants?.state === 'unchecked' ? { invariantsUnchecked: uncheckedLead(report) } : {}),
    pieces: json ? megabytes(reportJsonChunks(report)) : [formatInspection(report)],
    anomalies: report.anomalyCount ?? report.anomalies.length,
    violations: report.violations.length,
    drift: report.drift.length,
    stale: report.staleDecisions?.count ?? 0,
    commands: report.commands,
  };
}

/** Pieces gathered into strings of about a megabyte (a write per stream of a big state is slow). */
function megabytes(chunks: Iterable<string>): string[] {
  const out: string[] = [];
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 1 << 20) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}
