/** Where a report goes: stdout as text or JSON, or a file written atomically with `--out`; JSON is streamed, never one string. */
import { jsonPieces } from '../engine/report/jsonWriter';
import type { Report } from '../engine/types';
import { EXIT, writeOut, type CliIO } from './io';
import { printable } from './printable';
import { writeAtomically } from './writeAtomically';

/**
 * The report as written by `--json` and `--out`, in pieces: exactly `JSON.stringify(report, null, 2)`
 * and a final newline, except that C1 control characters are escaped too (still the same JSON value).
 */
export function* reportJsonPieces(report: unknown): Generator<string, void, undefined> {
  yield* jsonPieces(report, { indent: 2, escapeC1: true });
  yield '\n';
}

/** Prints the output or writes it to `--out`; returns the exit code for `--fail-on-violation`. */
export async function deliverReport(report: Report, text: () => string, options: { json: boolean; out?: string; failOnViolation: boolean; command: string }, io: CliIO): Promise<number> {
  if (options.out !== undefined) {
    await writeAtomically(options.out, reportJsonPieces(report), io);
    io.err(`purestream ${options.command}: wrote the report of ${report.runs.length} run${report.runs.length === 1 ? '' : 's'} to ${printable(options.out)}\n`);
  } else if (options.json) await writeOut(io, reportJsonPieces(report));
  else io.out(text());
  return options.failOnViolation && report.runs.some((r) => r.violations.length > 0) ? EXIT.violation : EXIT.ok;
}
