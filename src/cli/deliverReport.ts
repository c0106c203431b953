/** Where a report goes: stdout as text or JSON, or a file written atomically with `--out`. */
import type { Report } from '../engine/types';
import { EXIT, type CliIO } from './io';
import { writeAtomically } from './writeAtomically';

/** The report as written by `--json` and `--out`: two-space JSON and a final newline. */
export const reportJson = (report: Report): string => JSON.stringify(report, null, 2) + '\n';

/** Prints the output or writes it to `--out`; returns the exit code for `--fail-on-violation`. */
export async function deliverReport(report: Report, text: () => string, options: { json: boolean; out?: string; failOnViolation: boolean; command: string }, io: CliIO): Promise<number> {
  if (options.out !== undefined) {
    await writeAtomically(options.out, reportJson(report), io);
    io.err(`purestream ${options.command}: wrote the report of ${report.runs.length} run${report.runs.length === 1 ? '' : 's'} to ${options.out}\n`);
  } else io.out(options.json ? reportJson(report) : text());
  return options.failOnViolation && report.runs.some((r) => r.violations.length > 0) ? EXIT.violation : EXIT.ok;
}
