/** Where a report goes: stdout as text or JSON, or a file written atomically with `--out`; JSON is streamed, never one string. */
import { jsonPieces } from '../engine/report/jsonWriter';
import type { Report } from '../engine/types';
import { counted } from '../engine/report/counted';
import { withVerdict } from './failOn';
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

/**
 * Prints the output or writes it to `--out`; returns the exit code for `--fail-on-violation`
 * (3, with the stderr line `failing: 2 invariant violations in 1 run of 3 (--fail-on-violation)`).
 */
export async function deliverReport(report: Report, text: () => string, options: { json: boolean; out?: string; failOnViolation: boolean; command: string }, io: CliIO): Promise<number> {
  const line = options.failOnViolation ? violationLine(report) : undefined;
  return withVerdict(io, line === undefined ? undefined : { exit: EXIT.violation, line }, async () => {
    if (options.out !== undefined) {
      await writeAtomically(options.out, reportJsonPieces(report), io);
      io.err(`purestream ${options.command}: wrote the report of ${counted(report.runs.length, 'run')} to ${printable(options.out)}\n`);
    } else if (options.json) await writeOut(io, reportJsonPieces(report));
    else io.out(text());
  });
}

/** Why `--fail-on-violation` fails a report, or undefined when no run broke an invariant. */
function violationLine(report: Report): string | undefined {
  const broken = report.runs.filter((r) => r.violations.length > 0);
  if (broken.length === 0) return undefined;
  const violations = broken.reduce((n, r) => n + r.violations.length, 0);
  const runs = report.runs.length === 1 ? '' : ` in ${counted(broken.length, 'run')} of ${report.runs.length}`;
  return `failing: ${counted(violations, 'invariant violation')}${runs} (--fail-on-violation)\n`;
}
