import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeSweepCommand } from '../../../../src/cli/commands/sweep';
import { engineRunner } from '../../../../src/cli/executeScenario';
import type { CliIO } from '../../../../src/cli/io';
import { parseSeedRange, parseSweepParam, type SweepParam } from '../../../../src/engine/scenario/sweep';
import { planSweepJobs, runSweep, sweepReport, sweepRows, type JobResult } from '../../../../renderer/lib/sweep/sweepCore';
import { formatCell, rejectedWith, rejectionCodes, sweepMetricsFor } from '../../../../renderer/lib/sweep/sweepMetrics';

const FLASH = 'samples/scenarios/flash-sale.json';

/** What `purestream sweep FILE ARGS --json` prints, parsed. */
async function cliJson(file: string, args: readonly string[]): Promise<unknown> {
  let stdout = '';
  const io: CliIO = { errIsTTY: false, cwd: process.cwd(), out: (t) => void (stdout += t), err: () => undefined };
  expect(await makeSweepCommand(engineRunner)([file, ...args, '--json'], io)).toBe(0);
  return JSON.parse(stdout);
}

const param = (spec: string): SweepParam => parseSweepParam(spec) as SweepParam;

/** The UI's sweep of the same arguments, as a `purestream/sweep@1` document. */
function uiJson(file: string, run: string, params: readonly SweepParam[], seeds?: readonly number[]): unknown {
  const plan = planSweepJobs(JSON.parse(readFileSync(file, 'utf8')), run, params, seeds);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return JSON.parse(JSON.stringify(sweepReport(plan.sweep, runSweep(plan.sweep))));
}

