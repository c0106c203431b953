/**
 * Opens a domain module on the command line (domain-modules.md): starts its worker thread
 * (./moduleWorker), which loads and checks it, and hands out whole tasks — runs, dry runs,
 * inspections of files and of live sources (read in the worker), exports, enactments on a
 * broker and their comparisons with the simulation. Watches every call the module makes (shared-memory heartbeat, ../engine/
 * module/callWatch): one running over a second stops the worker, and the task fails with a
 * message naming the module, the function, the command or event and, when the paused worker
 * could tell, the module's own file:line. A module's problem is a {@link ModuleError}.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DomainInfo } from '../../domain/kernel';
import type { DryRunResult, RunProgress } from '../engine/api';
import { newWatchBuffer, overranText, readWatch, StuckCall } from '../engine/module/callWatch';
import { domainInfo, type DomainDescription } from '../engine/module/description';
import type { ModuleProblem } from '../engine/module/moduleProblem';
import { ModuleError } from './moduleError';
import type { Scenario } from '../engine/types';
import type { RunLog } from '../cli/simulatedRun';
import type { InspectProgress } from '../logs/types';
import type { InspectOutcome } from '../cli/inspectOutcome';
import type { SourceOutcome } from '../cli/sourceOutcome';
import type { EnactOutcome, EnactRequest } from '../cli/enactOutcome';
import type { CompareRealOutcome, RealRunTarget } from '../cli/compareRealOutcome';
import type { LiveFinding, SourceProgress } from '../sources/inspectSource';
import type { SourceUrl } from '../sources/sourceUrl';
import type { ReadOptions } from '../sources/types';
import type { ModuleWorkerApi, RunAnswer, WorkerInspectOptions, WorkerResult, WorkerSourceOptions } from './moduleWorker';
import { pauseWorker } from './pauseWorker';

export { ModuleError };

const WORKER = new URL('./moduleWorker.mjs', import.meta.url);

/** A loaded module in its worker. Call `close()` when done. */
export class ModuleHost {
  private readonly stuck = new StuckCall();
  private failure: ModuleError | Error | undefined;
  private failed!: Promise<never>;
  private fail!: (e: Error) => void;
  private stopping = false;
  /** The checks of the module's payloads, for validating input in this thread. */
  readonly info: DomainInfo;

  private constructor(
    /** How messages name the module (its path as given). */
    readonly name: string,
    readonly description: DomainDescription,
    private readonly worker: Worker,
    private readonly remote: Remote<ModuleWorkerApi>,
    private readonly watch: SharedArrayBuffer,
  ) {
    this.info = domainInfo(description);
    this.armFailure();
  }

