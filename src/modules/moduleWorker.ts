/**
 * The worker thread a domain module runs in (domain-modules.md, "Safety and purity"): it
 * bundles the module (./bundleModule), evaluates it in a `node:vm` context (./sandbox), builds
 * its guarded DomainModule, and then runs whole tasks — a scenario's runs, a dry run, an
 * inspection of a file or of a live source (read here, by the readers of src/sources), an export —
 * so that no message crosses the thread per decision. Exposed with comlink; every answer is a
 * {@link WorkerResult}: a value, or the module's problem.
 */
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { AnyDomainModule } from '../../domain/kernel';
import { dryRun } from '../engine/dryRun';
import { CallGuard, errorText, stackOf } from '../engine/module/callGuard';
import { CallWatch } from '../engine/module/callWatch';
import { describeDomain, type DomainDescription } from '../engine/module/description';
import { DomainShapeError, domainModule } from '../engine/module/domainModule';
import { isModuleFault, type ModuleProblem } from '../engine/module/moduleProblem';
import { missingDefaultProblem } from '../engine/module/moduleShape';
import { ruleSide, type CommandDecision } from '../engine/report/ruleChange';
import { runScenario } from '../engine/run';
import type { DryRunResult, RunProgress } from '../engine/api';
import type { Report, Scenario } from '../engine/types';
import { runServices, simulateScenarioRun, type RunLog } from '../cli/simulatedRun';
import type { InspectOptions } from '../logs/inspectLog';
import { nodeSha256 } from '../logs/node/nodeHasher';
import { inspectLogFile } from '../logs/node/inspectLogFile';
import type { InspectProgress } from '../logs/types';
import { inspectOutcome, type InspectOutcome } from '../cli/inspectOutcome';
import type { SourceOutcome } from '../cli/sourceOutcome';
import type { EnactOutcome, EnactRequest } from '../cli/enactOutcome';
import { compareRealOutcome, type CompareRealOutcome, type RealRunTarget } from '../cli/compareRealOutcome';
import type { LiveFinding, SourceInspectOptions, SourceProgress } from '../sources/inspectSource';
import { muteKafkajsNegativeTimeout } from '../sources/kafka/kafkajsWarning';
import type { SourceUrl } from '../sources/sourceUrl';
import type { ReadOptions } from '../sources/types';
import { bundleModule, BundleError, shownAsTyped } from './bundleModule';
import { BundleLocator, evaluateModule } from './sandbox';

/** A task's answer: its value, or what the module did wrong. */
export type WorkerResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ModuleProblem };

/** What `load` needs: the module's absolute path, how messages name it, the working directory, the heartbeat buffer. */
export interface LoadRequest {
  readonly file: string;
  readonly name: string;
  readonly cwd: string;
  readonly watch: SharedArrayBuffer;
}

/** A run's answer: the report and, when asked, every command's decision per run. */
export interface RunAnswer {
  readonly report: Report;
  readonly decisions?: readonly (readonly CommandDecision[])[];
}

/** What an inspection in the worker takes (the file is read here; `map` already checked). */
export type WorkerInspectOptions = Omit<InspectOptions, 'domain' | 'onProgress' | 'hasher' | 'isCancelled'> & { readonly json: boolean };

/** What an inspection of a live source in the worker takes (the source is read here; `map` already checked). */
export type WorkerSourceOptions = Pick<SourceInspectOptions, 'source' | 'profile' | 'map' | 'skipInvalid' | 'checkpoint'> & { readonly json: boolean };

let module: AnyDomainModule | undefined;
/** Ends the live source being read, if any (`stopReading`). */
let reading: AbortController | undefined;
let guard: CallGuard | undefined;
/** The loaded module's files' hash (../bundleModule's `sourceHash`). */
let sourceHash = '';
let locate: ((frames: readonly { scriptId: string; lineNumber: number; columnNumber: number }[]) => string | undefined) | undefined;

const loaded = (): AnyDomainModule => {
  if (!module) throw new Error('no module loaded in this worker');
  return module;
};

