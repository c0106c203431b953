/**
 * Running the scenario in the engine worker: status, progress, the result, Cancel. A big run
 * (more than BIG_RUN_ARRIVALS arrivals) stays in the worker: `result` is its bounded summary
 * and `big` says so; views read the rest through `engine` (pages, history states).
 */
import type { RunProgress, RunResult } from '../../../src/engine/api';
import type { Scenario } from '../../../src/engine/types';
import { expandScenario } from '../../../src/engine';
import type { CommandEnvelope } from '../../../domain/kernel';
import { commandIndex, commandsById, decidedCommandIds } from '../../lib/graph/commandIndex';
import { EngineCancelled, EngineClient } from '../worker/engineClient';
import type { BigRun } from '../worker/protocol';

/** Runs with more arrivals than this are kept in the worker and summarized for the UI. */
export const BIG_RUN_ARRIVALS = 50_000;

const NO_COMMANDS: ReadonlyMap<string, CommandEnvelope> = new Map();

/** Where a run stands. */
export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The latest run of the open scenario and the worker that makes it. */
export class RunSession {
  readonly engine = new EngineClient();
  status = $state.raw<RunStatus>('idle');
  progress = $state.raw<RunProgress | undefined>(undefined);
  result = $state.raw<RunResult | undefined>(undefined);
  error = $state.raw<string | undefined>(undefined);
  /** The scenario the result belongs to. */
  scenario = $state.raw<Scenario | undefined>(undefined);

  /** The summary's description, paired with the result it belongs to (another result may be put in `result`). */
  private bigRun = $state.raw<{ readonly result: RunResult; readonly big: BigRun } | undefined>(undefined);

  /** Set when `result` is the summary of a big run kept in the worker. */
  readonly big: BigRun | undefined = $derived(this.bigRun && this.bigRun.result === this.result ? this.bigRun.big : undefined);

  /** A big run's commands that its summary's decisions decided, read from the worker, paired with the result they belong to. */
  private bigCommands = $state.raw<{ readonly result: RunResult; readonly commands: ReadonlyMap<string, CommandEnvelope> } | undefined>(undefined);

  /**
   * Commands of the run scenario by id (payloads for the graph's details and its labels): every
   * one, or for a big run (a million commands are not expanded on the UI thread) those of the
   * summary's decisions, once the worker has sent them.
   */
  readonly commands: ReadonlyMap<string, CommandEnvelope> = $derived(
    this.big ? this.bigCommandsOfResult() : this.scenario ? commandIndex(expandScenario(this.scenario)) : NO_COMMANDS,
  );

  /** Runs every run configuration of `scenario`; resolves when done, failed or cancelled. */
  async run(scenario: Scenario): Promise<void> {
    // the worker drops a kept big result when it starts the next run
    if (this.big) this.forget();
    this.status = 'running';
    this.progress = undefined;
    this.error = undefined;
    try {
      const { result, big } = await this.engine.runKeeping(scenario, (p) => (this.progress = p), BIG_RUN_ARRIVALS);
      this.bigRun = big ? { result, big } : undefined;
      this.result = result;
      this.scenario = scenario;
      this.status = 'done';
    } catch (e) {
      if (e instanceof EngineCancelled) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    }
  }

  private bigCommandsOfResult(): ReadonlyMap<string, CommandEnvelope> {
    const read = this.bigCommands;
    return read && read.result === this.result ? read.commands : NO_COMMANDS;
  }

  /** The result whose commands were asked of the worker (once per big result). */
  private commandsAsked: RunResult | undefined;

  /**
   * For a big run, reads the commands its summary's decisions decided from the worker, once: the
   * graph asks when it opens (the worker expands the whole scenario for it, so nothing else asks
   * right after a run, when the history and pages should answer at once).
   */
  ensureCommands(): void {
    const result = this.result;
    if (!this.big || !result || this.commandsAsked === result) return;
    this.commandsAsked = result;
    void this.readCommands(result);
  }

  private async readCommands(result: RunResult): Promise<void> {
    try {
      const commands = await this.engine.commands(decidedCommandIds(result.traces));
      if (this.result === result) this.bigCommands = { result, commands: commandsById(commands) };
    } catch {
      // the worker let the big result go (another run started): the graph shows no payloads
    }
  }

  /** Stops a run in progress (the worker is terminated; the previous result stays). */
  cancel(): void {
    if (this.status === 'running') this.engine.cancel();
  }

  /** Forgets the result (a different scenario was opened). */
  clear(): void {
    this.cancel();
    this.status = 'idle';
    this.forget();
    this.progress = undefined;
    this.error = undefined;
  }

  private forget(): void {
    this.result = undefined;
    this.scenario = undefined;
    this.bigRun = undefined;
  }
}
