/**
 * The engine against SimPy doing the same queueing work (bench/simpy_pool.py), both measured
 * end to end as whole processes: `purestream run` (process start included, from the build made
 * ahead of time) and `python3 simpy_pool.py`, rounds alternating, medians, each process's peak
 * memory. Target: purestream's time at most 0.15 of SimPy's (goal 0.10).
 * SimPy comes from Debian (`apt-get install python3-simpy3`, used with /usr/bin/python3); when it is
 * missing the figure says so instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const name = 'simpy';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** A whole process's wall time and peak memory (via /usr/bin/time when there, else unknown). */
function timed(command: string, args: string[]): { ms: number; peakMb?: number; ok: boolean; stdout: string; stderr: string } {
  const started = performance.now();
  const withTime = existsSync('/usr/bin/time');
  const r = withTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Math.round(performance.now() - started);
  const stderr = r.stderr ?? '';
  const kb = withTime ? Number(stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { ms, ...(Number.isFinite(kb) ? { peakMb: Math.round(kb / 1024) } : {}), ok: r.status === 0, stdout: r.stdout ?? '', stderr: stderr + (r.error?.message ?? '') };
}

const ROUNDS = 3;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs both, alternating, and returns their median wall times, peak memory and the ratio. */
export function run(): Record<string, unknown> {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import simpy; print(simpy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skipped: 'SimPy is not installed (apt-get install python3-simpy3)' };
  const ours: ReturnType<typeof timed>[] = [];
  const theirs: ReturnType<typeof timed>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ours.push(timed(process.execPath, [here('../bin/purestream.mjs'), 'run', here('./scenario-1m-restocks.json'), '--json']));
    theirs.push(timed(python, [here('./simpy_pool.py'), '1000000']));
    if (!ours[i].ok || !theirs[i].ok) return { error: `${ours[i].stderr.slice(0, 300)} ${theirs[i].stderr.slice(0, 300)}` };
  }
  const metrics = JSON.parse(ours[0].stdout).runs[0].metrics;
  const simpy = JSON.parse(theirs[0].stdout);
  const purestreamMs = median(ours.map((r) => r.ms));
  const simpyMs = median(theirs.map((r) => r.ms));
  const ratio = Math.round((purestreamMs / simpyMs) * 100) / 100;
  return {
    simpyVersion: probe.stdout.trim(),
    commands: simpy.commands,
    purestreamMs,
    simpyMs,
    rounds: ours.map((r, i) => ({ purestreamMs: r.ms, simpyMs: theirs[i].ms, ratio: Math.round((r.ms / theirs[i].ms) * 100) / 100 })),
    ratio,
    target: 0.15,
    goal: 0.1,
    peakMb: { purestream: ours[0].peakMb, simpy: theirs[0].peakMb },
    sameMakespan: metrics.makespanMs === simpy.makespanMs,
    makespanMs: { purestream: metrics.makespanMs, simpy: simpy.makespanMs },
    ok: ratio <= 0.15,
  };
}
