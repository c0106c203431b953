/**
 * The page's handle on one domain module's worker (./module.worker.ts): loads the module there,
 * then serves the engine API (runs, dry runs, the kept result's reader) from it, like the bundled
 * domains' worker. The one-second watchdog lives here: while a call is in flight it reads the
 * module's heartbeat (shared memory, ../../../src/engine/module/callWatch) every 100 ms, and a
 * call of the module running past the limit terminates the worker. A Web Worker cannot be paused
 * to ask what it was doing, so the task is replayed in a fresh worker up to the same call (runs
 * are deterministic: ./stuckCallReplay.ts) and fails with a message naming the module, the
 * function and its command or event — or the function only, when the replay does not reach it.
 * A stopped or cancelled worker is loaded afresh on next use.
 */
import { proxy, type Remote } from 'comlink';
import esbuildWasmUrl from 'esbuild-wasm/esbuild.wasm?url';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { newWatchBuffer, overranText, readWatch, type WatchReading } from '../../../src/engine/module/callWatch';
import type { ModuleProblem } from '../../../src/engine/module/moduleProblem';
import type { ModuleFiles } from '../../lib/modules/bundleModuleFiles';
import type { LoadedModule, ModuleLoadResult, ModuleWorkerApi } from './module.worker';
import ModuleWorker from './module.worker?worker';
import { replayToStuckCall, type ModuleJob, type ModuleWorkerStart } from './stuckCallReplay';
import { watching } from './watching';
import { WorkerHandle } from './workerHandle';

/** A module could not be used: its problem (plain data, the message ready to show). */
export class ModuleLoadError extends Error {
  constructor(readonly problem: ModuleProblem) {
    super(problem.message);
    this.name = 'ModuleLoadError';
  }
}

let esbuildWasm: Promise<WebAssembly.Module> | undefined;
/** Whether the compiler has been compiled (a second module opened meanwhile waits for it too). */
let compilerReady = false;

/** What a module's first load is doing: `compiler`, compiling the bundler's WebAssembly (the page's first module); `module`, bundling, running and checking the module in its worker. */
export type ModuleLoadStage = 'compiler' | 'module';
let sqlWasm: Promise<WebAssembly.Module> | undefined;
const compiled = (url: string) => WebAssembly.compileStreaming(fetch(url));

/** What calls into an engine worker look like (a WorkerHandle, or a module's client). */
export interface EngineCaller<T> {
  call<R>(fn: (remote: Remote<T>) => Promise<R>): Promise<R>;
  terminate(): void;
}

/** The end of every watchdog message in the app. */
const ENDED = " (the module's worker was ended; it is loaded again on the next run)";

/** A task in flight on the worker: the heartbeat's call number and the time when it started, and the job to replay (none for loading). */
interface Task {
  readonly base: number;
  readonly since: number;
  readonly job?: ModuleJob<unknown>;
}

/** Ends the tasks of a worker whose call ran too long; `named` is the error they fail with, once the replay has told which call it was. */
class Overran extends Error {
  constructor(readonly named: Promise<Error>) {
    super('a call of the module ran too long');
  }
}

/** One loaded module and its worker. */
export class ModuleClient implements EngineCaller<ModuleWorkerApi> {
  private readonly handle = new WorkerHandle<ModuleWorkerApi>(() => this.makeWorker(), 'module');
  private ready: Promise<LoadedModule> | undefined;
  private watch: SharedArrayBuffer | undefined;
  private members: readonly string[] = [];
  /** In start order: the first is the one the worker is running (it takes them in turn). */
  private readonly tasks = new Set<Task>();
  /** Replays naming a stuck call (Cancel ends them too). */
  private readonly replays = new Set<WorkerHandle<ModuleWorkerApi>>();

  /** `name`: how messages name the module (its file name). */
  constructor(
    readonly name: string,
    readonly files: ModuleFiles,
  ) {}

  private makeWorker(): Worker {
    return new ModuleWorker({ name: `domain module ${this.name}` });
  }

  /** Told what the first load is doing (its caller says it): compiling the bundler (once per page), then bundling and checking the module in its worker. */
  private onStage: ((stage: ModuleLoadStage) => void) | undefined;

