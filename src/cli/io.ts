/** The CLI's plumbing: what a command gets from the process, exit codes, argument parsing, text tables. */
import { existsSync } from 'node:fs';
import { parseArgs as nodeParseArgs } from 'node:util';
import { didYouMean } from '../engine/text/didYouMean';
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
  /** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM instead of ending the process, until the returned function is called (a live tail ends so, with its report). */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /**
   * Tells the process, before the output is written, the exit code the command ends with and the
   * stderr line saying why (`failing: …`, which the command writes after the output): a closed
   * pipe (EPIPE) cutting the output short then ends the process with them, not quietly with 0.
   */
  readonly verdict?: (code: number, reason: string) => void;
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

/**
 * Parses `--flag`, `--opt value` (or `--opt=value`) and positionals with Node's `util.parseArgs`
 * (strict: an unknown option, a missing value or a value given to a flag is a UsageError that
 * says which); an option given twice is refused unless it is repeatable (then its values collect).
 */
export function parseArgs(
  args: readonly string[],
  spec: { readonly flags?: readonly string[]; readonly options?: readonly string[]; readonly repeatable?: readonly string[] },
): { positionals: string[]; flags: Set<string>; options: Map<string, string[]> } {
  const config: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }> = {};
  for (const f of spec.flags ?? []) config[f] = { type: 'boolean' };
  for (const o of [...(spec.options ?? []), ...(spec.repeatable ?? [])]) config[o] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...args], options: config, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(usageMessage(e, args, Object.keys(config)));
  }
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) flags.add(name);
    else if (Array.isArray(value)) {
      if (value.length > 1 && !spec.repeatable?.includes(name)) throw new UsageError(`--${name} given twice`);
      options.set(name, value.map(String));
    }
  }
  return { positionals: parsed.positionals, flags, options };
}

/** util.parseArgs's error, said as the CLI says usage errors; an unknown option that looks like a file name (`-dash.jsonl`) says how to give it, a misspelled one (`--profle`) the one of `known` it most likely is. */
function usageMessage(e: unknown, args: readonly string[], known: readonly string[]): string {
  const error = e as { code?: string; message?: string };
  const option = /'(-{1,2}[^' ]+)/.exec(error.message ?? '')?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const end = args.indexOf('--');
      const word = (end < 0 ? args : args.slice(0, end)).find((a) => a.startsWith(option) && !a.includes('='));
      const fileLike = word !== undefined && (/\.[A-Za-z0-9]+$/.test(word) || existsSync(word));
      if (fileLike) return `unknown option ${option} (a file whose name starts with "-": put -- before it)`;
      const meant = option.startsWith('--') ? didYouMean(option.slice(2), known) : undefined;
      return `unknown option ${option}${meant ? `; did you mean "--${meant}"?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message ?? '') ? `${option} takes no value` : `${option} needs a value`;
    default:
      return error.message ?? String(e);
  }
}

/** Longest cell of a text table (a run name, a path): longer ones are cut. */
const MAX_CELL = 80;

/** How a column's cells line up: text to the left, numbers to the right. */
export type Align = 'left' | 'right';

/**
 * Formats rows as an aligned text table (first row is the header, aligned as its column);
 * cells are made printable (./printable). `align` gives each column's alignment; by default
 * the first column is left-aligned and the others (numbers) right-aligned.
 */
export function table(cells: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rows = cells.map((r) => r.map((cell) => printable(cell, MAX_CELL)));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const alignOf = (c: number): Align => align[c] ?? (c === 0 ? 'left' : 'right');
  return rows.map((r) => r.map((cell, c) => (alignOf(c) === 'left' ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}
