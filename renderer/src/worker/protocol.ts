/** Messages between the UI and the engine worker. Plain data only (structured clone). */
import type { DryRunResult, RunProgress, RunResult } from '../../../src/engine/api';
import type { Scenario } from '../../../src/engine/types';

/** A request to the worker. */
export type EngineRequest =
  | { readonly id: number; readonly type: 'dryRun'; readonly scenario: Scenario; readonly arrivalOrder: number }
  | { readonly id: number; readonly type: 'run'; readonly scenario: Scenario; readonly runs?: readonly string[] };

/** A reply from the worker: progress while running, then a result or an error. */
export type EngineReply =
  | { readonly id: number; readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly id: number; readonly type: 'dryRun'; readonly result: DryRunResult; readonly inputId: string }
  | { readonly id: number; readonly type: 'run'; readonly result: RunResult }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
