/** `comparison`: each run's final state against the first run's, as changed leaves; and which of them matter most. */
import type { AnyDomainModule } from '../../../domain/kernel';
import type { Comparison, RunReport, StateDifference } from '../types';
import { canonicalJson } from './canonicalJson';

/** Compares every run after the first with the first; differences are sorted by path. */
export function compareRuns(runs: readonly RunReport[]): Comparison[] {
  if (runs.length === 0) return [];
  const first = runs[0];
  return runs.slice(1).map((run) => {
    const differences = diffLeaves(first.finalState, run.finalState);
    return { a: first.name, b: run.name, sameFinalState: differences.length === 0, differences };
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The changed leaves between two JSON values: path as keys (array indexes as strings), absent = null. */
export function diffLeaves(a: unknown, b: unknown, path: readonly string[] = []): StateDifference[] {
  const out: StateDifference[] = [];
  walk(a, b, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: readonly string[], out: StateDifference[]): void {
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(Array.isArray(a) ? (x, y) => Number(x) - Number(y) : undefined);
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
    return;
  }
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (left === right || (isObject(left) && isObject(right) && canonicalJson(left) === canonicalJson(right))) return;
  if (isObject(left) && right === null) return leaves(left, path, out, 'a');
  if (isObject(right) && left === null) return leaves(right, path, out, 'b');
  out.push({ path, a: left, b: right });
}

/** Every leaf of a value present on one side only. */
function leaves(value: Record<string, unknown>, path: readonly string[], out: StateDifference[], side: 'a' | 'b'): void {
  const keys = Object.keys(value);
  if (keys.length === 0) {
    out.push({ path, a: side === 'a' ? value : null, b: side === 'b' ? value : null });
    return;
  }
  for (const key of Array.isArray(value) ? keys : keys.sort()) {
    const v = value[key];
    if (isObject(v)) leaves(v, [...path, key], out, side);
    else out.push({ path: [...path, key], a: side === 'a' ? v : null, b: side === 'b' ? v : null });
  }
}

/** The streams whose aggregate in `finalState` (stream → aggregate) breaks one of `invariants`, checked as the state store checks them. */
export function streamsBreakingInvariants(invariants: AnyDomainModule['invariants'], finalState: Readonly<Record<string, unknown>>): Set<string> {
  const broken = new Set<string>();
  if (invariants.length === 0) return broken;
  for (const [stream, aggregate] of Object.entries(finalState)) if (invariants.some((i) => i.violation(stream, aggregate) !== undefined)) broken.add(stream);
  return broken;
}

/** `differences` with those of `streams` (the first key of a path) first; each group keeps its order. */
export function streamsFirst(differences: readonly StateDifference[], streams: ReadonlySet<string>): StateDifference[] {
  if (streams.size === 0) return [...differences];
  const key = (d: StateDifference) => (streams.has(d.path[0] ?? '') ? 0 : 1);
  return [...differences].sort((a, b) => key(a) - key(b));
}
