/**
 * The UI's sweep core, the same as `purestream sweep`: the engine's planner turns the scenario
 * file and a parameter range into validated variants; every (point, seed) is one job the engine
 * runs alone (in a worker); the jobs' results average into one row per point exactly as the CLI
 * averages them (`purestream/sweep@1`). A scenario whose domain is a module plans against the
 * module's description and runs with the module (in its worker, ../../src/worker/engineApi.ts),
 * as the CLI's sweep does. Pure, apart from running the engine.
 */
import type { AnyDomainModule, DomainInfo } from '../../../domain/kernel';
import { planSweep, type SweepParam, type SweepPoint } from '../../../src/engine/scenario/sweep';
import { runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import type { InputError, Scenario } from '../../../src/engine/types';
import { sweepPoints, sweepResultOf, sweepRow, type SweepReport, type SweepResult, type SweepRow } from '../../../src/engine/scenario/sweepRows';

/** What a job keeps of its run's report (the CLI's result of one run, units oversold included where the domain counts units). */
export type JobResult = SweepResult;
export type { SweepReport, SweepRow };
export { sweepRow };

/** One engine run of a sweep: a point's scenario variant under one seed. */
export interface SweepJob {
  readonly index: number;
  readonly point: number;
  readonly run: string;
  readonly scenario: Scenario;
}

/** A planned sweep: its points and jobs (points × seeds, seeds varying fastest). */
export interface SweepJobs {
  readonly run: string;
  readonly params: readonly string[];
  readonly seeds: readonly number[];
  readonly points: readonly SweepPoint[];
  readonly jobs: readonly SweepJob[];
}

/**
 * Plans the jobs of a sweep of `run` in the scenario file `file` (JSON value); errors name their
 * paths. `domain`: the loaded module's description when the file's `domain` names a module
 * (undefined: a bundled domain, as the file names it).
 */
export function planSweepJobs(
  file: unknown,
  run: string,
  params: readonly SweepParam[],
  seeds?: readonly number[],
  domain?: DomainInfo,
): { ok: true; sweep: SweepJobs } | { ok: false; errors: readonly InputError[] } {
  if (seeds !== undefined && params.some((p) => p.path === 'seed')) return { ok: false, errors: [{ path: 'seed', message: 'sweep the seed as the parameter or over seeds A..B, not both' }] };
  const plan = planSweep(file, run, params, seeds?.length ?? 1, domain);
  if (!plan.ok) return plan;
  const jobs: SweepJob[] = [];
  for (const [point, p] of plan.points.entries())
    for (const seed of seeds ?? [p.scenario.seed]) jobs.push({ index: jobs.length, point, run, scenario: { ...p.scenario, seed } });
  // The file's own seed (a swept `seed` parameter changes the variants', not the file's).
  const fileSeed = plan.points[0] && (params.some((p) => p.path === 'seed') ? parseScenario(file, undefined, domain ? { domain } : {}) : { ok: true as const, scenario: plan.points[0].scenario });
  const baseSeed = fileSeed?.ok ? [fileSeed.scenario.seed] : [];
  return { ok: true, sweep: { run, params: params.map((p) => p.path), seeds: seeds ?? baseSeed, points: plan.points, jobs } };
}

/** Runs one job in the engine (no trace, only its run); `services` carries sql.js when a consumer needs it; `domain`: the loaded module the scenario runs with (undefined: its bundled domain). */
export function runSweepJob(job: SweepJob, services: EngineServices = {}, domain?: AnyDomainModule): JobResult {
  const report = runScenario(job.scenario, { runs: [job.run], trace: false, services, ...(domain ? { domain } : {}) }).report.runs[0];
  return sweepResultOf(report);
}

/** The rows of every point whose jobs have all finished, in point order; `results` is indexed by job. */
export function sweepRows(sweep: SweepJobs, results: readonly (JobResult | undefined)[]): SweepRow[] {
  const perPoint = sweep.points.map((): JobResult[] => []);
  for (const job of sweep.jobs) {
    const r = results[job.index];
    if (r) perPoint[job.point].push(r);
  }
  const perSeed = sweep.jobs.length / Math.max(1, sweep.points.length);
  return sweep.points.flatMap((p, i) => (perPoint[i].length === perSeed ? [sweepRow(p.values, perPoint[i])] : []));
}

/** The sweep as the CLI's JSON document. */
export function sweepReport(sweep: SweepJobs, rows: readonly SweepRow[]): SweepReport {
  const base = sweep.points[0]?.scenario;
  return { format: 'purestream/sweep@1', scenario: base?.name ?? '', domain: base?.domain ?? '', run: sweep.run, params: sweep.params, seeds: sweep.seeds, points: sweepPoints(rows) };
}

/** Runs a whole sweep here, job after job (what the workers do in parallel); for tests and small sweeps. */
export function runSweep(sweep: SweepJobs, services?: EngineServices, domain?: AnyDomainModule): SweepRow[] {
  return sweepRows(sweep, sweep.jobs.map((job) => runSweepJob(job, services, domain)));
}
