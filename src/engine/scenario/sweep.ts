/**
 * The sweep planner: the scenario variants of a parameter grid for one run. Parameters are
 * set in the scenario file's JSON (`runs[i].<path>`, or the top-level `seed`) and every
 * variant is validated like a file, so a value out of range is named by its path. A grid is
 * sized before it is built: at most MAX_SWEEP_POINTS points and MAX_SWEEP_RUNS points × seeds
 * (./limits). Paths through `__proto__`, `constructor` or `prototype` are refused. Pure.
 */
import type { DomainInfo } from '../../../domain/kernel';
import type { InputError, Scenario } from '../types';
import { MAX_SWEEP_POINTS, MAX_SWEEP_RUNS, thousands } from './limits';
import { parseScenario } from './parse';

/** One swept parameter: a path in the run (`scheduler.workers`, `consumers[1].failureRate`) or `seed`, and its values. */
export interface SweepParam {
  readonly path: string;
  readonly values: readonly number[];
}

/** One point of the grid: the parameter values and the validated scenario variant. */
export interface SweepPoint {
  readonly values: Readonly<Record<string, number>>;
  readonly scenario: Scenario;
}

export type SweepPlan = { readonly ok: true; readonly points: readonly SweepPoint[] } | { readonly ok: false; readonly errors: readonly InputError[] };

const PATH = /^[A-Za-z_$][\w$]*(\[\d+\])*(\.[A-Za-z_$][\w$]*(\[\d+\])*)*$/;
/** Names that would reach the objects' prototypes instead of a parameter. */
const BUILT_IN = new Set(['__proto__', 'constructor', 'prototype']);
const RANGE = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(-?\d+(?:\.\d+)?))?$/;

/** Parses `PATH=FROM..TO[:STEP]` (step 1 by default); returns a message when it is malformed. */
export function parseSweepParam(spec: string): SweepParam | string {
  const eq = spec.indexOf('=');
  const path = spec.slice(0, eq);
  if (eq < 0 || !PATH.test(path)) return `expected PATH=FROM..TO[:STEP] with a path like scheduler.workers or consumers[1].failureRate, got ${quote(spec)}`;
  const builtIn = path.match(/[^.[\]]+/g)!.find((key) => BUILT_IN.has(key));
  if (builtIn) return `${path}: "${builtIn}" is not a parameter (a path may not go through __proto__, constructor or prototype)`;
  const values = rangeValues(spec.slice(eq + 1));
  return typeof values === 'string' ? `${path}: ${values}` : { path, values };
}

/** Parses `A..B` into the integers A..B; returns a message when it is malformed. */
export function parseSeedRange(spec: string): number[] | string {
  const values = rangeValues(spec);
  if (typeof values === 'string' || values.some((v) => !Number.isSafeInteger(v))) return `expected integer seeds A..B, got ${quote(spec)}`;
  return values;
}

function rangeValues(spec: string): number[] | string {
  const m = RANGE.exec(spec);
  if (!m) return `expected FROM..TO or FROM..TO:STEP, got ${quote(spec)}`;
  const [from, to, step] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const problem = rangeProblem(from, to, step);
  if (problem) return problem.message;
  const count = rangeCount(from, to, step);
  return Array.from({ length: count }, (_, k) => Math.round((from + k * step) * 1e9) / 1e9);
}

/** Which part of the range FROM..TO:STEP is wrong (the step, or TO below FROM) and why, or undefined when it is sound; the wording of the command line and of the Sweep view. */
export function rangeProblem(from: number, to: number, step: number): { readonly bound: 'to' | 'step'; readonly message: string } | undefined {
  if (!(step > 0)) return { bound: 'step', message: 'the step must be greater than 0' };
  if (to < from) return { bound: 'to', message: `the range ${from}..${to} is empty (TO must not be below FROM)` };
  const count = rangeCount(from, to, step);
  if (!(count <= MAX_SWEEP_POINTS)) return { bound: 'step', message: `${thousands(count)} values are too many (at most ${thousands(MAX_SWEEP_POINTS)})` };
  return undefined;
}

const rangeCount = (from: number, to: number, step: number): number => Math.floor((to - from) / step + 1e-9) + 1;

/** Every combination of the parameters' values (the first parameter varies slowest). */
export function sweepGrid(params: readonly SweepParam[]): Record<string, number>[] {
  return params.reduce<Record<string, number>[]>((grid, p) => grid.flatMap((point) => p.values.map((v) => ({ ...point, [p.path]: v }))), [{}]);
}

