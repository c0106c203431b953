/**
 * Validation of `runs` and their schedulers, filling every default of the spec's tables.
 * Contract decisions: `workers` is 1 for `serial` and `min` for `autoscale` (its starting
 * size); a scheduler `key` names a command data field to partition by and must exist in at
 * least one command schema of the domain. Worker counts are at most MAX_WORKERS and times at
 * most MAX_TIME_MS (./limits). With an unknown domain (`decider` undefined) everything but the
 * domain's own names (capacity hook, key fields, event types, SQL tables) is still checked.
 */
import type { DomainInfo } from '../../../domain/kernel';
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
/** The kinds that route or hold commands by their partition keys. */
const KEYED: readonly SchedulerKind[] = ['partitioned', 'single-writer', 'capacity-aware'];

/** The scheduler of a run with no `scheduler` key. */
export const DEFAULT_SCHEDULER: SchedulerConfig = { kind: 'serial', workers: 1, min: 1, max: 8, scaleUpDepth: 10, startupMs: 100, idleMs: 1000 };

/** The run used when a scenario has no `runs`. */
export const defaultRun = (decider: DomainInfo | undefined): RunConfig => validateRun(decider, { name: 'default' }, '', []) as RunConfig;

/**
 * Validates the `runs` array (names unique); undefined entries are invalid runs. A name runs
 * share is a problem at each of them: at every later run naming the first, and at the first
 * naming the second (a `repeat` of the second's, so a list in text says the clash once).
 */
export function validateRuns(decider: DomainInfo | undefined, runs: readonly unknown[], path: string, errors: Errors): (RunConfig | undefined)[] {
  /** Each name's first run's name path, and whether its clash was said there yet. */
  const seen = new Map<string, { readonly at: string; said: boolean }>();
  return runs.map((r, i) => {
    const runPath = item(path, i);
    const run = validateRun(decider, r, runPath, errors);
    const name = (r as Json | undefined)?.name;
    if (typeof name === 'string' && name) {
      const here = at(runPath, 'name');
      const first = seen.get(name);
      if (!first) seen.set(name, { at: here, said: false });
      else {
        if (!first.said) errors.push({ path: first.at, message: duplicateName(name, here), sameAs: here, repeat: true });
        first.said = true;
        errors.push({ path: here, message: duplicateName(name, first.at), sameAs: first.at });
      }
    }
    return run;
  });
}

const duplicateName = (name: string, other: string): string => `duplicate run name ${describe(name)} (also at ${other})`;

function validateRun(decider: DomainInfo | undefined, value: unknown, path: string, errors: Errors): RunConfig | undefined {
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

function validateScheduler(decider: DomainInfo | undefined, value: unknown, path: string, errors: Errors): SchedulerConfig | undefined {
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
  if (KEYED.includes(kind) && decider && !decider.keyed && s.key === undefined)
    errors.push({
      path: at(path, 'kind'),
      message: `domain "${decider.id}" names no partition keys, which "${kind}" needs: give the module partitionKey(command, state), or set "key" to a command data field`,
    });
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
function keyOf(decider: DomainInfo | undefined, s: Json, path: string, errors: Errors): { key?: string } {
  const key = string(s, 'key', path, errors);
  if (key === undefined || !decider || !decider.declaresCommands) return {};
  const fields = [...new Set(Object.values(decider.commandSchemas).flatMap((schema) => Object.keys(schema.properties ?? {})))];
  if (!fields.includes(key)) {
    errors.push({ path: at(path, 'key'), message: `no command of domain "${decider.id}" has a data field ${describe(key)}; fields: ${names(fields)}` });
    return {};
  }
  return { key };
}
