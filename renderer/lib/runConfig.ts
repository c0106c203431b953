/** What the run-configuration forms offer: scheduler kinds with their parameters, consumer options and what a retry policy waits. Pure. */
import type { RetryPolicy, SchedulerKind } from '../../src/engine/types';
import { retryWaitMs } from '../../src/engine/retryWait';

/** One numeric or text parameter of a scheduler kind. */
export interface SchedulerParam {
  readonly key: 'workers' | 'min' | 'max' | 'scaleUpDepth' | 'startupMs' | 'idleMs' | 'key';
  readonly label: string;
  readonly kind: 'integer' | 'number' | 'string';
  readonly default: number | string;
  readonly help: string;
  /** What an empty field shows, when not the default (short: the field is narrow; `help` is its tooltip). */
  readonly placeholder?: string;
}

const workers: SchedulerParam = { key: 'workers', label: 'workers', kind: 'integer', default: 4, help: 'decision workers' };
const key: SchedulerParam = { key: 'key', label: 'key field', kind: 'string', default: '', help: 'data field as partition key (default: the domain’s)', placeholder: 'the domain’s key' };

/** Scheduler kinds in menu order, each with its one-line behaviour and parameters (spec: scenario.md). */
export const SCHEDULERS: readonly { readonly kind: SchedulerKind; readonly summary: string; readonly params: readonly SchedulerParam[] }[] = [
  { kind: 'serial', summary: 'one worker, arrival order', params: [] },
  { kind: 'pool', summary: 'N workers, arrival order, no coordination', params: [workers] },
  {
    kind: 'autoscale',
    summary: 'adds workers while the queue is long, removes idle ones',
    params: [
      { key: 'min', label: 'min', kind: 'integer', default: 1, help: 'fewest workers' },
      { key: 'max', label: 'max', kind: 'integer', default: 8, help: 'most workers' },
      { key: 'scaleUpDepth', label: 'scale-up depth', kind: 'integer', default: 10, help: 'queue length that adds a worker' },
      { key: 'startupMs', label: 'startup (ms)', kind: 'number', default: 100, help: 'time until a new worker is ready' },
      { key: 'idleMs', label: 'idle (ms)', kind: 'number', default: 1000, help: 'idle time before a worker is removed' },
    ],
  },
  { kind: 'partitioned', summary: 'worker = hash(partition key) mod N; order kept per worker', params: [workers, key] },
  { kind: 'single-writer', summary: 'any free worker, one command in flight per partition key', params: [workers, key] },
  { kind: 'capacity-aware', summary: 'admits commands only while the domain’s capacity for their key lasts', params: [workers, key] },
];

/** The consumer interpreters the engine ships. */
export const INTERPRETERS = ['state-store', 'sql', 'notifier', 'audit-log'] as const;

/** Delivery guarantees. */
export const DELIVERIES = ['exactly-once', 'at-least-once', 'at-most-once'] as const;

/** The parameters of a scheduler kind (none for an unknown kind). */
export const paramsOf = (kind: string): readonly SchedulerParam[] => SCHEDULERS.find((s) => s.kind === kind)?.params ?? [];

/** A raw run's scheduler with only the keys its kind accepts (switching kinds drops the others). */
export function schedulerForKind(kind: SchedulerKind, previous: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { kind };
  for (const p of paramsOf(kind)) if (previous[p.key] !== undefined) out[p.key] = previous[p.key];
  return out;
}

