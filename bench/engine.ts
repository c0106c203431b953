/**
 * Engine benchmark: 1,000,000 `RestockItem` commands through a pool of 4 workers, trace off.
 * Reports wall time, commands/s and deliveries/s (target: ≥ 1M deliveries/s), and the CLI end
 * to end (process start included) when `purestream run` works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../src/engine/scenario/parse';
import { runScenario } from '../src/engine/run';

const scenarioFile = fileURLToPath(new URL('./scenario-1m-restocks.json', import.meta.url));
const cli = fileURLToPath(new URL('../bin/purestream.mjs', import.meta.url));

export const name = 'engine';

/** Runs the benchmark and returns its numbers. */
export function run(): Record<string, unknown> {
  const parsed = parseScenario(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { report } = runScenario(parsed.scenario, { trace: false });
  const wallMs = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const m = report.runs[0].metrics;
  return {
    scenario: 'scenario-1m-restocks.json',
    commands: m.commands,
    deliveries: m.deliveries,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    commandsPerSecond: Math.round(m.commands / (wallMs / 1000)),
    deliveriesPerSecond: Math.round(m.deliveries / (wallMs / 1000)),
    note: 'wall time includes expanding the scenario (1M arrivals); cpuMs is user CPU time of the same span',
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
