/** Validation of a duration: ms in [0, MAX_TIME_MS], or a seeded `uniform` / `exponential` distribution within the same bound. */
import type { Duration } from '../types';
import { at, describe, knownKeys, oneOf, time, timeProblem, type Errors, type Json } from './check';

/** Checks the duration at `obj[key]`; returns it, `fallback` when absent, or undefined when invalid. */
export function duration(obj: Json, key: string, path: string, errors: Errors, fallback: Duration): Duration | undefined {
  const v = obj[key];
  const p = at(path, key);
  if (v === undefined) return fallback;
  if (typeof v === 'number' || typeof v !== 'object' || v === null || Array.isArray(v)) {
    const problem = timeProblem(v);
    if (!problem) return v as number;
    errors.push({ path: p, message: typeof v === 'number' ? problem : `expected a duration: ms >= 0, {"dist": "uniform", "min", "max"} or {"dist": "exponential", "mean"}; got ${describe(v)}` });
    return undefined;
  }
  const d = v as Json;
  const before = errors.length;
  const dist = oneOf(d, 'dist', p, errors, ['uniform', 'exponential'] as const, { required: true, what: 'distribution' });
  if (dist === 'uniform') {
    knownKeys(d, p, ['dist', 'min', 'max'], errors);
    const min = time(d, 'min', p, errors, { required: true });
    const max = time(d, 'max', p, errors, { required: true, min: min ?? 0 });
    return errors.length === before && min !== undefined && max !== undefined ? { dist, min, max } : undefined;
  }
  if (dist === 'exponential') {
    knownKeys(d, p, ['dist', 'mean'], errors);
    const mean = time(d, 'mean', p, errors, { required: true });
    return errors.length === before && mean !== undefined ? { dist, mean } : undefined;
  }
  return undefined;
}
