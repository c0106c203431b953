/**
 * `inspect --fail-on anomalies,violations,drift,stale` and `run --fail-on-violation`: what each
 * needs to be able to fire (refused before reading when it can never fire, a note after reading
 * when what was read cannot make it fire), the stderr line saying why a run fails (exit 3), and
 * the verdict told to the process before the output is written, so a closed pipe cutting the
 * output short still ends with it.
 */
import { counted } from '../engine/report/counted';
import { didYouMeanText } from '../engine/text/didYouMean';
import { EXIT, UsageError, type CliIO } from './io';
import { printable } from './printable';

/** What `--fail-on` can name: logs.md's three, and `stale` (an extension: the report's `staleDecisions.count`). */
export const FAIL_ON = ['anomalies', 'violations', 'drift', 'stale'] as const;
export type FailKind = (typeof FAIL_ON)[number];

/** What an inspection found, as `--fail-on` counts it, and whether it read command records (drift and stale decisions need them). */
export interface FailOnFound {
  readonly anomalies: number;
  readonly violations: number;
  readonly drift: number;
  readonly stale: number;
  readonly commands: number;
}

/** The kinds `--fail-on` names (comma-separated), in the order given; an unknown one is a usage error. */
export function parseFailOn(value: string | undefined): FailKind[] {
  const kinds = (value ?? '').split(',').filter(Boolean);
  for (const f of kinds) if (!(FAIL_ON as readonly string[]).includes(f)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), got "${printable(f, 60)}"${didYouMeanText(f, FAIL_ON)}`);
  return [...new Set(kinds)] as FailKind[];
}

/** Why each kind needing a domain cannot be found without one. */
const WITHOUT_DOMAIN: Partial<Record<FailKind, string>> = { violations: 'no invariant is checked', drift: 'no command is decided again' };

/**
 * Refuses (usage error, exit 2) a `--fail-on` that can never fire because no domain was given:
 * `--fail-on violations needs --domain (without a domain no invariant is checked)`. Anomalies and
 * stale decisions are found without a domain.
 */
export function checkFailOnDomain(failOn: readonly FailKind[], hasDomain: boolean): void {
  if (hasDomain) return;
  const needing = failOn.filter((k) => WITHOUT_DOMAIN[k] !== undefined);
  if (needing.length === 0) return;
  throw new UsageError(`--fail-on ${needing.join(',')} needs --domain (without a domain ${needing.map((k) => WITHOUT_DOMAIN[k]).join(' and ')})`);
}

/**
 * The notes (stderr lines) on kinds `--fail-on` names that what was read could not make fire:
 * drift and stale decisions need command records (`note: --fail-on drift cannot fire: the log has
 * no command records`). The exit code stays what was found.
 */
export function cannotFireNotes(failOn: readonly FailKind[], found: FailOnFound, what = 'the log'): string[] {
  const needCommands = failOn.filter((k) => (k === 'drift' || k === 'stale') && found[k] === 0);
  if (needCommands.length === 0 || found.commands > 0) return [];
  return [`note: --fail-on ${needCommands.join(',')} cannot fire: ${what} has no command records\n`];
}

const WORDS: Readonly<Record<FailKind, (n: number) => string>> = {
  anomalies: (n) => counted(n, 'anomaly', 'anomalies'),
  violations: (n) => counted(n, 'invariant violation'),
  drift: (n) => counted(n, 'decision drift entry', 'decision drift entries'),
  stale: (n) => counted(n, 'stale decision'),
};

/** A failing gate: its exit code and the stderr line that says why. */
export interface Verdict {
  readonly exit: typeof EXIT.violation | typeof EXIT.badInput;
  readonly line: string;
}

/**
 * The verdict of a failing `--fail-on` — exit 3 with `failing: 2 invariant violations, 1 anomaly
 * (--fail-on violations,anomalies)`, the kinds named that fired only — or undefined when none fired.
 * A log whose invariants could not be checked (`invariantsUnchecked`: why, ../logs/checkedClaims)
 * cannot pass `--fail-on violations` either, but nothing was found (logs.md gives exit 3 to what
 * was found): it is bad input, exit 1, as a log none of whose records is an event is
 * (`failing: invariants not checked: none of the log's 11 events could be read by domain orders …`).
 */
export function failingVerdict(found: Readonly<Record<FailKind, number>> & { readonly invariantsUnchecked?: string }, failOn: readonly FailKind[]): Verdict | undefined {
  const unchecked = failOn.includes('violations') && found.violations === 0 ? found.invariantsUnchecked : undefined;
  const fired = failOn.filter((k) => found[k] > 0);
  if (fired.length === 0 && unchecked === undefined) return undefined;
  const words = [...(unchecked !== undefined ? [`invariants not checked: ${printable(unchecked, 600)}`] : []), ...fired.map((k) => WORDS[k](found[k]))];
  return { exit: unchecked !== undefined ? EXIT.badInput : EXIT.violation, line: `failing: ${words.join(', ')} (--fail-on ${failOn.join(',')})\n` };
}

/**
 * Writes the output with the verdict: its exit code (3, or 1 for a gate on what could not be
 * checked) with its `failing` line when there is one, else 0. The process is told the verdict
 * before the output is written (a reader that goes away early — `| head -3` — cannot turn a
 * failing gate into a pass), and the line is said after the output.
 */
export async function withVerdict(io: CliIO, failing: Verdict | undefined, write: () => Promise<void>): Promise<number> {
  if (failing !== undefined) io.verdict?.(failing.exit, failing.line);
  await write();
  if (failing === undefined) return EXIT.ok;
  io.err(failing.line);
  return failing.exit;
}
