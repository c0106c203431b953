/**
 * `purestream sweep <scenario.json> --run NAME --param PATH=FROM..TO[:STEP]... [--seeds A..B] [--domain ID|PATH] [--json]`:
 * runs one run over a grid of parameter values (several `--param` make a grid) and prints one
 * row per point, averaged over the seeds when `--seeds` is given. A malformed range, a path
 * that leads nowhere or a value the run does not accept is a usage error (exit 2).
 */
import { parseSeedRange, parseSweepParam, planSweep, type SweepParam } from '../../engine/scenario/sweep';
import { scenarioErrorsText } from '../../engine/scenario/parse';
import { sweepResultOf } from '../../engine/scenario/sweepRows';
import type { RunReport } from '../../engine/types';
import type { DomainInfo } from '../../../domain/kernel';
import { closing, executeScenario, engineRunner, runnerFor, type ScenarioRunner } from '../executeScenario';
import { reportJsonPieces } from '../deliverReport';
import { EXIT, parseArgs, UsageError, writeOut, type CliCommand, type CliIO } from '../io';
import { checkRunNames, loadScenario, scenarioFileOf } from '../loadScenario';
import { sweepPoints, sweepRow, sweepText, type SweepReport, type SweepRow } from '../sweepReport';

const one = <T>(parsed: T | string): T => {
  if (typeof parsed === 'string') throw new UsageError(parsed);
  return parsed;
};

/** `sweep` with an injectable engine (tests pass a fake one). */
export const makeSweepCommand =
  (runner: ScenarioRunner): CliCommand =>
  async (args, io) => {
    const { positionals, flags, options } = parseArgs(args, { flags: ['json'], options: ['run', 'seeds', 'domain'], repeatable: ['param'] });
    const file = scenarioFileOf(positionals, 'sweep');
    const run = options.get('run')?.[0];
    if (run === undefined) throw new UsageError('--run NAME is required: the run to sweep');
    const params = (options.get('param') ?? []).map((p) => one(parseSweepParam(p)));
    if (params.length === 0) throw new UsageError('at least one --param PATH=FROM..TO[:STEP] is required');
    const duplicate = params.find((p, i) => params.findIndex((q) => q.path === p.path) !== i);
    if (duplicate) throw new UsageError(`--param ${duplicate.path} given twice`);
    const seedsOption = options.get('seeds')?.[0];
    if (seedsOption !== undefined && params.some((p) => p.path === 'seed')) throw new UsageError('sweep the seed with --seeds or --param seed=..., not both');
    const loaded = await loadScenario(file, io, options.get('domain')?.[0]);
    const { scenario, text } = loaded;
    const points = await closing(loaded, async () => {
      checkRunNames(scenario, [run], file);
      const seeds = seedsOption === undefined ? undefined : one(parseSeedRange(seedsOption));
      return sweep(JSON.parse(text), file, run, params, seeds, io, runnerFor(loaded.domain, runner), loaded.domain?.info);
    });
    const seeds = seedsOption === undefined ? undefined : one(parseSeedRange(seedsOption));
    const report: SweepReport = {
      format: 'purestream/sweep@1',
      scenario: scenario.name,
      domain: scenario.domain,
      run,
      params: params.map((p) => p.path),
      seeds: seeds ?? [scenario.seed],
      points: sweepPoints(points),
    };
    if (flags.has('json')) await writeOut(io, reportJsonPieces(report));
    else io.out(sweepText(report));
    return EXIT.ok;
  };

async function sweep(file: unknown, fileName: string, run: string, params: readonly SweepParam[], seeds: readonly number[] | undefined, io: CliIO, runner: ScenarioRunner, domain: DomainInfo | undefined): Promise<SweepRow[]> {
  const plan = planSweep(file, run, params, seeds?.length ?? 1, domain);
  if (!plan.ok) throw new UsageError(scenarioErrorsText(plan.errors, fileName).trimEnd());
  const rows: SweepRow[] = [];
  const started = Date.now();
  for (const [k, point] of plan.points.entries()) {
    const reports: RunReport[] = [];
    for (const seed of seeds ?? [point.scenario.seed]) {
      const { report } = await executeScenario({ ...point.scenario, seed }, [run], io, runner, false);
      reports.push(report.runs[0]);
    }
    rows.push(sweepRow(point.values, reports.map(sweepResultOf)));
    if (io.errIsTTY && Date.now() - started > 1000) io.err(`\r\x1b[2Ksweep: ${k + 1}/${plan.points.length} points`);
  }
  if (io.errIsTTY && Date.now() - started > 1000) io.err('\r\x1b[2K');
  return rows;
}

/** `purestream sweep`: one run over a grid of parameter values. */
export const sweepCommand: CliCommand = makeSweepCommand(engineRunner);
