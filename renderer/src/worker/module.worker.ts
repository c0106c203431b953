/**
 * A domain module's own Web Worker (domain-modules.md, "Safety and purity"). It bundles the
 * module's files with esbuild-wasm (renderer/lib/modules/bundleModuleFiles.ts), evaluates the
 * bundle as an ES module from a `blob:` URL, builds the guarded DomainModule (purity traps on
 * this worker's global, CallGuard with a source-map locator and the shared-memory heartbeat the
 * page's watchdog reads), and then serves the same engine API as the bundled domains' worker
 * (./engineApi.ts) with the module as the domain: whole runs happen here, no message per
 * decision. Logs read with the module are imported and inspected here too, through the logs
 * worker's code (./logs/linkedLogs.ts), storing over a port to the logs worker. For the
 * watchdog's message, a fresh worker can be told to stop at a call number (`stopAt`): the page
 * replays a task whose call ran too long up to that call, which then names its command or event
 * (`stopped`). Module code runs only here. The worker's CSP (src/main/security.ts,
 * MODULE_WORKER_POLICY) allows no connections; the page hands it esbuild's compiled WebAssembly.
 */
import { expose } from 'comlink';
import * as esbuild from 'esbuild-wasm';
import type { AnyDomainModule } from '../../../domain/kernel';
import { CallGuard, errorText, stackOf } from '../../../src/engine/module/callGuard';
import { CallWatch } from '../../../src/engine/module/callWatch';
import { describeDomain, type DomainDescription } from '../../../src/engine/module/description';
import { DomainShapeError, domainModule } from '../../../src/engine/module/domainModule';
import type { ModuleProblem } from '../../../src/engine/module/moduleProblem';
import { missingDefaultProblem } from '../../../src/engine/module/moduleShape';
import * as published from '../../../src/engine/module/published';
import { installPurityTraps } from '../../../src/engine/module/purityTraps';
import { BundleLocator } from '../../lib/modules/bundleLocator';
import { bundleModuleFiles, ModuleBundleError, PUBLISHED_KEY, shownPath, type BuildFn, type ModuleFiles } from '../../lib/modules/bundleModuleFiles';
import { engineApi } from './engineApi';
import { linkedLogsApi } from './logs/linkedLogs';

/** What `load` needs: the files, how messages name the module, the heartbeat, esbuild's WebAssembly (sql.js's is compiled by the page on demand, a second argument). */
export interface ModuleLoadRequest {
  readonly files: ModuleFiles;
  readonly name: string;
  /** The heartbeat the page's watchdog reads (absent when the page is not cross-origin isolated). */
  readonly watch?: SharedArrayBuffer;
  readonly esbuildWasm: WebAssembly.Module;
}

/** A loaded module: its description, and its functions' names by heartbeat code (for the watchdog's message). */
export interface LoadedModule {
  readonly description: DomainDescription;
  readonly members: readonly string[];
}

/** `load`'s answer: the module, or what is wrong with it. */
export type ModuleLoadResult = { readonly ok: true; readonly value: LoadedModule } | { readonly ok: false; readonly problem: ModuleProblem };

let module: AnyDomainModule | undefined;
/** How the module is named (its file name): a log's reading names it so. */
let moduleName: string | undefined;
/** The loaded module's guard (stopAt reaches its heartbeat). */
let moduleGuard: CallGuard | undefined;
let sqlWasm: (() => Promise<WebAssembly.Module>) | undefined;
let esbuildReady: Promise<void> | undefined;

const loaded = (): AnyDomainModule => {
  if (!module) throw new Error('the domain module is not loaded in its worker');
  return module;
};

/** Network and storage the module's code must not have (the CSP refuses connections; these are gone too). */
function lockDown(): void {
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'BroadcastChannel', 'Worker', 'SharedWorker', 'WebTransport']) {
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch {
      // not present here
    }
  }
}

const loadSqlJs = async () => {
  if (!sqlWasm) throw new Error('sql.js is not available in the module worker');
  const wasm = await sqlWasm();
  const init = (await import('sql.js')).default as (config: object) => Promise<unknown>;
  return init({
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      void WebAssembly.instantiate(wasm, imports).then(done);
      return {};
    },
  });
};

const api = {
  /** Bundles, evaluates and checks the module; answers its description. Once per worker. */
  async load(request: ModuleLoadRequest, compileSqlWasm: () => Promise<WebAssembly.Module>): Promise<ModuleLoadResult> {
    if (module) throw new Error('a module worker loads one module');
    const { name, files } = request;
    moduleName = name;
    sqlWasm = compileSqlWasm;
    esbuildReady ??= esbuild.initialize({ wasmModule: request.esbuildWasm, worker: false });
    await esbuildReady;
    let bundle;
    try {
      bundle = await bundleModuleFiles(esbuild.build as unknown as BuildFn, files, Object.keys(published));
    } catch (e) {
      if (e instanceof ModuleBundleError) return { ok: false, problem: { kind: 'load', module: name, message: e.message } };
      throw e;
    }
    lockDown();
    (globalThis as Record<string, unknown>)[PUBLISHED_KEY] = published;
    const url = URL.createObjectURL(new Blob([bundle.code], { type: 'text/javascript' }));
    const locator = new BundleLocator(bundle, url);
    const guard = (moduleGuard = new CallGuard({ module: name, ...(request.watch ? { watch: new CallWatch(request.watch) } : {}), locator }));
    installPurityTraps(self, guard);
    let exports: Record<string, unknown>;
    try {
      exports = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    } catch (e) {
      const at = locator.frame(stackOf(e));
      return { ok: false, problem: { kind: 'load', module: name, message: `${name}: the module threw while loading: ${errorText(e)}${at ? ` (at ${at})` : ''}` } };
    }
    if (!Object.hasOwn(exports, 'default'))
      return { ok: false, problem: { kind: 'shape', module: name, member: 'default export', message: `${name}: ${missingDefaultProblem(exports)}` } };
    try {
      module = domainModule(exports.default, { name, defaultId: shownPath(files.entry).replace(/^.*\//, '').replace(/\.[^.]+$/, ''), guard });
    } catch (e) {
      if (e instanceof DomainShapeError) return { ok: false, problem: { kind: 'shape', module: name, message: e.message } };
      throw e;
    }
    return { ok: true, value: { description: describeDomain(module), members: guard.members.map((m) => m?.name ?? '') } };
  },

  /** The module's call numbered `seq` (as the heartbeat's SEQ counts) is not made but stops the task as one that ran too long. */
  stopAt(seq: number): void {
    loaded(); // throws when no module is loaded
    moduleGuard?.options.watch?.stopAt(seq);
  },

  /** The call `stopAt` stopped, once it was reached. */
  stopped(): ModuleProblem | undefined {
    return moduleGuard?.stopped;
  },

  ...engineApi(loaded, loadSqlJs),
  ...linkedLogsApi((domain) => (domain === moduleName ? loaded() : undefined)),
};

/** The module worker's API. */
export type ModuleWorkerApi = typeof api;

expose(api);
