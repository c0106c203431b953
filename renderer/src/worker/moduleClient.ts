/**
 * The page's handle on one domain module's worker (./module.worker.ts): loads the module there,
 * then serves the engine API (runs, dry runs, the kept result's reader) from it, like the bundled
 * domains' worker. The one-second watchdog lives here: while a call is in flight it reads the
 * module's heartbeat (shared memory, ../../../src/engine/module/callWatch) every 100 ms, and a
 * call of the module running past the limit terminates the worker and fails with a message
 * naming the module and the function. A stopped or cancelled worker is loaded afresh on next use.
 */
import { proxy, type Remote } from 'comlink';
import esbuildWasmUrl from 'esbuild-wasm/esbuild.wasm?url';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { CALL_LIMIT_MS, newWatchBuffer, readWatch, StuckCall } from '../../../src/engine/module/callWatch';
import type { ModuleProblem } from '../../../src/engine/module/moduleProblem';
import type { ModuleFiles } from '../../lib/modules/bundleModuleFiles';
import type { LoadedModule, ModuleLoadResult, ModuleWorkerApi } from './module.worker';
import ModuleWorker from './module.worker?worker';
import { WorkerHandle } from './workerHandle';

/** A module could not be used: its problem (plain data, the message ready to show). */
export class ModuleLoadError extends Error {
  constructor(readonly problem: ModuleProblem) {
    super(problem.message);
    this.name = 'ModuleLoadError';
  }
}

let esbuildWasm: Promise<WebAssembly.Module> | undefined;
let sqlWasm: Promise<WebAssembly.Module> | undefined;
const compiled = (url: string) => WebAssembly.compileStreaming(fetch(url));

/** What calls into an engine worker look like (a WorkerHandle, or a module's client). */
export interface EngineCaller<T> {
  call<R>(fn: (remote: Remote<T>) => Promise<R>): Promise<R>;
  terminate(): void;
}

/** One loaded module and its worker. */
export class ModuleClient implements EngineCaller<ModuleWorkerApi> {
  private readonly handle = new WorkerHandle<ModuleWorkerApi>(() => new ModuleWorker({ name: `domain module ${this.name}` }), 'module');
  private ready: Promise<LoadedModule> | undefined;
  private watch: SharedArrayBuffer | undefined;
  private members: readonly string[] = [];

  /** `name`: how messages name the module (its file name). */
  constructor(
    readonly name: string,
    readonly files: ModuleFiles,
  ) {}

  /** Loads the module in a fresh worker (once; again after the worker was stopped); rejects with ModuleLoadError. */
  load(): Promise<LoadedModule> {
    this.ready ??= this.start().catch((e: unknown) => {
      this.ready = undefined;
      this.handle.terminate();
      throw e;
    });
    return this.ready;
  }

  private async start(): Promise<LoadedModule> {
    this.watch = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? newWatchBuffer() : undefined;
    const wasm = await (esbuildWasm ??= compiled(esbuildWasmUrl));
    const result = await this.watched<ModuleLoadResult>(() =>
      this.handle.call((api): Promise<ModuleLoadResult> => api.load({ files: this.files, name: this.name, ...(this.watch ? { watch: this.watch } : {}), esbuildWasm: wasm }, proxy(() => (sqlWasm ??= compiled(sqlWasmUrl))))),
    );
    if (!result.ok) throw new ModuleLoadError(result.problem);
    this.members = result.value.members;
    return result.value;
  }

  /** Calls the loaded module's worker (loading it first if needed), under the watchdog. */
  async call<R>(fn: (remote: Remote<ModuleWorkerApi>) => Promise<R>): Promise<R> {
    await this.load();
    return this.watched(() => this.handle.call(fn));
  }

  /** Runs `task` while reading the heartbeat; a call past the limit stops the worker. */
  private async watched<R>(task: () => Promise<R>): Promise<R> {
    const watch = this.watch;
    if (!watch) return task();
    const stuck = new StuckCall();
    const timer = setInterval(() => {
      const reading = readWatch(watch);
      if (!stuck.tick(reading, performance.now())) return;
      clearInterval(timer);
      const member = this.members[reading.member] || 'a function of the module';
      this.stop(
        new ModuleLoadError({
          kind: 'timeout',
          module: this.name,
          member,
          message: `${this.name}: ${member} ran for more than ${CALL_LIMIT_MS / 1000} second and was stopped (the module's worker was ended; it is loaded again when next used)`,
        }),
      );
    }, 100);
    try {
      return await task();
    } finally {
      clearInterval(timer);
    }
  }

  private stop(error: Error): void {
    this.ready = undefined;
    this.handle.terminate(error);
  }

  /** Stops whatever the worker does (Cancel); the module is loaded again on next use. */
  terminate(): void {
    this.ready = undefined;
    this.handle.terminate();
  }
}