/** Runs `task`, turning a module's fault into its problem (anything else is a bug and is thrown). */
function guarded<T>(task: () => T): WorkerResult<T> {
  try {
    return { ok: true, value: task() };
  } catch (e) {
    if (isModuleFault(e)) return { ok: false, problem: e.problem };
    throw e;
  }
}

async function guardedAsync<T>(task: () => Promise<T>): Promise<WorkerResult<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (e) {
    if (isModuleFault(e)) return { ok: false, problem: e.problem };
    throw e;
  }
}

/**
 * A callback of the other thread, called at most ten times a second (a call `urgent` says must be
 * seen goes at once); `settled()` resolves once the other thread has handled the last call made,
 * so nothing it prints comes after the task's answer.
 */
function forwarded<P>(report: ((p: P) => void) | undefined, urgent: (p: P) => boolean = () => false): (((p: P) => void) & { settled: () => Promise<unknown> }) | undefined {
  if (!report) return undefined;
  let last = 0;
  let pending: unknown;
  const call = (p: P) => {
    const now = performance.now();
    if (now - last < 100 && !urgent(p)) return;
    last = now;
    pending = report(p);
  };
  return Object.assign(call, { settled: () => Promise.resolve(pending) });
}

const api = {
  /** Bundles, evaluates and checks the module; answers its description. */
  async load(request: LoadRequest): Promise<WorkerResult<DomainDescription>> {
    const { file, name, cwd } = request;
    const shown = shownAsTyped(name, cwd);
    let bundle;
    try {
      bundle = await bundleModule(file, shown);
    } catch (e) {
      if (e instanceof BundleError) return { ok: false, problem: { kind: 'load', module: name, message: e.message } };
      throw e;
    }
    sourceHash = bundle.sourceHash;
    const locator = new BundleLocator(bundle, file, shown);
    guard = new CallGuard({ module: name, watch: new CallWatch(request.watch), locator });
    let exports: Record<string, unknown>;
    let dateOf: (ms: number) => Date;
    try {
      ({ exports, dateOf } = evaluateModule(bundle, file, guard));
    } catch (e) {
      const at = locator.frame(stackOf(e));
      return { ok: false, problem: { kind: 'load', module: name, message: `${name}: the module threw while loading: ${errorText(e)}${at ? ` (at ${at})` : ''}` } };
    }
    // an ES module bundled as CommonJS has __esModule; a module that assigned module.exports has not
    if (!Object.hasOwn(exports, 'default'))
      return { ok: false, problem: { kind: 'shape', module: name, member: 'default export', message: `${name}: ${missingDefaultProblem(exports, !Object.hasOwn(exports, '__esModule'))}` } };
    const exported = exports.default;
    const bundleScript = typeof exported === 'object' && exported !== null ? locator.functionLocation(Object.values(exported).find((v) => typeof v === 'function'))?.scriptId : undefined;
    locate = (frames) => locator.firstOwn(frames, bundleScript);
    const id = resolve(file).split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
    try {
      module = domainModule(exports.default, { name, defaultId: id, guard, dateOf });
    } catch (e) {
      if (e instanceof DomainShapeError) return { ok: false, problem: { kind: 'shape', module: name, message: e.message } };
      throw e;
    }
    return { ok: true, value: describeDomain(module) };
  },

  /** Runs a scenario's runs (or the named ones) with the module. */
  async run(scenario: Scenario, options: { runs?: readonly string[]; decisions?: boolean } = {}, onProgress?: (p: RunProgress) => void): Promise<WorkerResult<RunAnswer>> {
    const s = await runServices(options.runs?.length ? scenario.runs.filter((r) => options.runs!.includes(r.name)) : scenario.runs);
    return guarded(() => {
      const result = runScenario(scenario, {
        domain: loaded(),
        ...(options.runs?.length ? { runs: options.runs } : {}),
        trace: options.decisions === true,
        services: s,
        onProgress: forwarded(onProgress),
      });
      return { report: result.report, ...(options.decisions ? { decisions: ruleSide(scenario, result, loaded()).decisions } : {}) };
    });
  },

  /** Decides one input of a scenario against the state before it. */
  dryRun(scenario: Scenario, inputId: string, authorize = false): WorkerResult<DryRunResult> {
    return guarded(() => dryRun(scenario, inputId, { domain: loaded(), authorize }));
  },

  /** One run's event log as export records. */
  exportRun(scenario: Scenario, runName: string): Promise<WorkerResult<RunLog>> {
    return guardedAsync(async () => {
      const { records, setupEvents } = await simulateScenarioRun(scenario, runName, loaded());
      return { records, setupEvents };
    });
  },

  /** Inspects the log file at `file` with the module; answers what `inspect` prints. */
  inspect(file: string, options: WorkerInspectOptions, onProgress?: (p: InspectProgress) => void): Promise<WorkerResult<InspectOutcome>> {
    const { json, ...rest } = options;
    return guardedAsync(async () => inspectOutcome(await inspectLogFile(file, { ...rest, domain: loaded(), hasher: nodeSha256, onProgress: forwarded(onProgress) }), json));
  },

  /** Reads the live source and inspects it with the module; answers what `inspect URL` prints. `stopReading` ends a tail. */
  inspectSource(
    source: SourceUrl,
    read: Omit<ReadOptions, 'signal'>,
    options: WorkerSourceOptions,
    onProgress?: (p: SourceProgress) => void,
    onFinding?: (f: LiveFinding) => void,
  ): Promise<WorkerResult<SourceOutcome>> {
    const stop = (reading = new AbortController());
    const progress = forwarded(onProgress, (p) => p.caughtUp || p.skipped !== undefined);
    const findings = forwarded(onFinding, () => true);
    const { json, ...rest } = options;
    return guardedAsync(async () => {
      // the readers and their clients load only when a source is read
      const { readSourceOutcome } = await import('../cli/sourceOutcome');
      const outcome = await readSourceOutcome(source, { ...read, signal: stop.signal }, { ...rest, domain: loaded(), hasher: nodeSha256, onProgress: progress, onFinding: findings }, json);
      await Promise.all([progress?.settled(), findings?.settled()]);
      return outcome;
    }).finally(() => {
      if (reading === stop) reading = undefined;
    });
  },

  /** Enacts a consumer with the module on a JetStream stream (../cli/enactOutcome); `stopReading` ends it at its next delivery. */
  enact(request: EnactRequest): Promise<WorkerResult<EnactOutcome>> {
    const stop = (reading = new AbortController());
    return guardedAsync(async () => {
      // the broker's client loads only when a consumer is enacted
      const { enactOutcome } = await import('../cli/enactOutcome');
      return enactOutcome(request, loaded(), stop.signal);
    }).finally(() => {
      if (reading === stop) reading = undefined;
    });
  },

  /** The real run (its text) beside the module's simulated run (../cli/compareRealOutcome). */
  compareReal(realText: string, realFile: string, scenario: Scenario, target: RealRunTarget): Promise<WorkerResult<CompareRealOutcome>> {
    return guardedAsync(() => compareRealOutcome(realText, realFile, scenario, target, loaded()));
  },

  /** The loaded module's files' hash (`sha256:…`, the same from any folder): a checkpoint notices a changed module by it. */
  sourceHash(): string {
    return sourceHash;
  },

  /** Ends the read of `inspectSource`, or `enact`, at its next wait, with what was read (Ctrl-C on a tail). */
  stopReading(): void {
    reading?.abort();
  },
};

/** The worker's API, as the thread that started it sees it. */
export type ModuleWorkerApi = typeof api;

// a source read here may be Kafka: its client's harmless negative timer is muted here as in the command line's thread
muteKafkajsNegativeTimeout();

// the watchdog asks, through the inspector, what the module was doing when it stopped answering
Object.assign(globalThis, {
  __purestreamCurrentCall: () => JSON.stringify(guard?.current() ?? null),
  __purestreamLocate: (frames: string) => locate?.(JSON.parse(frames)) ?? '',
});

expose(api, nodeEndpoint(parentPort!));