describe('the UI sweep core', () => {
  it('gives exactly the rows the CLI prints for the flash sale\'s "8 workers" over workers 1..16', async () => {
    const cli = await cliJson(FLASH, ['--run', '8 workers', '--param', 'scheduler.workers=1..16']);
    const ui = uiJson(FLASH, '8 workers', [param('scheduler.workers=1..16')]);
    expect(ui).toEqual(cli);
    const rows = (ui as { points: { values: Record<string, number>; violations: number; oversold: number }[] }).points;
    expect(rows).toHaveLength(16);
    expect(rows[0].violations).toBe(0);
    expect(rows.some((r) => r.violations > 0)).toBe(true);
    // the view's headline, units oversold, is in both documents (equal above): none with one worker, some with more
    expect(rows[0].oversold).toBe(0);
    expect(rows.some((r) => r.oversold > 0)).toBe(true);
  });

  it('shows in its table the cells the CLI prints, column for column', async () => {
    let stdout = '';
    const io: CliIO = { errIsTTY: false, cwd: process.cwd(), out: (t) => void (stdout += t), err: () => undefined };
    expect(await makeSweepCommand(engineRunner)([FLASH, '--run', '8 workers', '--param', 'scheduler.workers=1..4'], io)).toBe(0);
    const cli = stdout.split('\n').slice(2, 7).map((l) => l.split(/\s{2,}/));
    const plan = planSweepJobs(JSON.parse(readFileSync(FLASH, 'utf8')), '8 workers', [param('scheduler.workers=1..4')]);
    if (!plan.ok) throw new Error('plan');
    const rows = runSweep(plan.sweep);
    const codes = rejectionCodes(rows);
    // the view's header and cells (SweepView.svelte: the parameter, sweepMetricsFor(rows), a column per rejection code)
    const metrics = sweepMetricsFor(rows);
    const view = [
      ['scheduler.workers', ...metrics.map((m) => m.label), ...codes.map((c) => `rejected: ${c}`)],
      ...rows.map((r) => [formatCell(r.values['scheduler.workers']), ...metrics.map((m) => formatCell(m.value(r))), ...codes.map((c) => formatCell(rejectedWith(r, c)))]),
    ];
    // the CLI names the delivery columns that are 0 in every point under its table, to keep it narrow
    const zero = ['failures', 'retries', 'dead-lettered', 'lost', 'duplicates'];
    const shown = view[0].map((label, i) => (zero.includes(label) ? -1 : i)).filter((i) => i >= 0);
    expect(view.slice(1).every((row) => zero.every((label) => row[view[0].indexOf(label)] === '0'))).toBe(true);
    expect(cli).toEqual(view.map((row) => shown.map((i) => row[i])));
    expect(stdout).toContain(`\n0 in every point: ${zero.join(', ')}\n`);
    expect(view[0]).toEqual(expect.arrayContaining(['stale decisions', 'units oversold', 'cmd p50 ms', 'retries']));
  });

  it('leaves units oversold out, as the CLI does, for a domain with nothing to oversell (profiles)', async () => {
    const GALLERY = 'samples/scenarios/profile-gallery-batch.json';
    const cli = await cliJson(GALLERY, ['--run', '4 workers', '--param', 'scheduler.workers=1..2']);
    const ui = uiJson(GALLERY, '4 workers', [param('scheduler.workers=1..2')]);
    expect(ui).toEqual(cli);
    for (const p of (ui as { points: object[] }).points) expect(p).not.toHaveProperty('oversold');
    const plan = planSweepJobs(JSON.parse(readFileSync(GALLERY, 'utf8')), '4 workers', [param('scheduler.workers=1..2')]);
    if (!plan.ok) throw new Error('plan');
    const labels = sweepMetricsFor(runSweep(plan.sweep)).map((m) => m.label);
    expect(labels).not.toContain('units oversold');
    expect(labels).toEqual(expect.arrayContaining(['violations', 'stale decisions', 'cmd p50 ms']));
  });

  it('averages over seeds and sweeps the seed like the CLI', async () => {
    expect(uiJson(FLASH, '8 workers', [param('serviceMs=5..15:10')], parseSeedRange('1..3') as number[])).toEqual(
      await cliJson(FLASH, ['--run', '8 workers', '--param', 'serviceMs=5..15:10', '--seeds', '1..3']),
    );
    expect(uiJson(FLASH, 'one queue', [param('seed=2..3')])).toEqual(await cliJson(FLASH, ['--run', 'one queue', '--param', 'seed=2..3']));
  });

  it('plans points × seeds jobs, seeds fastest, and names bad paths and values', () => {
    const file = JSON.parse(readFileSync(FLASH, 'utf8'));
    const plan = planSweepJobs(file, '8 workers', [param('scheduler.workers=1..2')], [7, 8]);
    expect(plan.ok && plan.sweep.jobs.map((j) => [j.point, j.scenario.seed, j.scenario.runs[1].scheduler.workers])).toEqual([
      [0, 7, 1],
      [0, 8, 1],
      [1, 7, 2],
      [1, 8, 2],
    ]);
    const bad = planSweepJobs(file, '8 workers', [param('scheduler.workers=0..1')]);
    expect(!bad.ok && bad.errors[0].path).toBe('runs[1].scheduler.workers');
    const nowhere = planSweepJobs(file, '8 workers', [param('consumers[3].failureRate=0..1')]);
    expect(nowhere.ok).toBe(false);
    expect(planSweepJobs(file, 'nope', [param('serviceMs=1..2')]).ok).toBe(false);
    expect(planSweepJobs(file, '8 workers', [param('seed=1..2')], [1]).ok).toBe(false);
  });

  it('makes a row only once every seed of its point has finished', () => {
    const file = JSON.parse(readFileSync(FLASH, 'utf8'));
    const plan = planSweepJobs(file, '8 workers', [param('scheduler.workers=1..2')], [1, 2]);
    if (!plan.ok) throw new Error('plan');
    const r = (accepted: number): JobResult => ({ metrics: { accepted } as never, rejections: { x: accepted }, violations: accepted, oversold: accepted * 2 });
    expect(sweepRows(plan.sweep, [r(1), undefined, r(3), r(5)]).map((row) => [row.values['scheduler.workers'], row.violations, row.rejections.x, row.oversold])).toEqual([[2, 4, 4, 8]]);
  });
});
