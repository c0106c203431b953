/**
 * Start-up of the command line: `purestream --version` (the build made ahead of time, as
 * installed) against a bare `node -e 0`, each the median of several runs, and the same command
 * from the TypeScript sources through tsx (the development path). Target: within 150 ms of
 * bare node (goal 50 ms).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const name = 'startup';

const bin = fileURLToPath(new URL('../bin/purestream.mjs', import.meta.url));
const RUNS = 15;

function medianMs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return Math.round([...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
}

/** Runs the benchmark (ms). */
export async function run(): Promise<Record<string, unknown>> {
  const { buildCli } = await import('../scripts/buildCli.mjs');
  await buildCli();
  const bareNodeMs = medianMs(['-e', '0']);
  const versionMs = medianMs([bin, '--version']);
  const helpMs = medianMs([bin, '--help']);
  const fromSourceMs = medianMs([bin, '--version'], { ...process.env, PURESTREAM_FROM_SOURCE: '1' });
  return { runs: RUNS, bareNodeMs, versionMs, helpMs, overBareNodeMs: versionMs - bareNodeMs, targetOverMs: 150, goalOverMs: 50, fromSourceMs, ok: versionMs - bareNodeMs <= 150 };
}
