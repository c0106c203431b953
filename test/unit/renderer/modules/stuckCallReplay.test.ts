/**
 * Naming a stuck call in the app by replaying its task in a fresh worker up to the same call
 * (renderer/src/worker/stuckCallReplay.ts). The "worker" here is the counter module guarded as in
 * the module worker, served with Comlink over a MessageChannel in this thread.
 */
import { expose, proxy, type Remote } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { CallWatch, newWatchBuffer, readWatch } from '../../../../src/engine/module/callWatch';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { runScenario } from '../../../../src/engine/run';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import type { Scenario } from '../../../../src/engine/types';
import type { ModuleWorkerApi } from '../../../../renderer/src/worker/module.worker';
import { replayToStuckCall, type ModuleJob, type ModuleWorkerStart } from '../../../../renderer/src/worker/stuckCallReplay';
import { WorkerCancelled, WorkerHandle } from '../../../../renderer/src/worker/workerHandle';
import { counterScenario } from '../../modules/moduleFiles';

/** The counter domain as a module's default export; `seen` is told of each decide. */
const counter = (seen: (command: { id: string }) => void = () => undefined) => ({
  decide(command: { id: string; data: { id: string; by: number } }) {
    seen(command);
    return { type: 'accepted', events: [{ type: 'Added', data: command.data }] };
  },
  evolve: (count: { total?: number } | undefined, event: { data: { by: number } }) => ({ total: (count?.total ?? 0) + event.data.by }),
  streamOf: (event: { data: { id: string } }) => `counter:${event.data.id}`,
  partitionKey: (command: { data: { id: string } }) => `counter:${command.data.id}`,
});

const scenario = (() => {
  const parsed = parseScenario(counterScenario('counter.ts'), 'counter', { domain: domainModule(counter()) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario as Scenario;
})();

/** The call number of `commandId`'s decide in a run of the scenario, counted from the run's start (what the watchdog reads when it hangs). */
function callNumberOf(commandId: string): number {
  const heartbeat = newWatchBuffer();
  let at = 0;
  const guard = new CallGuard({ module: 'counter.ts', watch: new CallWatch(heartbeat) });
  runScenario(scenario, { domain: domainModule(counter((command) => void (command.id === commandId && (at = readWatch(heartbeat).seq))), { name: 'counter.ts', guard }) });
  return at;
}

/** What the fake worker serves: the module worker's load, stopAt and stopped, a run with progress, and a call that never ends. */
function fakeModuleWorker() {
  let guard: CallGuard | undefined;
  let watch: CallWatch | undefined;
  let domain: ReturnType<typeof domainModule> | undefined;
  return {
    load(request: { watch?: SharedArrayBuffer }) {
      watch = new CallWatch(request.watch!);
      guard = new CallGuard({ module: 'counter.ts', watch });
      domain = domainModule(counter(), { name: 'counter.ts', guard });
      return { ok: true, value: { description: {}, members: guard.members.map((m) => m?.name ?? '') } };
    },
    stopAt: (seq: number) => watch!.stopAt(seq),
    stopped: () => guard!.stopped,
    run(onProgress: (done: number) => void) {
      void onProgress(1);
      return runScenario(scenario, { domain: domain! }).report.runs.length;
    },
    hang() {
      watch!.enter(1);
      return new Promise(() => undefined);
    },
  };
}
type FakeApi = ReturnType<typeof fakeModuleWorker>;

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A WorkerHandle whose "worker" is the fake, over a MessageChannel. */
function fakeHandle(): WorkerHandle<ModuleWorkerApi> {
  return new WorkerHandle<ModuleWorkerApi>(() => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    expose(fakeModuleWorker(), port2);
    return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  }, 'module');
}

const start: ModuleWorkerStart = (handle, watch) => handle.call((api) => (api as unknown as Remote<FakeApi>).load({ ...(watch ? { watch } : {}) })) as never;
const job =
  <R>(fn: (api: Remote<FakeApi>) => Promise<R>): ModuleJob<unknown> =>
  (remote) =>
    fn(remote as unknown as Remote<FakeApi>);

describe('replaying a task up to the call that ran too long', () => {
  it('reaches the call, which names its command; the progress the job asks for reaches no one', async () => {
    const progress: number[] = [];
    const handle = fakeHandle();
    const problem = await replayToStuckCall({
      handle,
      start,
      job: job((api) => api.run(proxy((done: number) => void progress.push(done)))),
      offset: callNumberOf('c2'),
      elapsedMs: 1_500,
      live: () => true,
    });
    handle.terminate();
    expect(problem).toEqual({ kind: 'timeout', module: 'counter.ts', member: 'decide', subject: 'c2 (Add)', message: 'counter.ts: decide ran for more than 1 second while deciding c2 (Add) and was stopped' });
    expect(progress).toEqual([]);
  });

  it('answers nothing when the job does not reach the call (a module that is not deterministic)', async () => {
    const handle = fakeHandle();
    expect(await replayToStuckCall({ handle, start, job: job((api) => api.run(proxy(() => undefined))), offset: 1_000, elapsedMs: 1_500, live: () => true })).toBeUndefined();
    handle.terminate();
  });

  it('answers nothing when a call of the replay runs past the limit itself', async () => {
    const handle = fakeHandle();
    expect(await replayToStuckCall({ handle, start, job: job((api) => api.hang()), offset: 5, elapsedMs: 1_500, live: () => true })).toBeUndefined();
    handle.terminate();
  });

  it('answers WorkerCancelled when Cancel ends the replay, or ended it before it started', async () => {
    const handle = fakeHandle();
    const replay = replayToStuckCall({ handle, start, job: job((api) => api.hang()), offset: 5, elapsedMs: 1_500, live: () => true });
    setTimeout(() => handle.terminate(), 300);
    expect(await replay).toBeInstanceOf(WorkerCancelled);
    expect(await replayToStuckCall({ handle: fakeHandle(), start, job: job((api) => api.hang()), offset: 5, elapsedMs: 1_500, live: () => false })).toBeInstanceOf(WorkerCancelled);
  });
});
