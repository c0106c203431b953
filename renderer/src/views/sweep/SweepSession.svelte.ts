/** A parameter sweep of the open scenario: the form, the jobs on the worker pool, progress, rows and Cancel. */
import type { DomainInfo } from '../../../../domain/kernel';
import type { InputError, Scenario } from '../../../../src/engine/types';
import { parseSeedRange, parseSweepParam } from '../../../../src/engine/scenario/sweep';
import { planSweepJobs, sweepReport, sweepRows, type JobResult, type SweepJobs, type SweepReport, type SweepRow } from '../../../lib/sweep/sweepCore';
import { defaultRun, followRun, runName } from '../../../lib/sweep/chosenRun';
import { defaultMetrics } from '../../../lib/sweep/defaultMetrics';
import { paramChoices, rangeSpec } from '../../../lib/sweep/paramChoices';
import { boundCheck, seedsSwept, sweepCliArgs, sweepFormProblems, type BoundCheck, type SweepFieldProblems } from '../../../lib/sweep/sweepFormProblems';
import { seedNote } from '../../../lib/sweep/seedNote';
import { poolSize, runOnPool, SweepCancelled, type JobRunner, type PoolRun } from '../../../lib/sweep/workerPool';
import type { EngineApi } from '../../worker/engineApi';
import type { EngineCaller } from '../../worker/moduleClient';

/**
 * Where a sweep's points run: the domain the scenario validates against (a loaded module's
 * description; undefined for a bundled domain) and a new engine worker for each runner of the
 * pool (../../worker/engineClient.ts, `freshWorker`: a worker of the module for a module's scenario).
 */
export interface SweepEngine {
  readonly domain?: DomainInfo;
  /** The scenario swept, as parsed: kept as the results' `scenario`, to tell when the open one was edited since (lib/resultFreshness.ts). */
  readonly scenario?: Scenario;
  readonly worker: () => EngineCaller<EngineApi>;
}

/** An engine worker as the pool's runner: each job is one `sweepJob` call (the same API in a bundled domains' and a module's worker). */
const jobRunner = (worker: EngineCaller<EngineApi>): JobRunner => ({ run: (job) => worker.call((api) => api.sweepJob(job)), terminate: () => worker.terminate() });

/** Where a sweep stands. */
export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The form's fields; a cleared number field reads as null. */
export interface SweepForm {
  run: string;
  path: string;
  from: number | null;
  to: number | null;
  step: number | null;
  seeds: boolean;
  seedFrom: number | null;
  seedTo: number | null;
}

/** A sweep's plan, each job's result (by job index) and the scenario it swept, when known. */
interface SweepRun {
  readonly sweep: SweepJobs;
  readonly results: readonly (JobResult | undefined)[];
  readonly scenario?: Scenario;
}

/** The scenario's runs as written. */
const runsOf = (raw: Readonly<Record<string, unknown>>): Record<string, unknown>[] => (Array.isArray(raw.runs) ? raw.runs : []) as Record<string, unknown>[];

/** The sweep state; one for the app, kept while the user visits other views. */
export class SweepSession {
  /** The document generation the form and results belong to. */
  generation = $state.raw(-1);
  form = $state<SweepForm>({ run: '', path: 'scheduler.workers', from: 1, to: 16, step: 1, seeds: false, seedFrom: 1, seedTo: 10 });
  /** The place in the scenario's runs of the run the form names (`form.run`): what the Run list shows and the parameters come from, as names may clash while a run is renamed. */
  runIndex = $state.raw(0);
  /** How many runs the scenario had when the run was last chosen or followed (a rename keeps it; see followRun). */
  private runCount = 0;
  /** The metrics the user picked to plot; undefined until they pick, when the domain's defaults are plotted (`metrics`). */
  picked = $state.raw<readonly string[] | undefined>(undefined);
  status = $state.raw<SweepStatus>('idle');
  errors = $state.raw<readonly InputError[]>([]);
  error = $state.raw<string | undefined>(undefined);
  sweep = $state.raw<SweepJobs | undefined>(undefined);
  /** The scenario the sweep on screen swept, when known. */
  scenario = $state.raw<Scenario | undefined>(undefined);
  finished = $state.raw(0);
  workers = $state.raw(0);
  private results: (JobResult | undefined)[] = [];
  private pool: PoolRun | undefined;
  /** The open scenario's verdict on a bound of the range (undefined while it has problems of its own): see checkBounds. */
  private bounds = $state.raw<BoundCheck | undefined>(undefined);
  /** The last sweep that finished, while another one runs (shown until that one is done) or after that one was cancelled or failed (offered back). */
  last = $state.raw<SweepRun | undefined>(undefined);