  /** Loads the module in a fresh worker (once; again after the worker was stopped); rejects with ModuleLoadError. `onStage` hears what the load does while it does it. */
  load(onStage?: (stage: ModuleLoadStage) => void): Promise<LoadedModule> {
    if (onStage && !this.ready) this.onStage = onStage;
    this.ready ??= this.start().catch((e: unknown) => {
      this.ready = undefined;
      this.handle.terminate();
      throw e;
    });
    return this.ready;
  }

  private async start(): Promise<LoadedModule> {
    this.watch = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? newWatchBuffer() : undefined;
    const watch = this.watch;
    const result = await this.watched(() => this.loadIn(this.handle, watch));
    if (!result.ok) throw new ModuleLoadError(result.problem);
    this.members = result.value.members;
    return result.value;
  }

  /** Loads the module in `handle`'s worker, with `watch` as its heartbeat. */
  private readonly loadIn: ModuleWorkerStart = async (handle, watch) => {
    // a second module opened while the first still waits for the compiler waits for it too
    if (!compilerReady) this.onStage?.('compiler');
    const wasm = await (esbuildWasm ??= compiled(esbuildWasmUrl));
    compilerReady = true;
    this.onStage?.('module');
    this.onStage = undefined;
    return handle.call((api): Promise<ModuleLoadResult> => api.load({ files: this.files, name: this.name, ...(watch ? { watch } : {}), esbuildWasm: wasm }, proxy(() => (sqlWasm ??= compiled(sqlWasmUrl)))));
  };

  /** Calls the loaded module's worker (loading it first if needed), under the watchdog. */
  async call<R>(fn: ModuleJob<R>): Promise<R> {
    await this.load();
    return this.watched(() => this.handle.call(fn), fn);
  }

  /** Runs `task` while reading the heartbeat; a call past the limit stops the worker, and the task fails naming it. */
  private async watched<R>(task: () => Promise<R>, job?: ModuleJob<R>): Promise<R> {
    const watch = this.watch;
    if (!watch) return task();
    const mine: Task = { base: readWatch(watch).seq, since: performance.now(), ...(job ? { job: job as ModuleJob<unknown> } : {}) };
    this.tasks.add(mine);
    try {
      return await watching(watch, task(), (reading) => this.stopStuck(reading));
    } catch (e) {
      this.tasks.delete(mine);
      throw e instanceof Overran ? await e.named : e;
    } finally {
      this.tasks.delete(mine);
    }
  }

  /** A call ran past the limit: end the worker; its tasks fail with the message the replay of the running one makes. */
  private stopStuck(reading: WatchReading): void {
    const running = this.tasks.values().next().value;
    const member = this.members[reading.member] || 'a function of the module';
    this.ready = undefined;
    this.handle.terminate(new Overran(this.named(member, reading, running)));
  }

  /** The error for a call of `member` that ran too long: naming its command or event when a replay of `task` reaches it, else the function only. */
  private async named(member: string, reading: WatchReading, task: Task | undefined): Promise<Error> {
    const functionOnly = new ModuleLoadError({ kind: 'timeout', module: this.name, member, message: `${overranText(this.name, member)}${ENDED}` });
    if (!task?.job) return functionOnly;
    const handle = new WorkerHandle<ModuleWorkerApi>(() => this.makeWorker(), 'module');
    this.replays.add(handle);
    try {
      const replayed = await replayToStuckCall({
        handle,
        start: this.loadIn,
        job: task.job,
        offset: reading.seq - task.base,
        elapsedMs: performance.now() - task.since,
        live: () => this.replays.has(handle),
      });
      if (replayed instanceof Error) return replayed;
      if (replayed?.member !== member) return functionOnly;
      // where the function is defined (where it spun is not known: the replay stops before the call)
      const ended = replayed.location ? ` (${member} is at ${replayed.location}; ${ENDED.slice(2)}` : ENDED;
      return new ModuleLoadError({ ...replayed, message: `${replayed.message}${ended}` });
    } finally {
      this.replays.delete(handle);
      handle.terminate();
    }
  }

  /**
   * Another client of the same module (the same files, trusted already) with a worker of its own,
   * loaded on first use: for work that must neither wait behind this worker's nor end it (a
   * sweep's points beside the kept result the views read).
   */
  fork(): ModuleClient {
    return new ModuleClient(this.name, this.files);
  }

  /** Stops whatever the worker does, and any replay (Cancel); the module is loaded again on next use. */
  terminate(): void {
    this.ready = undefined;
    this.handle.terminate();
    for (const replay of this.replays) replay.terminate();
    this.replays.clear();
  }
}
