/** Running the scenario in the engine worker: status, progress, the result, Cancel. */
import type { RunProgress, RunResult } from '../../../src/engine/api';
import type { Scenario } from '../../../src/engine/types';
import { expandScenario } from '../../../src/engine';
import type { CommandEnvelope } from '../../../domain/kernel';
import { commandIndex } from '../../lib/graph/commandIndex';
import { EngineCancelled, EngineClient } from '../worker/engineClient';

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

  /** Every command of the run scenario by id (payloads for the graph's details). */
  readonly commands: ReadonlyMap<string, CommandEnvelope> = $derived(this.scenario ? commandIndex(expandScenario(this.scenario)) : NO_COMMANDS);

  /** Runs every run configuration of `scenario`; resolves when done, failed or cancelled. */
  async run(scenario: Scenario): Promise<void> {
    this.status = 'running';
    this.progress = undefined;
    this.error = undefined;
    try {
      const result = await this.engine.run(scenario, (p) => (this.progress = p));
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

  /** Stops a run in progress (the worker is terminated; the previous result stays). */
  cancel(): void {
    if (this.status === 'running') this.engine.cancel();
  }

  /** Forgets the result (a different scenario was opened). */
  clear(): void {
    this.cancel();
    this.status = 'idle';
    this.result = undefined;
    this.scenario = undefined;
    this.progress = undefined;
    this.error = undefined;
  }
}
