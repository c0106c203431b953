/** The UI's handle on the engine worker: promises for dry runs and runs, progress, and Cancel. */
import type { DryRunResult, RunProgress, RunResult } from '../../../src/engine/api';
import type { DecisionRecord, HistoryStep, LogEntry, Scenario } from '../../../src/engine/types';
import type { CommandEnvelope } from '../../../domain/kernel';
import type { TimelineFrame, TimelineWindow } from '../../lib/timeline/timelineWindow';
import type { BigRun, EngineReply, EngineRequest, HistoryState, Page } from './protocol';
import EngineWorker from './engine.worker?worker';

/** Thrown (rejected) when a job was cancelled. */
export class EngineCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A request before the client numbers it. */
type Unnumbered = EngineRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(reply: EngineReply): void;
  reject(error: Error): void;
  onProgress?: (p: RunProgress) => void;
}

/** One worker at a time; cancelling terminates it and the next job starts a fresh one. */
export class EngineClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new EngineWorker();
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const reply = event.data;
      const job = this.pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'progress') return job.onProgress?.(reply.progress);
      this.pending.delete(reply.id);
      if (reply.type === 'error') job.reject(new Error(reply.message));
      else job.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error(event.message || 'the engine worker failed'));
    };
    this.worker = worker;
    return worker;
  }

  private send(request: Unnumbered, onProgress?: (p: RunProgress) => void): Promise<EngineReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.ensureWorker().postMessage({ ...request, id } as EngineRequest);
    });
  }

  /** Sends a request and resolves with the worker's reply of the same kind (any other reply is an error). */
  private async ask<K extends Unnumbered['type']>(request: Extract<Unnumbered, { type: K }>, onProgress?: (p: RunProgress) => void): Promise<Extract<EngineReply, { type: K }>> {
    const reply = await this.send(request, onProgress);
    if (reply.type !== request.type) throw new Error(`unexpected reply ${reply.type}`);
    return reply as Extract<EngineReply, { type: K }>;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Decides the arrival at depth-first position `arrivalOrder` against the state before it; enacts nothing. */
  async dryRun(scenario: Scenario, arrivalOrder: number): Promise<{ result: DryRunResult; inputId: string }> {
    const reply = await this.ask({ type: 'dryRun', scenario, arrivalOrder });
    return { result: reply.result, inputId: reply.inputId };
  }

  /** Runs the scenario's runs (all, or the named ones) with progress. */
  async run(scenario: Scenario, onProgress: (p: RunProgress) => void, runs?: readonly string[]): Promise<RunResult> {
    const reply = await this.ask({ type: 'run', scenario, ...(runs ? { runs } : {}) }, onProgress);
    return reply.result;
  }

  /**
   * Runs like `run`, but a result with more than `keepAbove` arrivals stays in the worker: the
   * reply is a bounded summary and `big` (read the rest with the page and history methods).
   */
  async runKeeping(scenario: Scenario, onProgress: (p: RunProgress) => void, keepAbove: number, runs?: readonly string[]): Promise<{ result: RunResult; big?: BigRun }> {
    const reply = await this.ask({ type: 'run', scenario, keepAbove, ...(runs ? { runs } : {}) }, onProgress);
    return { result: reply.result, ...(reply.big ? { big: reply.big } : {}) };
  }

  /** The state at history step `step` of run `run` of the kept big result (at most `maxStreams` streams). */
  async historyState(run: number, step: number, maxStreams: number): Promise<HistoryState> {
    const reply = await this.ask({ type: 'historyState', run, step, maxStreams });
    return reply.state;
  }

  /** Log entries `offset`.. of run `run` of the kept big result. */
  async logPage(run: number, offset: number, limit: number): Promise<Page<LogEntry>> {
    const reply = await this.ask({ type: 'logPage', run, offset, limit });
    return reply.page;
  }

  /** Decisions `offset`.. of run `run` of the kept big result. */
  async decisionPage(run: number, offset: number, limit: number): Promise<Page<DecisionRecord>> {
    const reply = await this.ask({ type: 'decisionPage', run, offset, limit });
    return reply.page;
  }

  /** History steps `offset`.. of run `run` of the kept big result. */
  async historyPage(run: number, offset: number, limit: number): Promise<Page<HistoryStep>> {
    const reply = await this.ask({ type: 'historyPage', run, offset, limit });
    return reply.page;
  }

  /** The history step of run `run` of the kept big result that enacted event `seq` (undefined: none did). */
  async stepOfSeq(run: number, seq: number): Promise<number | undefined> {
    const reply = await this.ask({ type: 'stepOfSeq', run, seq });
    return reply.step < 0 ? undefined : reply.step;
  }

  /** The timeline of run `run` of the kept big result between `from` and `to` (at most `max` bars drawn), with its lanes and end. */
  async timelineWindow(run: number, from: number, to: number, max: number): Promise<{ frame: TimelineFrame; window: TimelineWindow }> {
    const reply = await this.ask({ type: 'timelineWindow', run, from, to, max });
    return { frame: reply.frame, window: reply.window };
  }

  /** The commands of the kept big run with these ids (their payloads, for the graph's details). */
  async commands(ids: readonly string[]): Promise<readonly CommandEnvelope[]> {
    const reply = await this.ask({ type: 'commands', ids });
    return reply.commands;
  }

  /** Stops whatever the worker is doing; pending jobs reject with EngineCancelled. */
  cancel(): void {
    this.failAll(new EngineCancelled());
  }
}