/** A name not yet taken: "base", "base 2", "base 3", ... (`sep` between the base and its number). */
export function uniqueName(base: string, taken: readonly string[], sep = ' '): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${sep}${i}`)) return `${base}${sep}${i}`;
}

/**
 * The run "Add run" appends to `runs`: a pool of 4 workers (another scheduler to compare),
 * with everything else of the last run — its service time, consumers and authorization —
 * so that a comparison of the two differs only in scheduling. Copying the service time
 * matters most: with another one, makespan and latency differ for a reason that is not the
 * scheduler's. A key the last run leaves out stays out (both then take the spec's default:
 * scenario.md, "Runs"). A deep copy: editing one run's consumers never edits the other's.
 */
export function addedRun(runs: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const last = runs[runs.length - 1] ?? {};
  const { name: _name, scheduler: _scheduler, ...settings } = structuredClone(last) as Record<string, unknown>;
  return { name: uniqueName('pool', runs.map((r) => String(r.name))), scheduler: { kind: 'pool', workers: 4 }, ...settings };
}

/**
 * A run's name after its scheduler kind changed: a name that was only the old kind's default
 * ("pool", "pool 2") follows the new kind ("capacity-aware", "capacity-aware 2"); a name the user
 * chose stays.
 */
export function renamedForKind(name: string, from: string, to: string): string {
  const m = new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+)?$`).exec(name);
  return m ? `${to}${m[1] ?? ''}` : name;
}

/** The name a consumer of `interpreter` gets by default: the interpreter's own ("notifier"), "state" for a state store (the name of the store the engine adds: scenario.md, Runs). */
export const consumerBaseName = (interpreter: string): string => (interpreter === 'state-store' ? 'state' : interpreter);

/** A consumer name not yet taken in the run: "base", "base-2", "base-3", ... */
export const uniqueConsumerName = (base: string, taken: readonly string[]): string => uniqueName(base, taken, '-');

/** The names of a raw run's consumers. */
const namesOf = (consumers: readonly Readonly<Record<string, unknown>>[]): string[] => consumers.map((c) => String(c.name ?? ''));

/**
 * The consumer "Add consumer" appends to a run's `consumers`: its state store first (the one
 * decisions read), then a notifier; named after its interpreter, unique in the run ("notifier",
 * "notifier-2").
 */
export function addedConsumer(consumers: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const interpreter = consumers.length === 0 ? 'state-store' : 'notifier';
  return { name: uniqueConsumerName(consumerBaseName(interpreter), namesOf(consumers)), interpreter };
}

/** Whether `name` is only the default of a consumer of `interpreter` ("notifier", "notifier-2"), or of the form's first version ("consumer-2"): no name the user chose. */
function isDefaultName(name: string, interpreter: string): boolean {
  const base = consumerBaseName(interpreter).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${base}(-\\d+)?$`).test(name) || /^consumer-\d+$/.test(name);
}

/**
 * A consumer `next` edited from `before`: when its interpreter changed and its name was still
 * the old interpreter's default, the name follows the new interpreter, unique among `others`
 * (the run's other consumers); a name the user chose stays, as does everything else.
 */
export function consumerEdited(before: Readonly<Record<string, unknown>>, next: Record<string, unknown>, others: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const [from, to] = [String(before.interpreter ?? 'state-store'), String(next.interpreter ?? 'state-store')];
  const name = String(next.name ?? '');
  if (from === to || name !== String(before.name ?? '') || !isDefaultName(name, from)) return next;
  return { ...next, name: uniqueConsumerName(consumerBaseName(to), namesOf(others)) };
}

const ms = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 3 })} ms`;

/**
 * What a consumer's retry policy waits, in words, as the simulation waits (retryWaitMs:
 * `backoffMs × factor^(n − 1)` before retry n): "waits 10 ms, 20 ms before the 2 retries";
 * past four retries the first three, "…" and the last. Undefined for no retry.
 */
export function retryWaitsText(retry: RetryPolicy | undefined): string | undefined {
  if (!retry || !(retry.max >= 1)) return undefined;
  const max = Math.floor(retry.max);
  const waits = (max <= 4 ? Array.from({ length: max }, (_, i) => i + 1) : [1, 2, 3, max]).map((n) => ms(retryWaitMs(retry, n)));
  if (max > 4) waits.splice(3, 0, '…');
  return `waits ${waits.join(', ')} before ${max === 1 ? 'the retry' : `the ${max.toLocaleString('en-US')} retries`}`;
}
