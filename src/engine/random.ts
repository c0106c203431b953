/**
 * The engine's seeded random source (pure-rand's xoroshiro128+). Every draw of a run comes
 * from here, so the same seed replays exactly; `Math.random` is never used.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Duration } from './types';

/** A seeded stream of draws. Mutable on purpose: one per run (or per purpose), never shared. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A generator for `seed`; `stream` derives independent streams from one seed (e.g. per consumer). */
export function seededRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus((seed * 0x9e3779b1 + stream * 0x85ebca6b) | 0);
  const next = () => uniformFloat64(rng);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => p > 0 && (p >= 1 || next() < p),
  };
}

/** Draws one value of a duration: constant, uniform or exponential. */
export function draw(duration: Duration, random: Random): number {
  if (typeof duration === 'number') return duration;
  if (duration.dist === 'uniform') return duration.min + random.next() * (duration.max - duration.min);
  return -Math.log(1 - random.next()) * duration.mean;
}
