/**
 * The engine against SimPy doing the same queueing work (bench/simpy_pool.py), both measured
 * end to end as whole processes: `purestream run` (process start included) and `python3 simpy_pool.py`.
 * SimPy comes from Debian (`apt-get install python3-simpy3`, used with /usr/bin/python3); when it is
 * missing the figure says so instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const name = 'simpy';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function timed(command: string, args: string[]): { ms: number; ok: boolean; stdout: string; stderr: string } {
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: Math.round(performance.now() - started), ok: r.status === 0, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error?.message ?? '') };
}

/** Runs both and returns their wall times and the ratio (target: purestream at least 4x faster). */
export function run(): Record<string, unknown> {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import simpy; print(simpy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skipped: 'SimPy is not installed (apt-get install python3-simpy3)' };
  const purestream = timed(process.execPath, [here('../bin/purestream.mjs'), 'run', here('./scenario-1m-restocks.json'), '--json']);
  const simpy = timed(python, [here('./simpy_pool.py'), '1000000']);
  if (!purestream.ok || !simpy.ok) return { error: `${purestream.stderr.slice(0, 300)} ${simpy.stderr.slice(0, 300)}` };
  const ours = JSON.parse(purestream.stdout).runs[0].metrics;
  const theirs = JSON.parse(simpy.stdout);
  return {
    simpyVersion: probe.stdout.trim(),
    commands: theirs.commands,
    purestreamMs: purestream.ms,
    simpyMs: simpy.ms,
    speedup: Math.round((simpy.ms / purestream.ms) * 10) / 10,
    target: 'purestream at least 4x faster than SimPy',
    sameMakespan: ours.makespanMs === theirs.makespanMs,
    makespanMs: { purestream: ours.makespanMs, simpy: theirs.makespanMs },
  };
}
