/**
 * The engine in a Web Worker: dry runs and runs happen here so the UI never freezes.
 * Cancel terminates the worker (a synchronous run cannot read messages while it works).
 * A big result (more arrivals than the request's `keepAbove`) stays here: the UI gets a
 * bounded summary and reads pages and history states on demand (see ./bigRun).
 */
import { dryRun, expandScenario, runScenario } from '../../../src/engine';
import type { RunResult } from '../../../src/engine/api';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import type { Scenario } from '../../../src/engine/types';
import type { CommandEnvelope } from '../../../domain/kernel';
import { commandIndex } from '../../lib/graph/commandIndex';
import { TimelineIndex } from '../../lib/timeline/timelineWindow';
import { HistoryCursor, pageOf, summarize } from './bigRun';
import type { EngineReply, EngineRequest } from './protocol';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<unknown> | undefined;
/** The full result of the latest big run (and its scenario), one history cursor and one timeline index per run. */
let kept:
  | { readonly result: RunResult; readonly scenario: Scenario; readonly cursors: Map<number, HistoryCursor>; readonly timelines: Map<number, TimelineIndex>; commands?: ReadonlyMap<string, CommandEnvelope> }
  | undefined;

/** sql.js, loaded only when a run has a `sql` consumer (the wasm is a separate file). */
async function servicesFor(scenario: Scenario): Promise<EngineServices> {
  if (!scenario.runs.some((r) => r.consumers.some((c) => c.interpreter === 'sql'))) return {};
  sqlJs ??= import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }));
  return { sqlJs: await sqlJs };
}

const reply = (message: EngineReply): void => postMessage(message);

/** The trace of run `run` of the kept result. */
function keptTrace(run: number) {
  const trace = kept?.result.traces[run];
  if (!trace) throw new Error(kept ? `no run #${run} in the kept result` : 'no big result is kept (run the scenario again)');
  return trace;
}

async function handle(request: EngineRequest): Promise<void> {
  switch (request.type) {
    case 'dryRun': {
      const arrival = expandScenario(request.scenario).arrivals.find((a) => a.order === request.arrivalOrder);
      if (!arrival) throw new Error(`no arrival #${request.arrivalOrder} in the scenario`);
      const authorize = request.scenario.runs[0]?.authorize === true;
      reply({ id: request.id, type: 'dryRun', inputId: arrival.input.id, result: dryRun(request.scenario, arrival.input.id, { authorize }) });
      return;
    }
    case 'run': {
      kept = undefined;
      let lastShown = -1;
      let arrivals = 0;
      const result = runScenario(request.scenario, {
        ...(request.runs ? { runs: request.runs } : {}),
        trace: true,
        services: await servicesFor(request.scenario),
        onProgress: (progress) => {
          arrivals = Math.max(arrivals, progress.total);
          const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
          if (percent !== lastShown || progress.done === progress.total) {
            lastShown = percent;
            reply({ id: request.id, type: 'progress', progress });
          }
        },
      });
      if (request.keepAbove === undefined || arrivals <= request.keepAbove) return reply({ id: request.id, type: 'run', result });
      kept = { result, scenario: request.scenario, cursors: new Map(), timelines: new Map() };
      const summary = summarize(result, arrivals);
      reply({ id: request.id, type: 'run', result: summary.result, big: summary.big });
      return;
    }
    case 'historyState': {
      const trace = keptTrace(request.run);
      let cursor = kept!.cursors.get(request.run);
      if (!cursor) kept!.cursors.set(request.run, (cursor = new HistoryCursor(trace)));
      reply({ id: request.id, type: 'historyState', state: cursor.at(request.step, request.maxStreams) });
      return;
    }
    case 'logPage':
      return reply({ id: request.id, type: 'logPage', page: pageOf(keptTrace(request.run).log, request.offset, request.limit) });
    case 'decisionPage':
      return reply({ id: request.id, type: 'decisionPage', page: pageOf(keptTrace(request.run).decisions, request.offset, request.limit) });
    case 'historyPage':
      return reply({ id: request.id, type: 'historyPage', page: pageOf(keptTrace(request.run).history, request.offset, request.limit) });
    case 'timelineWindow': {
      const trace = keptTrace(request.run);
      let index = kept!.timelines.get(request.run);
      if (!index) kept!.timelines.set(request.run, (index = new TimelineIndex(trace, kept!.scenario.runs.find((r) => r.name === trace.run)?.consumers ?? [])));
      return reply({ id: request.id, type: 'timelineWindow', frame: index.frame, window: index.window({ from: request.from, to: request.to }, request.max) });
    }
    case 'commands': {
      if (!kept) throw new Error('no big result is kept (run the scenario again)');
      const index = (kept.commands ??= commandIndex(expandScenario(kept.scenario)));
      return reply({ id: request.id, type: 'commands', commands: request.ids.flatMap((id) => index.get(id) ?? []) });
    }
    case 'stepOfSeq':
      return reply({ id: request.id, type: 'stepOfSeq', step: keptTrace(request.run).history.findIndex((h) => h.eventSeq === request.seq) });
  }
}

onmessage = (event: MessageEvent<EngineRequest>) => {
  handle(event.data).catch((e: unknown) => reply({ id: event.data.id, type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