  /** Starts a worker and loads the module at `file` (relative to `cwd`); throws ModuleError when it cannot be used. */
  static async open(file: string, cwd: string): Promise<ModuleHost> {
    const worker = new Worker(WORKER, { stdout: false, stderr: false });
    worker.unref();
    const remote = wrap<ModuleWorkerApi>(nodeEndpoint(worker));
    const watch = newWatchBuffer();
    const died = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the module's worker stopped (exit code ${code}) while loading ${file}`)));
    });
    let result: WorkerResult<DomainDescription>;
    try {
      result = await Promise.race([remote.load({ file: resolve(cwd, file), name: file, cwd, watch }), died]);
    } catch (e) {
      await worker.terminate();
      throw e;
    }
    if (!result.ok) {
      remote[releaseProxy]();
      await worker.terminate();
      throw new ModuleError(result.problem);
    }
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    return new ModuleHost(file, result.value, worker, remote, watch);
  }

  private armFailure(): void {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    this.worker.once('error', (e) => this.fail((this.failure ??= e)));
    this.worker.once('exit', (code) => this.fail((this.failure ??= new Error(`the worker of ${this.name} stopped (exit code ${code})`))));
  }

  /** Runs a task in the worker, watching the module's calls; a module's problem becomes a ModuleError. */
  private async task<T>(start: () => Promise<WorkerResult<T>>): Promise<T> {
    if (this.failure) throw this.failure;
    const timer = setInterval(() => {
      if (this.stuck.tick(readWatch(this.watch), performance.now())) void this.stopStuck();
    }, 100);
    try {
      const result = await Promise.race([start(), this.failed]);
      if (!result.ok) throw new ModuleError(result.problem);
      return result.value;
    } finally {
      clearInterval(timer);
    }
  }

  /** A call ran past the limit: learn where from the paused worker, stop it, fail the task. */
  private async stopStuck(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const at = await pauseWorker(this.worker);
    const member = at.call?.member ?? 'a function of the module';
    const problem: ModuleProblem = {
      kind: 'timeout',
      module: this.name,
      member,
      ...(at.call ? { subject: at.call.subject } : {}),
      ...(at.location ? { location: at.location } : {}),
      message: `${overranText(this.name, member, at.call?.subject)}${at.location ? ` (at ${at.location})` : ''}`,
    };
    this.failure = new ModuleError(problem);
    await this.worker.terminate();
    this.fail(this.failure);
  }

  /** Runs the scenario's runs (or `runs`) with the module; `decisions`: every command's decision per run too. */
  run(scenario: Scenario, options: { runs?: readonly string[]; decisions?: boolean } = {}, onProgress?: (p: RunProgress) => void): Promise<RunAnswer> {
    return this.withProgress(onProgress, (p) => this.remote.run(scenario, options, p));
  }

  /** Decides one input against the state before it. */
  dryRun(scenario: Scenario, inputId: string, authorize = false): Promise<DryRunResult> {
    return this.task(() => this.remote.dryRun(scenario, inputId, authorize));
  }

  /** One run's event log (`purestream/events@1` records), and how many of its events the setup appended. */
  exportRun(scenario: Scenario, runName: string): Promise<RunLog> {
    return this.task(() => this.remote.exportRun(scenario, runName));
  }

  /** Inspects the log file at `file` with the module. */
  inspect(file: string, options: WorkerInspectOptions, onProgress?: (p: InspectProgress) => void): Promise<InspectOutcome> {
    return this.withProgress(onProgress, (p) => this.remote.inspect(file, options, p));
  }

  /**
   * Reads the live source and inspects it with the module, both in the worker (with the readers
   * the command line uses); `read.signal` ends a tail with what was read.
   */
  async inspectSource(
    source: SourceUrl,
    read: ReadOptions,
    options: Omit<WorkerSourceOptions, 'json'> & { readonly onProgress?: (p: SourceProgress) => void; readonly onFinding?: (f: LiveFinding) => void },
    json: boolean,
  ): Promise<SourceOutcome> {
    const { signal, ...rest } = read;
    const { onProgress, onFinding, ...plain } = options;
    return this.stoppable(signal, () => this.remote.inspectSource(source, rest, { ...plain, json }, onProgress && proxy(onProgress), onFinding && proxy(onFinding)));
  }

  /** Enacts a consumer with the module: connects, simulates and enacts in the worker (../cli/enactOutcome); `signal` ends it at its next wait. */
  enact(request: EnactRequest, signal: AbortSignal): Promise<EnactOutcome> {
    return this.stoppable(signal, () => this.remote.enact(request));
  }

  /** Sets the real run (its text; `realFile` names it) beside the module's simulated run `target.run`, or its consumer `target.consumer` (../cli/compareRealOutcome). */
  compareReal(realText: string, realFile: string, scenario: Scenario, target: RealRunTarget): Promise<CompareRealOutcome> {
    return this.task(() => this.remote.compareReal(realText, realFile, scenario, target));
  }

  /** A task that reads a source or stream until `signal` asks the worker to stop reading (it ends with what was read). */
  private async stoppable<T>(signal: AbortSignal | undefined, start: () => Promise<WorkerResult<T>>): Promise<T> {
    const stop = () => void this.remote.stopReading();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const answer = this.task(start);
      if (signal?.aborted) stop();
      return await answer;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  private async withProgress<P, T>(onProgress: ((p: P) => void) | undefined, start: (p: ((p: P) => void) | undefined) => Promise<WorkerResult<T>>): Promise<T> {
    const callback = onProgress ? proxy(onProgress) : undefined;
    return this.task(() => start(callback));
  }

  /** The module's files' hash (`sha256:…`; ../modules/bundleModule's `sourceHash`): what a checkpoint keeps to notice a changed module. */
  sourceHash(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return this.remote.sourceHash();
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    if (this.failure) return;
    this.failure = new Error(`${this.name} is closed`);
    this.remote[releaseProxy]();
    await this.worker.terminate();
  }
}
