/**
 * Naming the call of a module that ran too long, in the app (domain-modules.md, "Safety and
 * purity"). The page cannot pause a Web Worker to ask what it was doing; but runs are
 * deterministic (virtual clock, seeded generator, pure modules), so the N-th call of the module a
 * task makes is the same call when the task is made again in a fresh worker. The task is replayed
 * there with the heartbeat's `stopAt` on that call, which is then not made but stops the task
 * naming its command or event (../../../src/engine/module/callGuard). The replay's own calls are
 * watched, and the whole replay is bounded; when it does not reach the call (a module that is not
 * deterministic, a different failure, too slow) the answer is undefined and the message names the
 * function only. Progress the job asks for is not reported: a replay is not the UI's run.
 */
import { proxy, proxyMarker, type Remote } from 'comlink';
import { CALL_LIMIT_MS, newWatchBuffer, readWatch } from '../../../src/engine/module/callWatch';
import type { ModuleProblem } from '../../../src/engine/module/moduleProblem';
import type { ModuleLoadResult, ModuleWorkerApi } from './module.worker';
import { watching } from './watching';
import { WorkerCancelled, type WorkerHandle } from './workerHandle';

/** A job on a module's worker (what EngineClient's calls hand a ModuleClient). */
export type ModuleJob<R> = (remote: Remote<ModuleWorkerApi>) => Promise<R>;

/** Loads the module in a handle's worker, with `watch` as its heartbeat. */
export type ModuleWorkerStart = (handle: WorkerHandle<ModuleWorkerApi>, watch: SharedArrayBuffer | undefined) => Promise<ModuleLoadResult>;

/** A replay may take as long as the task took to get stuck, twice over, within these bounds. */
const REPLAY_MIN_MS = 10 * CALL_LIMIT_MS;
const REPLAY_MAX_MS = 30_000;

/** What a replay needs. */
export interface StuckCallReplay {
  /** A handle whose worker is not started yet; the caller terminates it afterwards. */
  readonly handle: WorkerHandle<ModuleWorkerApi>;
  readonly start: ModuleWorkerStart;
  readonly job: ModuleJob<unknown>;
  /** Which call of the job ran too long: the heartbeat's call number then, less its number when the job started. */
  readonly offset: number;
  /** How long the job had run when it was stopped. */
  readonly elapsedMs: number;
  /** False once the replay was cancelled (Cancel terminates the handle too). */
  readonly live: () => boolean;
}

/** Replays the job up to its call numbered `offset`: that call's problem, undefined when the replay does not reach it, WorkerCancelled when cancelled meanwhile. */
export async function replayToStuckCall(replay: StuckCallReplay): Promise<ModuleProblem | WorkerCancelled | undefined> {
  const { handle, live } = replay;
  const gaveUp = new Error('the replay did not reach the call');
  let ended = false;
  const giveUp = () => {
    ended = true;
    handle.terminate(gaveUp);
  };
  const budget = setTimeout(giveUp, Math.min(REPLAY_MAX_MS, Math.max(REPLAY_MIN_MS, 2 * replay.elapsedMs)));
  // never starts a worker again once the replay was ended or cancelled
  const call = <R>(fn: ModuleJob<R>): Promise<R> => (!live() ? Promise.reject(new WorkerCancelled()) : ended ? Promise.reject(gaveUp) : handle.call(fn));
  try {
    if (!live()) return new WorkerCancelled();
    const watch = newWatchBuffer();
    const loaded = await replay.start(handle, watch);
    if (!loaded.ok) return undefined;
    await call((api) => api.stopAt(readWatch(watch).seq + replay.offset));
    try {
      await watching(watch, call(silenced(replay.job)), giveUp);
    } catch (e) {
      if (e === gaveUp || e instanceof WorkerCancelled) throw e;
      // the job failed: at the call it was to stop at, or in some other way (stopped tells)
    }
    return await call((api) => api.stopped());
  } catch (e) {
    return e instanceof WorkerCancelled ? e : undefined;
  } finally {
    clearTimeout(budget);
  }
}

/** `job` with every callback it hands the worker (a run's progress) replaced by one that does nothing. */
function silenced<R>(job: ModuleJob<R>): ModuleJob<R> {
  const quiet = (arg: unknown): unknown => ((typeof arg === 'function' || (typeof arg === 'object' && arg !== null)) && (arg as { [proxyMarker]?: boolean })[proxyMarker] ? proxy(() => undefined) : arg);
  return (remote) =>
    job(
      new Proxy(remote, {
        get: (target, key) => {
          const method = Reflect.get(target, key) as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => method(...args.map(quiet));
        },
      }),
    );
}