/** Why a grid of these parameters, run once per seed, is too big (sized before it is built), or undefined. */
export function sweepSizeProblem(params: readonly SweepParam[], seeds = 1): InputError | undefined {
  const points = params.reduce((n, p) => n * p.values.length, 1);
  if (points > MAX_SWEEP_POINTS) return { path: '--param', message: `${thousands(points)} points are too many (at most ${thousands(MAX_SWEEP_POINTS)})` };
  if (points * seeds > MAX_SWEEP_RUNS)
    return { path: '--seeds', message: `${thousands(points)} points × ${thousands(seeds)} seeds = ${thousands(points * seeds)} runs are too many (at most ${thousands(MAX_SWEEP_RUNS)})` };
  return undefined;
}

/** The validated variants of `file` (the scenario JSON) for run `run`, one per grid point; `seeds`: how many seeds each point runs. */
export function planSweep(file: unknown, run: string, params: readonly SweepParam[], seeds = 1, domain?: DomainInfo): SweepPlan {
  const tooBig = sweepSizeProblem(params, seeds);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const grid = sweepGrid(params);
  const base = file as Record<string, unknown>;
  const runs = (Array.isArray(base.runs) ? base.runs : [{ name: 'default' }]) as Record<string, unknown>[];
  const index = runs.findIndex((r) => typeof r === 'object' && r !== null && r.name === run);
  if (index < 0) return { ok: false, errors: [{ path: 'runs', message: `no run named ${quote(run)}` }] };
  const points: SweepPoint[] = [];
  for (const values of grid) {
    const variant = variantOf(base, runs, index, values);
    if ('error' in variant) return { ok: false, errors: [variant.error] };
    const parsed = parseScenario(variant.file, undefined, domain ? { domain } : {});
    const at = Object.entries(values).map(([p, v]) => `${p}=${v}`).join(', ');
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, message: `${e.message} (with ${at})` })) };
    points.push({ values, scenario: parsed.scenario });
  }
  return { ok: true, points };
}

/** The file with the run's parameters (and `seed`) set; an error when a path leads nowhere. */
function variantOf(base: Record<string, unknown>, runs: readonly Record<string, unknown>[], index: number, values: Record<string, number>): { file: unknown } | { error: InputError } {
  const run = structuredClone(runs[index]);
  let seed = base.seed;
  for (const [path, value] of Object.entries(values)) {
    if (path === 'seed') {
      seed = value;
      continue;
    }
    const problem = setAt(run, path, value);
    if (problem) return { error: { path: `runs[${index}].${problem.path}`, message: problem.message } };
  }
  return { file: { ...base, ...(seed === undefined ? {} : { seed }), runs: runs.map((r, i) => (i === index ? run : r)) } };
}

/** Sets `path` in `target`; objects on the way are created, array entries must exist. */
function setAt(target: Record<string, unknown>, path: string, value: number): InputError | undefined {
  const keys = path.match(/[^.[\]]+/g)!;
  let node: Record<string, unknown> = target;
  let walked = '';
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    const isIndex = /^\d+$/.test(key);
    walked = isIndex ? `${walked}[${key}]` : walked ? `${walked}.${key}` : key;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    const wantsArray = /^\d+$/.test(keys[i + 1]);
    if (next === undefined) {
      if (isIndex) return { path: walked, message: noEntry(Array.isArray(node) ? node.length : 0) };
      if (wantsArray)
        return { path: walked, message: key === 'consumers' ? 'the run lists no consumers (only the default state store): add the consumer to the run in the scenario to sweep its parameters' : `the run has no list ${quote(key)}` };
      node[key] = {};
    } else if (typeof next !== 'object' || next === null || Array.isArray(next) !== wantsArray)
      return { path: walked, message: `is not ${wantsArray ? 'a list' : 'an object with parameters'}` };
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(node) && !(Number(last) < node.length)) return { path: walked ? `${walked}[${last}]` : last, message: noEntry(node.length) };
  if (BUILT_IN.has(last)) return { path: walked ? `${walked}.${last}` : last, message: 'is not a parameter' };
  node[last] = value;
  return undefined;
}

/** Why an index is past a list's end: what the list has. */
const noEntry = (length: number): string => (length === 0 ? 'no such entry: the list is empty' : `no such entry: the list has ${length} (indexes 0…${length - 1})`);

/** A user's text in a message: quoted, and cut when long. */
const quote = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
