/**
 * The engine's public API contract (what the CLI, logs, store and renderer call).
 * Implementations live in ./scenario, ./sim, ./report and ./consumers.
 */
import type { AnyDomainModule, Outcome } from '../../domain/kernel';
import type { EngineServices } from './consumers/interpreter';
import type { InputError, Report, Scenario, Trace } from './types';

/** Result of parsing a scenario file: the validated scenario, or every error with its JSON path. */
export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: readonly InputError[] };

export interface RunProgress {
  readonly run: string;
  /** Arrivals handled so far in this run, of `total`. */
  readonly done: number;
  readonly total: number;
  /** What the run is doing: taking arrivals, finishing the work queued once all have arrived, or building its report (the simulation has ended). */
  readonly phase?: 'arriving' | 'finishing' | 'report';
}

export interface RunOptions {
  /** Names of the runs to run (default: all, in file order). */
  readonly runs?: readonly string[];
  /** Record the full trace for the UI (default true). The CLI turns it off for speed. */
  readonly trace?: boolean;
  readonly services?: EngineServices;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Polled now and then; when it returns true the run stops with a RunCancelled error. */
  readonly isCancelled?: () => boolean;
  /** The domain module to run with (a loaded module); default: the scenario's bundled domain. */
  readonly domain?: AnyDomainModule;
}

export interface RunResult {
  readonly report: Report;
  /** One per run, in report order (empty entries' arrays when `trace: false`). */
  readonly traces: readonly Trace[];
}

export interface DryRunResult {
  readonly outcome: Outcome;
  /** The state the input was decided against (every earlier arrival decided and enacted serially). */
  readonly stateBefore: Readonly<Record<string, unknown>>;
}

/**
 * Thrown by runScenario when `isCancelled` returned true. `during` names the run that was
 * stopped, and `finished` holds the runs that had finished before it (their report and traces,
 * exactly as a run of only those runs would give them); both are absent when a single
 * simulation throws it (runScenario adds them).
 */
export class RunCancelled extends Error {
  constructor(
    readonly during?: string,
    readonly finished?: RunResult,
  ) {
    super(during === undefined ? 'run cancelled' : `run cancelled during "${during}"`);
    this.name = 'RunCancelled';
  }
}