  /** The rows of the points finished so far, in point order. */
  readonly rows: readonly SweepRow[] = $derived.by(() => {
    void this.finished;
    return this.sweep ? sweepRows(this.sweep, this.results) : [];
  });

  /** Whether the results on screen are the last finished sweep's: a new one is running. */
  readonly showingLast: boolean = $derived(this.status === 'running' && this.last !== undefined);
  /** The sweep whose results are on screen, and its rows: the last finished one's while a new one runs, else the current one's. */
  readonly shownSweep: SweepJobs | undefined = $derived(this.showingLast ? this.last!.sweep : this.sweep);
  readonly shownRows: readonly SweepRow[] = $derived(this.showingLast ? sweepRows(this.last!.sweep, this.last!.results) : this.rows);
  /** The scenario the sweep on screen swept, when known. */
  readonly shownScenario: Scenario | undefined = $derived(this.showingLast ? this.last!.scenario : this.scenario);
  /** What to say of the shown sweep's seeds when none of them can change its numbers (seedNote). */
  readonly seedNote: string | undefined = $derived(this.shownSweep ? seedNote(this.shownSweep) : undefined);

  /** What is wrong with the range fields, field by field, as the user types (a bound the run refuses included). */
  readonly problems: SweepFieldProblems = $derived(sweepFormProblems(this.form, this.bounds));

  /** Whether the form can run: no field has a problem. */
  readonly runnable: boolean = $derived(Object.keys(this.problems).length === 0);

  /** The sweep on screen as the CLI's `--json` document. */
  get report(): SweepReport | undefined {
    return this.shownSweep ? sweepReport(this.shownSweep, this.shownRows) : undefined;
  }

  /**
   * Checks the range's bounds against `raw`, the open scenario as written (`domain` as the sweep's),
   * as the user types; `sound`: the scenario has no problems of its own (else no bound is blamed for them).
   */
  checkBounds(raw: Readonly<Record<string, unknown>>, sound: boolean, domain?: DomainInfo): void {
    this.bounds = sound ? boundCheck(raw, domain) : undefined;
  }

  /** Brings the last finished sweep back on screen (after a sweep was cancelled or failed). */
  showLast(): void {
    const last = this.last;
    if (!last || this.status === 'running') return;
    this.sweep = last.sweep;
    this.results = [...last.results];
    this.scenario = last.scenario;
    this.finished = last.results.filter(Boolean).length;
    this.status = 'done';
    this.errors = [];
    this.error = undefined;
    this.last = undefined;
  }

  /** Sets the form up for a newly opened scenario: its first pool (else a run with workers), workers 1..16 (one queue: its first parameter). */
  adopt(raw: Readonly<Record<string, unknown>>, generation: number): void {
    if (generation === this.generation) return;
    this.cancel();
    this.generation = generation;
    const runs = runsOf(raw);
    const chosen = defaultRun(runs);
    this.runIndex = chosen.index;
    this.runCount = chosen.count;
    this.form.run = chosen.name;
    this.choose(paramChoices(runs[chosen.index])[0].path, runs[chosen.index]);
    this.form.seeds = false;
    this.picked = undefined;
    this.status = 'idle';
    this.scenario = undefined;
    this.sweep = undefined;
    this.last = undefined;
    this.results = [];
    this.finished = 0;
    this.errors = [];
  }

  /** Keeps the form on its run as the scenario's runs are edited (followRun: through a rename, or a removal before it), and on a parameter that run has. */
  follow(raw: Readonly<Record<string, unknown>>): void {
    const runs = runsOf(raw);
    const chosen = followRun(runs, { index: this.runIndex, name: this.form.run, count: this.runCount });
    this.runCount = chosen.count;
    if (chosen.index !== this.runIndex) this.runIndex = chosen.index;
    if (chosen.name !== this.form.run) this.form.run = chosen.name;
    this.keepParameter(runs[chosen.index]);
  }

