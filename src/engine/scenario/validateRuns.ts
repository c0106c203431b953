/**
 * Validation of `runs` and their schedulers, filling every default of the spec's tables.
 * Contract decisions: `workers` is 1 for `serial` and `min` for `autoscale` (its starting
 * size); a scheduler `key` names a command data field to partition by and must exist in at
 * least one command schema of the domain. Worker counts are at most MAX_WORKERS and times at
 * most MAX_TIME_MS (./limits). With an unknown domain (`decider` undefined) everything but the
 * domain's own names (capacity hook, key fields, event types, SQL tables) is still checked.
 */
import type { AnyDecider, ObjectSchema } from '../../../domain/kernel';
import type { RunConfig, SchedulerConfig, SchedulerKind } from '../types';
import { at, closest, describe, integer, item, knownKeys, names, object, oneOf, string, boolean, time, type Errors, type Json } from './check';
import { MAX_WORKERS, WORKER_LIMIT } from './limits';
import { duration } from './validateDuration';
import { validateConsumers } from './validateConsumers';

const PARAMETERS: Readonly<Record<SchedulerKind, readonly string[]>> = {
  serial: [],
  pool: ['workers'],
  autoscale: ['min', 'max', 'scaleUpDepth', 'startupMs', 'idleMs'],
  partitioned: ['workers', 'key'],
  'single-writer': ['workers', 'key'],
  'capacity-aware': ['workers', 'key'],
};
const KINDS = Object.keys(PARAMETERS) as SchedulerKind[];

/** The scheduler of a run with no `scheduler` key. */
export const DEFAULT_SCHEDULER: SchedulerConfig = { kind: 'serial', workers: 1, min: 1, max: 8, scaleUpDepth: 10, startupMs: 100, idleMs: 1000 };

/** The run used when a scenario has no `runs`. */
export const defaultRun = (decider: AnyDecider | undefined): RunConfig => validateRun(decider, { name: 'default' }, '', []) as RunConfig;

/** Validates the `runs` array (names unique); undefined entries are invalid runs. */
export function validateRuns(decider: AnyDecider | undefined, runs: readonly unknown[], path: string, errors: Errors): (RunConfig | undefined)[] {
  const seen = new Map<string, string>();
  return runs.map((r, i) => {
    const runPath = item(path, i);
    const run = validateRun(decider, r, runPath, errors);
    const name = (r as Json | undefined)?.name;
    if (typeof name === 'string' && name) {
      if (seen.has(name)) errors.push({ path: at(runPath, 'name'), message: `duplicate run name ${describe(name)} (also at ${seen.get(name)})` });
      else seen.set(name, at(runPath, 'name'));
    }
    return run;
  });
}

function validateRun(decider: AnyDecider | undefined, value: unknown, path: string, errors: Errors): RunConfig | undefined {
  const run = object(value, path, errors, 'a run configuration');
  if (!run) return undefined;
  const before = errors.length;
  knownKeys(run, path, ['name', 'scheduler', 'serviceMs', 'consumers', 'authorize'], errors);
  const name = string(run, 'name', path, errors, { required: true });
  const scheduler = run.scheduler === undefined ? DEFAULT_SCHEDULER : validateScheduler(decider, run.scheduler, at(path, 'scheduler'), errors);
  const serviceMs = duration(run, 'serviceMs', path, errors, 1);
  const consumers = validateConsumers(decider, run.consumers, at(path, 'consumers'), errors);
  const authorize = boolean(run, 'authorize', path, errors) ?? false;
  if (errors.length > before || name === undefined || scheduler === undefined || serviceMs === undefined || consumers === undefined) return undefined;
  return { name, scheduler, serviceMs, consumers, authorize };
}

function validateScheduler(decider: AnyDecider | undefined, value: unknown, path: string, errors: Errors): SchedulerConfig | undefined {
  const s = object(value, path, errors, 'a scheduler {"kind": ...}');
  if (!s) return undefined;
  const kind = oneOf(s, 'kind', path, errors, KINDS, { required: true, what: 'scheduler kind' });
  if (!kind) return undefined;
  const before = errors.length;
  const allowed = PARAMETERS[kind];
  for (const key of Object.keys(s))
    if (key !== 'kind' && !key.startsWith('x-') && !allowed.includes(key))
      errors.push({ path: at(path, key), message: `not a parameter of the "${kind}" scheduler; ${parameterHint(key, allowed)}` });
  if (kind === 'capacity-aware' && decider && !decider.capacity)
    errors.push({ path: at(path, 'kind'), message: `domain "${decider.id}" has no capacity hook; use another scheduler kind` });
  const workers = (key: string, min: number) => integer(s, key, path, errors, { min, max: MAX_WORKERS, limit: WORKER_LIMIT });
  const min = workers('min', 1) ?? DEFAULT_SCHEDULER.min;
  const config: SchedulerConfig = {
    kind,
    workers: kind === 'serial' ? 1 : kind === 'autoscale' ? min : (workers('workers', 1) ?? 4),
    min,
    max: workers('max', min) ?? Math.max(min, DEFAULT_SCHEDULER.max),
    scaleUpDepth: integer(s, 'scaleUpDepth', path, errors, { min: 0 }) ?? DEFAULT_SCHEDULER.scaleUpDepth,
    startupMs: time(s, 'startupMs', path, errors) ?? DEFAULT_SCHEDULER.startupMs,
    idleMs: time(s, 'idleMs', path, errors) ?? DEFAULT_SCHEDULER.idleMs,
    ...keyOf(decider, s, path, errors),
  };
  return errors.length > before ? undefined : config;
}

const parameterHint = (key: string, allowed: readonly string[]): string => {
  const close = closest(key, allowed);
  return close ? `did you mean "${close}"?` : allowed.length ? `its parameters: ${names(allowed)}` : 'it has none';
};

/** The `key` override: a data field of at least one command type. */
function keyOf(decider: AnyDecider | undefined, s: Json, path: string, errors: Errors): { key?: string } {
  const key = string(s, 'key', path, errors);
  if (key === undefined || !decider) return {};
  const fields = [...new Set(Object.values(decider.commandSchemas as Record<string, ObjectSchema>).flatMap((schema) => Object.keys(schema.fields)))];
  if (!fields.includes(key)) {
    errors.push({ path: at(path, 'key'), message: `no command of domain "${decider.id}" has a data field ${describe(key)}; fields: ${names(fields)}` });
    return {};
  }
  return { key };
}
