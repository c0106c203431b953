/**
 * Runs a scenario for a CLI command: loads sql.js when a selected run has an `sql` consumer,
 * shows progress on stderr when it is a terminal (after about a second), and returns the result.
 */
import type { RunOptions, RunProgress, RunResult } from '../engine/api';
import type { Scenario } from '../engine/types';
import type { ModuleHost } from '../modules/moduleHost';
import type { ChosenDomain } from './domainArgument';
import type { CliIO } from './io';
import { printable } from './printable';
import { runServices } from './simulatedRun';

/** The engine entry point (`runScenario` of src/engine/run.ts); injectable so commands can be tested alone. */
export type ScenarioRunner = (scenario: Scenario, options?: RunOptions) => RunResult | Promise<RunResult>;

/** The runner of a scenario whose domain is a module: the whole run happens in the module's worker. */
export const moduleRunner =
  (host: ModuleHost): ScenarioRunner =>
  async (scenario, options) => ({ report: (await host.run(scenario, { runs: options?.runs ?? [] }, options?.onProgress)).report, traces: [] });

/** The runner for a scenario's domain: its module's worker, else `runner` (the engine in this thread). */
export const runnerFor = (domain: ChosenDomain | undefined, runner: ScenarioRunner): ScenarioRunner => (domain?.host ? moduleRunner(domain.host) : runner);

/** Runs `use` and then closes the scenario's module, if it has one. */
export async function closing<T>(loaded: { readonly domain?: ChosenDomain }, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } finally {
    await loaded.domain?.host?.close();
  }
}

/** The real engine, loaded on first use. */
export const engineRunner: ScenarioRunner = async (scenario, options) => {
  const { runScenario } = await import('../engine/run');
  return runScenario(scenario, options);
};

/** Runs the named runs (all when empty) without traces; progress on stderr only when it is a terminal. */
export async function executeScenario(
  scenario: Scenario,
  runNames: readonly string[],
  io: CliIO,
  runner: ScenarioRunner = engineRunner,
  showProgress = io.errIsTTY,
): Promise<RunResult> {
  const selected = runNames.length ? scenario.runs.filter((r) => runNames.includes(r.name)) : scenario.runs;
  const progress = showProgress ? progressLine(io) : undefined;
  try {
    return await runner(scenario, {
      ...(runNames.length ? { runs: runNames } : {}),
      trace: false,
      services: await runServices(selected),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress?.clear();
  }
}

/** A one-line progress display that appears only once the work has taken about a second. */
function progressLine(io: CliIO): { update: (p: RunProgress) => void; clear: () => void } {
  const started = Date.now();
  let lastShown = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - started < 1000 || now - lastShown < 100) return;
      lastShown = now;
      shown = true;
      const percent = p.total ? Math.floor((100 * p.done) / p.total) : 100;
      io.err(`\r\x1b[2K${printable(p.run, 40)}: ${p.done}/${p.total} arrivals (${percent}%)`);
    },
    clear() {
      if (shown) io.err('\r\x1b[2K');
    },
  };
}
