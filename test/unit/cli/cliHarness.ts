/** Test helpers for CLI commands: the command line run in this process as a user runs it, a fake CliIO that records output, and main's error handling around one command. */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, InputFileError, UsageError, type CliCommand, type CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import type { RunOptions, RunResult } from '../../../src/engine/api';
import type { Report, RunReport, Scenario } from '../../../src/engine/types';

export interface RecordingIO extends CliIO {
  stdout: string;
  stderr: string;
}

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

/** A CliIO in a fresh temporary directory holding copies of the named fixtures. */
export function recordingIO(fixtures: readonly string[] = [], errIsTTY = false): RecordingIO {
  const cwd = mkdtempSync(join(tmpdir(), 'purestream-cli-'));
  for (const f of fixtures) copyFileSync(new URL(`../../fixtures/scenarios/${f}`, import.meta.url), join(cwd, f));
  const io: RecordingIO = { stdout: '', stderr: '', errIsTTY, cwd, out: (t) => void (io.stdout += t), err: (t) => void (io.stderr += t) };
  return io;
}

/** The files in the IO's directory. */
export const filesIn = (io: CliIO): string[] => readdirSync(io.cwd).sort();

/** Runs one command the way main does: usage errors exit 2, bad input exits 1. */
export async function invoke(command: CliCommand, args: readonly string[], io: CliIO): Promise<number> {
  try {
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InputFileError) {
      io.err(`${e.message}\n`);
      return EXIT.badInput;
    }
    throw e;
  }
}

const percentiles = { p50: 1, p95: 2, p99: 2.5, max: 3 };

/** A fake run report: runs named `broken…` have a violation, and each run's state differs by name. */
export function fakeRun(name: string): RunReport {
  return {
    name,
    metrics: {
      commands: 3, accepted: 2, rejected: 1, events: 4, deliveries: 4, failures: 0, retries: 0, deadLettered: 0, lost: 0, duplicates: 0,
      makespanMs: 12.345, commandLatencyMs: percentiles, enactLatencyMs: percentiles, maxQueueDepth: 1, maxWorkers: 1,
    },
    rejections: { 'out-of-stock': 1 },
    violations: name.startsWith('broken') ? [{ invariant: 'stock-non-negative', atMs: 7, eventSeq: 3, message: 'stock of tee@main is -1' }] : [],
    stateHash: 'ab'.repeat(32),
    finalState: { 'stock:tee@main': { stock: name.length } },
  };
}

/** A fake engine that records the options it got. */
export function fakeRunner() {
  const calls: { scenario: Scenario; options?: RunOptions }[] = [];
  const runner = (scenario: Scenario, options?: RunOptions): RunResult => {
    calls.push({ scenario, options });
    const runs = scenario.runs.filter((r) => !options?.runs || options.runs.includes(r.name)).map((r) => fakeRun(r.name));
    const report: Report = { format: 'purestream/report@1', scenario: scenario.name, domain: scenario.domain, seed: scenario.seed, runs };
    return { report, traces: [] };
  };
  return { runner, calls };
}
