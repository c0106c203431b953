/** What a CLI command gets from the process: arguments and output streams. Testable without a process. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal (progress is shown only then). */
  readonly errIsTTY: boolean;
  readonly cwd: string;
  /** Calls `handler` on Ctrl-C (SIGINT) instead of ending the process, until the returned function is called (a live tail ends so). */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

/** Exit codes of the spec. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, violation: 3 } as const;

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

/** Formats rows as an aligned text table (first row is the header). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}
