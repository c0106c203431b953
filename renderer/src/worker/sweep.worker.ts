/** A sweep worker (Comlink): runs one sweep job at a time in the engine and returns its metrics. */
import { expose } from 'comlink';
import { runSweepJob, type JobResult, type SweepJob } from '../../lib/sweep/sweepCore';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let sqlJs: Promise<unknown> | undefined;

/** sql.js, loaded only when the swept run has a `sql` consumer. */
async function servicesFor(job: SweepJob): Promise<EngineServices> {
  const run = job.scenario.runs.find((r) => r.name === job.run);
  if (!run?.consumers.some((c) => c.interpreter === 'sql')) return {};
  sqlJs ??= import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }));
  return { sqlJs: await sqlJs };
}

/** What a sweep worker serves. */
const sweepApi = {
  /** Runs one job. */
  async run(job: SweepJob): Promise<JobResult> {
    return runSweepJob(job, await servicesFor(job));
  },
};

/** The sweep worker's API. */
export type SweepApi = typeof sweepApi;

expose(sweepApi);
