/** A sweep worker: runs one sweep job at a time in the engine and posts back its metrics. */
import { runSweepJob } from '../../lib/sweep/sweepCore';
import type { SweepJobMessage, SweepJobReply } from '../../lib/sweep/workerPool';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<unknown> | undefined;

/** sql.js, loaded only when the swept run has a `sql` consumer. */
async function servicesFor(message: SweepJobMessage): Promise<EngineServices> {
  const run = message.job.scenario.runs.find((r) => r.name === message.job.run);
  if (!run?.consumers.some((c) => c.interpreter === 'sql')) return {};
  sqlJs ??= import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }));
  return { sqlJs: await sqlJs };
}

const reply = (message: SweepJobReply): void => postMessage(message);

onmessage = (event: MessageEvent<SweepJobMessage>) => {
  const { job } = event.data;
  servicesFor(event.data)
    .then((services) => reply({ index: job.index, result: runSweepJob(job, services) }))
    .catch((e: unknown) => reply({ index: job.index, error: e instanceof Error ? e.message : String(e) }));
};
