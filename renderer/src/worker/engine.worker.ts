/**
 * The engine in a Web Worker: dry runs and runs happen here so the UI never freezes.
 * Cancel terminates the worker (a synchronous run cannot read messages while it works).
 */
import { dryRun, expandScenario, runScenario } from '../../../src/engine';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import type { Scenario } from '../../../src/engine/types';
import type { EngineReply, EngineRequest } from './protocol';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<unknown> | undefined;

/** sql.js, loaded only when a run has a `sql` consumer (the wasm is a separate file). */
async function servicesFor(scenario: Scenario): Promise<EngineServices> {
  if (!scenario.runs.some((r) => r.consumers.some((c) => c.interpreter === 'sql'))) return {};
  sqlJs ??= import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }));
  return { sqlJs: await sqlJs };
}

const reply = (message: EngineReply): void => postMessage(message);

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
      let lastShown = -1;
      const result = runScenario(request.scenario, {
        ...(request.runs ? { runs: request.runs } : {}),
        trace: true,
        services: await servicesFor(request.scenario),
        onProgress: (progress) => {
          const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 100);
          if (percent !== lastShown || progress.done === progress.total) {
            lastShown = percent;
            reply({ id: request.id, type: 'progress', progress });
          }
        },
      });
      reply({ id: request.id, type: 'run', result });
      return;
    }
  }
}

onmessage = (event: MessageEvent<EngineRequest>) => {
  handle(event.data).catch((e: unknown) => reply({ id: event.data.id, type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
