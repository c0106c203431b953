/** Runs the `purestream` command line in this process, as a user would (exit code, stdout, stderr). */
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

/** What a run printed. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Options: Ctrl-C (`interrupt` is given the handler `--until live` installs), and a watcher of stdout as it is written. */
export interface CliOptions {
  readonly onInterrupt?: (handler: () => void) => void;
  readonly onOut?: (text: string, all: string) => void;
  readonly cwd?: string;
  /** Whether stderr is a terminal (progress shows then). */
  readonly errIsTTY?: boolean;
}

/** Runs `purestream ...args`. */
export async function cli(args: readonly string[], o: CliOptions = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += t;
      o.onOut?.(t, out);
    },
    err: (t) => void (err += t),
    errIsTTY: o.errIsTTY ?? false,
    cwd: o.cwd ?? process.cwd(),
    onInterrupt: (handler) => {
      o.onInterrupt?.(handler);
      return () => undefined;
    },
  };
  const code = await main(args, io);
  return { code, out, err };
}
