/** The CLI's plumbing: what a command gets from the process, exit codes, argument parsing, text tables. */
import { printable } from './printable';

/** What a CLI command gets from the process: arguments and output streams. Testable without a process. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal (progress is shown only then). */
  readonly errIsTTY: boolean;
  readonly cwd: string;
  /** Writes to stdout and resolves once it can take more (backpressure for big outputs); absent: `out`. */
  readonly write?: (text: string) => Promise<void>;
  /** Calls `handler` on Ctrl-C (SIGINT) instead of ending the process, until the returned function is called (a live tail ends so). */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

/** Exit codes of the spec, plus `internal` (70, EX_SOFTWARE from sysexits.h): a bug, reported in one line. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, violation: 3, internal: 70 } as const;

/** Writes text pieces to stdout in order, waiting whenever stdout asks to (a report of any size, never one string). */
export async function writeOut(io: CliIO, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (io.write) await io.write(piece);
    else io.out(piece);
  }
}

/** A usage error: exit code 2 with the message. */
export class UsageError extends Error {}
/** Bad input: exit code 1 with a message naming the file and place. */
export class InputFileError extends Error {}

export type CliCommand = (args: readonly string[], io: CliIO) => Promise<number>;

/** Parses `--flag`, `--opt value` and positionals; repeated options collect into arrays. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly flags?: readonly string[]; readonly options?: readonly string[]; readonly repeatable?: readonly string[] },
): { positionals: string[]; flags: Set<string>; options: Map<string, string[]> } {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.options?.includes(name) || spec.repeatable?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (options.has(name) && !spec.repeatable?.includes(name)) throw new UsageError(`--${name} given twice`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { positionals, flags, options };
}

/** Longest cell of a text table (a run name, a path): longer ones are cut. */
const MAX_CELL = 80;

/** Formats rows as an aligned text table (first row is the header); cells are made printable (./printable). */
export function table(cells: readonly (readonly string[])[]): string {
  const rows = cells.map((r) => r.map((cell) => printable(cell, MAX_CELL)));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}
