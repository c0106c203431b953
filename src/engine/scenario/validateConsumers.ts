/**
 * Validation of a run's `consumers`, filling the spec's defaults. Contract decisions:
 * `retry` absent means no retry; when present `max` is required, `backoffMs` defaults to 100
 * and `factor` to 2. `enactMs` (duration, default 0) is the time one attempt occupies a
 * consumer worker. `x-…` keys are accepted and dropped. Limits (./limits): `workers` at most
 * MAX_WORKERS, `retry.max` at most MAX_RETRIES, every time at most MAX_TIME_MS, and so the
 * longest backoff, `backoffMs × factor^(max − 1)`, too.
 */
import type { DomainInfo } from '../../../domain/kernel';
import type { ConsumerConfig, DeliveryGuarantee, Duration } from '../types';
import { array, at, boolean, describe, integer, item, knownKeys, names, number, object, oneOf, string, time, type Errors, type Json } from './check';
import { MAX_RETRIES, MAX_TIME_MS, MAX_WORKERS, thousands, TIME_LIMIT, WORKER_LIMIT } from './limits';
import { duration } from './validateDuration';
import { retryWaitMs } from '../retryWait';

/** The interpreters a consumer may name. */
export const INTERPRETERS = ['state-store', 'sql', 'notifier', 'audit-log'] as const;
const DELIVERIES: readonly DeliveryGuarantee[] = ['exactly-once', 'at-least-once', 'at-most-once'];
const KEYS = ['name', 'interpreter', 'events', 'latencyMs', 'workers', 'failureRate', 'retry', 'delivery', 'duplicateRate', 'idempotent', 'deadLetter', 'downtime', 'enactMs'];

/** A consumer with every default filled in, plus `enactMs`. */
export type ConsumerSettings = ConsumerConfig & { readonly enactMs: Duration };

/** The consumers of a run with no `consumers` key. */
export const defaultConsumers = (): ConsumerSettings[] => [
  { name: 'state', interpreter: 'state-store', events: '*', latencyMs: 0, workers: 1, failureRate: 0, delivery: 'exactly-once', duplicateRate: 0, idempotent: true, deadLetter: true, downtime: [], enactMs: 0 },
];

/** Validates `consumers` (absent = one default state store); undefined when anything is invalid. */
export function validateConsumers(decider: DomainInfo | undefined, value: unknown, path: string, errors: Errors): ConsumerSettings[] | undefined {
  if (value === undefined) return defaultConsumers();
  if (!Array.isArray(value)) {
    errors.push({ path, message: `expected an array of consumers, got ${describe(value)}` });
    return undefined;
  }
  const before = errors.length;
  const seen = new Map<string, string>();
  const consumers = value.map((c, i) => {
    const p = item(path, i);
    const consumer = validateConsumer(decider, c, p, errors);
    const name = (c as Json | undefined)?.name;
    if (typeof name === 'string' && name) {
      if (seen.has(name)) errors.push({ path: at(p, 'name'), message: `duplicate consumer name ${describe(name)} in this run (also at ${seen.get(name)})` });
      else seen.set(name, at(p, 'name'));
    }
    return consumer;
  });
  return errors.length > before ? undefined : (consumers as ConsumerSettings[]);
}

function validateConsumer(decider: DomainInfo | undefined, value: unknown, path: string, errors: Errors): ConsumerSettings | undefined {
  const c = object(value, path, errors, 'a consumer {"name", "interpreter"}');
  if (!c) return undefined;
  knownKeys(c, path, KEYS, errors);
  const name = string(c, 'name', path, errors, { required: true }) ?? '';
  const interpreter = oneOf(c, 'interpreter', path, errors, INTERPRETERS, { required: true, what: 'interpreter' }) ?? 'state-store';
  if (interpreter === 'sql' && decider && !decider.sql) errors.push({ path: at(path, 'interpreter'), message: `domain "${decider.id}" declares no SQL tables` });
  return {
    name,
    interpreter,
    events: events(decider, c, path, errors),
    latencyMs: duration(c, 'latencyMs', path, errors, 0) ?? 0,
    workers: integer(c, 'workers', path, errors, { min: 1, max: MAX_WORKERS, limit: WORKER_LIMIT }) ?? 1,
    failureRate: number(c, 'failureRate', path, errors, { min: 0, max: 1 }) ?? 0,
    ...retry(c, path, errors),
    delivery: oneOf(c, 'delivery', path, errors, DELIVERIES, { what: 'delivery guarantee' }) ?? 'exactly-once',
    duplicateRate: number(c, 'duplicateRate', path, errors, { min: 0, max: 1 }) ?? 0,
    idempotent: boolean(c, 'idempotent', path, errors) ?? interpreter === 'state-store',
    deadLetter: boolean(c, 'deadLetter', path, errors) ?? true,
    downtime: downtime(c, path, errors),
    enactMs: duration(c, 'enactMs', path, errors, 0) ?? 0,
  };
}

/** `events`: "*" or known event types of the domain. */
function events(decider: DomainInfo | undefined, c: Json, path: string, errors: Errors): '*' | string[] {
  const v = c.events;
  if (v === undefined || v === '*') return '*';
  const p = at(path, 'events');
  if (!Array.isArray(v)) {
    errors.push({ path: p, message: `expected "*" or an array of event types, got ${describe(v)}` });
    return '*';
  }
  if (!decider || !decider.declaresEvents) return v as string[];
  const known = Object.keys(decider.eventSchemas);
  v.forEach((type, i) => {
    if (typeof type !== 'string' || !known.includes(type))
      errors.push({ path: item(p, i), message: `unknown event type ${describe(type)} for domain "${decider.id}"; expected one of ${names(known)}` });
  });
  return v as string[];
}

function retry(c: Json, path: string, errors: Errors): Pick<ConsumerConfig, 'retry'> {
  if (c.retry === undefined) return {};
  const p = at(path, 'retry');
  const r = object(c.retry, p, errors, 'a retry policy {"max", "backoffMs"?, "factor"?}');
  if (!r) return {};
  knownKeys(r, p, ['max', 'backoffMs', 'factor'], errors);
  const max = integer(r, 'max', p, errors, { required: true, min: 0, max: MAX_RETRIES, limit: `at most ${thousands(MAX_RETRIES)} retries` }) ?? 0;
  const backoffMs = time(r, 'backoffMs', p, errors) ?? 100;
  const factor = number(r, 'factor', p, errors, { min: 1 }) ?? 2;
  const longest = max === 0 ? 0 : retryWaitMs({ max, backoffMs, factor }, max);
  if (!(longest <= MAX_TIME_MS)) errors.push({ path: at(p, 'factor'), message: `the last retry would wait backoffMs × factor^(max − 1) = ${longest} ms; ${TIME_LIMIT}` });
  return { retry: { max, backoffMs, factor } };
}

function downtime(c: Json, path: string, errors: Errors): { from: number; to: number }[] {
  const list = array(c, 'downtime', path, errors) ?? [];
  const out: { from: number; to: number }[] = [];
  list.forEach((w, i) => {
    const p = item(at(path, 'downtime'), i);
    const window = object(w, p, errors, 'a window {"from", "to"}');
    if (!window) return;
    knownKeys(window, p, ['from', 'to'], errors);
    const from = time(window, 'from', p, errors, { required: true });
    const to = time(window, 'to', p, errors, { required: true });
    if (from !== undefined && to !== undefined && to < from) errors.push({ path: at(p, 'to'), message: `must not be before "from" (${from}), got ${to}` });
    else if (from !== undefined && to !== undefined) out.push({ from, to });
  });
  return out;
}
