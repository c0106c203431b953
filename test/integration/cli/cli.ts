/** Runs the `purestream` command line in this process, as a user would (exit code, stdout, stderr), or as the real process. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  /** A watcher of stderr as it is written. */
  readonly onErr?: (text: string, all: string) => void;
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
    err: (t) => {
      err += t;
      o.onErr?.(t, err);
    },
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

/** The env of a real `purestream` process: from the sources, without kafkajs's partitioner notice. */
export const processEnv = { ...process.env, PURESTREAM_FROM_SOURCE: '1', KAFKAJS_NO_PARTITIONER_WARNING: '1' };

/** Runs `purestream ...args` as its own process, as a user runs it (Node prints warnings on its stderr). */
export function cliProcess(args: readonly string[], cwd?: string): SpawnSyncReturns<string> {
  const bin = fileURLToPath(new URL('../../../bin/purestream.mjs', import.meta.url));
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: processEnv, timeout: 60_000 });
}