  /** Picks the run at `index` of the scenario's runs; the parameter stays when that run has it, else its first. */
  pickRun(index: number, raw: Readonly<Record<string, unknown>>): void {
    const runs = runsOf(raw);
    const run = runs[index];
    this.runIndex = index;
    this.runCount = runs.length;
    this.form.run = runName(run);
    this.keepParameter(run);
  }

  private keepParameter(run: unknown): void {
    const choices = paramChoices(run);
    if (!choices.some((c) => c.path === this.form.path)) this.choose(choices[0].path, run);
  }

  /** Picks a parameter and its starting range. */
  choose(path: string, run: unknown): void {
    const choice = paramChoices(run).find((c) => c.path === path);
    this.form.path = path;
    if (choice) Object.assign(this.form, { from: choice.from, to: choice.to, step: choice.step });
  }

  /** The CLI arguments the form stands for (for the equivalent command line); undefined while a field has a problem (the one check, {@link problems}). */
  get cliArgs(): string | undefined {
    return sweepCliArgs(this.form, this.problems);
  }

  /** Plans the sweep of `raw` (the scenario as written) and runs it on a pool of `engine`'s workers, at most one per core. */
  async start(raw: Readonly<Record<string, unknown>>, cores: number | undefined, engine: SweepEngine): Promise<void> {
    // a field with a problem is shown beside it; the previous results stay
    if (!this.runnable) return;
    this.cancel();
    const f = this.form;
    const param = parseSweepParam(rangeSpec(f.path, f.from!, f.to!, f.step!));
    const seeds = seedsSwept(f) ? parseSeedRange(`${f.seedFrom}..${f.seedTo}`) : undefined;
    const problems: InputError[] = [];
    if (typeof param === 'string') problems.push({ path: 'range', message: param });
    if (typeof seeds === 'string') problems.push({ path: 'seeds', message: seeds });
    const plan = problems.length || typeof param === 'string' || typeof seeds === 'string' ? undefined : planSweepJobs(raw, f.run, [param], seeds, engine.domain);
    if (!plan?.ok) {
      // the scenario refuses a point (workers 0, say): say so, and keep the previous results on screen
      this.errors = plan ? plan.errors : problems;
      this.status = 'error';
      this.error = undefined;
      return;
    }
    this.errors = [];
    this.error = undefined;
    // a finished sweep stays on screen until this one is done (after a cancelled one, the last that finished)
    if (this.sweep && this.finished === this.sweep.jobs.length) this.last = { sweep: this.sweep, results: this.results, ...(this.scenario ? { scenario: this.scenario } : {}) };
    this.sweep = plan.sweep;
    this.scenario = engine.scenario;
    this.results = new Array(plan.sweep.jobs.length);
    this.finished = 0;
    this.status = 'running';
    this.workers = poolSize(cores, plan.sweep.jobs.length);
    const pool = runOnPool(plan.sweep.jobs, this.workers, () => jobRunner(engine.worker()), (index, result) => {
      this.results[index] = result;
      this.finished++;
    });
    this.pool = pool;
    try {
      await pool.done;
      if (this.pool === pool) {
        this.status = 'done';
        this.last = undefined;
      }
    } catch (e) {
      if (this.pool !== pool) return;
      if (e instanceof SweepCancelled) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    }
  }

  /** Stops a sweep in progress; the points finished so far stay. */
  cancel(): void {
    if (this.status === 'running') this.pool?.cancel();
  }

  /** The metrics plotted for a domain with these invariants: the user's picks, else defaultMetrics. */
  metrics(invariants: readonly unknown[]): readonly string[] {
    return this.picked ?? defaultMetrics(invariants);
  }

  /** Shows or hides a metric's chart, starting from what is plotted for a domain with these invariants. */
  toggleMetric(id: string, on: boolean, invariants: readonly unknown[]): void {
    const now = this.metrics(invariants).filter((m) => m !== id);
    this.picked = on ? [...now, id] : now;
  }
}

/** The app's sweep session (module state, so a sweep keeps running while other views are shown). */
export const sweepSession = new SweepSession();
