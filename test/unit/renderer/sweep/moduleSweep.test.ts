/**
 * A sweep of a scenario whose domain is a module: planned against the module's description and
 * run, point by point, by the engine API with the module as its domain (what a module's worker
 * serves the Sweep view) — the same rows as `purestream sweep` prints for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { makeSweepCommand } from '../../../../src/cli/commands/sweep';
import { engineRunner } from '../../../../src/cli/executeScenario';
import type { CliIO } from '../../../../src/cli/io';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { parseSweepParam, type SweepParam } from '../../../../src/engine/scenario/sweep';
import { planSweepJobs, runSweep, sweepReport, sweepRows, type SweepJobs } from '../../../../renderer/lib/sweep/sweepCore';
import { engineApi } from '../../../../renderer/src/worker/engineApi';
import bank from '../../../../samples/domains/bank';

const BANK = 'samples/domains/bank.scenario.json';
const file = JSON.parse(readFileSync(BANK, 'utf8')) as Record<string, unknown>;
const workers = parseSweepParam('scheduler.workers=1..4') as SweepParam;
const noSql = () => Promise.reject(new Error('no sql.js here'));

/** The bank as a module's worker holds it: guarded, named by its file. */
const bankModule = (rules: object = bank): AnyDomainModule => domainModule(rules, { name: 'bank.ts', defaultId: 'bank', guard: new CallGuard({ module: 'bank.ts' }) });

function planned(domain = bankModule()): SweepJobs {
  const plan = planSweepJobs(file, '4 workers', [workers], undefined, domain);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.sweep;
}

describe("a sweep of a module's scenario", () => {
  it('is refused without the module (it has to be loaded first), and planned against its description', () => {
    const without = planSweepJobs(file, '4 workers', [workers]);
    expect(!without.ok && without.errors[0].message).toMatch(/^"\.\/bank\.ts" names a domain module, which has to be loaded first/);
    const sweep = planned();
    expect(sweep.jobs.map((j) => [j.scenario.domain, j.scenario.runs[1].scheduler.workers])).toEqual([
      ['bank', 1],
      ['bank', 2],
      ['bank', 3],
      ['bank', 4],
    ]);
  });

  it("runs its points in the engine API with the module (a module's worker) and gives the rows `purestream sweep --json` prints", async () => {
    let stdout = '';
    const io: CliIO = { errIsTTY: false, cwd: process.cwd(), out: (t) => void (stdout += t), err: () => undefined };
    expect(await makeSweepCommand(engineRunner)([BANK, '--run', '4 workers', '--param', 'scheduler.workers=1..4', '--json'], io)).toBe(0);
    const cli = JSON.parse(stdout);

    const domain = bankModule();
    const api = engineApi(() => domain, noSql);
    const sweep = planned(domain);
    const results = await Promise.all(sweep.jobs.map((job) => api.sweepJob(job)));
    const ui = JSON.parse(JSON.stringify(sweepReport(sweep, sweepRows(sweep, results))));
    expect(ui).toEqual(cli);
    expect(runSweep(sweep, undefined, domain)).toEqual(sweepRows(sweep, results));
    // the lesson: one worker keeps within the overdraft limit; more read stale balances and overdraw
    const violations = ui.points.map((p: { violations: number }) => p.violations);
    expect(violations[0]).toBe(0);
    expect(violations.slice(1).every((v: number) => v > 0)).toBe(true);
  });

  it('loads sql.js only for a swept run with a sql consumer, not for another run of the scenario that has one', async () => {
    const domain = bankModule();
    let loads = 0;
    const api = engineApi(() => domain, () => ((loads += 1), noSql()));
    const job = planned(domain).jobs[0];
    const swept = job.scenario.runs.find((r) => r.name === job.run)!;
    const tables = { ...swept, name: 'with tables', consumers: [{ ...swept.consumers[0], name: 'tables', interpreter: 'sql' }] };
    await api.sweepJob({ ...job, scenario: { ...job.scenario, runs: [...job.scenario.runs, tables] } });
    expect(loads).toBe(0);
    await expect(api.sweepJob({ ...job, run: 'with tables', scenario: { ...job.scenario, runs: [...job.scenario.runs, tables] } })).rejects.toThrow('no sql.js here');
    expect(loads).toBe(1);
  });

  it("stops at a module's fault with the module's one-line message", async () => {
    const broken = bankModule({
      ...(bank as object),
      decide() {
        throw new Error('the vault is shut');
      },
    });
    const api = engineApi(() => broken, noSql);
    await expect(api.sweepJob(planned(broken).jobs[0])).rejects.toThrow(/^bank\.ts: decide threw .*the vault is shut/);
  });
});
