/**
 * Engine benchmark: 1,000,000 `RestockItem` commands through a pool of 4 workers, trace off.
 * Reports `runScenario`'s wall time, commands/s and deliveries/s (target: ≥ 1M deliveries/s),
 * the same split into scenario expansion and simulation, and the CLI end to end (process
 * start included) when `purestream run` works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledDomain as domainById } from '../src/engine/module/bundled';
import { runScenario } from '../src/engine/run';
import { expandScenario } from '../src/engine/scenario/expand';
import { parseScenario } from '../src/engine/scenario/parse';
import { runSimulation } from '../src/engine/sim/runSimulation';

const scenarioFile = fileURLToPath(new URL('./scenario-1m-restocks.json', import.meta.url));
const cli = fileURLToPath(new URL('../bin/purestream.mjs', import.meta.url));

export const name = 'engine';

/** Runs the benchmark and returns its numbers. */
export function run(): Record<string, unknown> {
  const parsed = parseScenario(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const scenario = parsed.scenario;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { report } = runScenario(scenario, { trace: false });
  const wallMs = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const m = report.runs[0].metrics;

  // The same work in its two parts: expanding the scenario, then the simulation alone.
  const expandStart = performance.now();
  const { setup, arrivals } = expandScenario(scenario);
  const expandMs = performance.now() - expandStart;
  const simStart = performance.now();
  runSimulation({ decider: domainById(scenario.domain)!, run: scenario.runs[0], seed: scenario.seed, setup, arrivals, trace: false });
  const simulateMs = performance.now() - simStart;

  const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
  return {
    scenario: 'bench/scenario-1m-restocks.json',
    commands: m.commands,
    deliveries: m.deliveries,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    commandsPerSecond: perSecond(m.commands, wallMs),
    deliveriesPerSecond: perSecond(m.deliveries, wallMs),
    expandMs: Math.round(expandMs),
    simulateMs: Math.round(simulateMs),
    simulatedDeliveriesPerSecond: perSecond(m.deliveries, simulateMs),
    cli: cliEndToEnd(),
  };
}

/** Times `node bin/purestream.mjs run <file> --json` as a whole process, or says why it did not run. */
function cliEndToEnd(): Record<string, unknown> {
  if (!existsSync(cli)) return { skipped: 'no bin/purestream.mjs' };
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'run', scenarioFile, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) return { skipped: `purestream run exited ${result.status}: ${(result.stderr || '').trim().split('\n')[0]}` };
  return { command: 'node bin/purestream.mjs run bench/scenario-1m-restocks.json --json', wallMs: Math.round(wallMs) };
}
