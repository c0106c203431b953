/**
 * The stored runs of a workspace's scenarios by version: which one opening a stored scenario
 * brings back, and how the list tells runs of the same title apart. A run's version is what it
 * computed from (its `inputs`, renderer/lib/resultFreshness.ts, scenarioInputs). Pure.
 */
import type { RunSummary } from '../../../src/store/runs';

/**
 * What opening stored scenario `scenario` brings back, from its runs (`runs`, newest first): the
 * latest run computed from what the scenario runs from now (`inputs`); else the latest run when
 * what it ran from is not known (stored by an older Purestream: taken to be of this version, as
 * opening it would). The latest run of another version is not brought back: `other`, to say so and
 * offer it. Undefined when the scenario has no stored run, or `inputs` is not known (it does not run).
 */
export type RunToReopen = { readonly kind: 'this version' | 'other version'; readonly run: RunSummary } | undefined;

export function runToReopen(runs: readonly RunSummary[], scenario: string, inputs: string | undefined): RunToReopen {
  if (inputs === undefined) return undefined;
  const own = runs.filter((r) => r.scenario === scenario);
  const same = own.find((r) => r.inputs === inputs);
  if (same) return { kind: 'this version', run: same };
  const latest = own[0];
  if (!latest) return undefined;
  return { kind: latest.inputs === undefined ? 'this version' : 'other version', run: latest };
}

/**
 * How the list names a stored run beside its scenario's name: its version (numbered per stored
 * scenario in the order they were first stored, absent when not known), whether it is the version
 * stored now (`saved`; undefined when either is not known) and, when not, which parts of the
 * scenario differ (`differs`: top-level keys, `seed`, `commands`, …); and whether it is the
 * scenario's latest run.
 */
export interface RunVersion {
  readonly version?: number;
  readonly saved?: boolean;
  readonly differs?: readonly string[];
  readonly latest: boolean;
}

/** Each run's {@link RunVersion}, by run id; `savedInputs` gives what a stored scenario runs from now (undefined: not known — it does not run, or is gone). */
export function runVersions(runs: readonly RunSummary[], savedInputs: (scenario: string) => string | undefined): ReadonlyMap<number, RunVersion> {
  const numbers = new Map<string, Map<string, number>>();
  for (const r of [...runs].sort((a, b) => a.created - b.created || a.runId - b.runId)) {
    if (r.inputs === undefined) continue;
    const own = numbers.get(r.scenario) ?? new Map<string, number>();
    numbers.set(r.scenario, own);
    if (!own.has(r.inputs)) own.set(r.inputs, own.size + 1);
  }
  const seen = new Set<string>();
  const out = new Map<number, RunVersion>();
  // newest first: the first run of a scenario met is its latest
  for (const r of [...runs].sort((a, b) => b.created - a.created || b.runId - a.runId)) {
    const latest = !seen.has(r.scenario);
    seen.add(r.scenario);
    const saved = savedInputs(r.scenario);
    const version = r.inputs === undefined ? undefined : numbers.get(r.scenario)?.get(r.inputs);
    const same = r.inputs === undefined || saved === undefined ? undefined : r.inputs === saved;
    out.set(r.runId, { latest, ...(version === undefined ? {} : { version }), ...(same === undefined ? {} : { saved: same }), ...(same === false ? { differs: differingKeys(r.inputs!, saved!) } : {}) });
  }
  return out;
}

/** The top-level keys whose values differ between two JSON objects' texts, in the first's order then the second's; empty when either is no object. */
function differingKeys(a: string, b: string): string[] {
  const x = objectOf(a);
  const y = objectOf(b);
  if (!x || !y) return [];
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}

const objectOf = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** A {@link RunVersion} in words, for the list: "version 2 · as saved · latest", "version 1 · differs from the saved scenario in seed and commands", "version not recorded". */
export function runVersionText(v: RunVersion): string {
  const parts = [v.version === undefined ? 'version not recorded' : `version ${v.version}`];
  if (v.saved === true) parts.push('as saved');
  else if (v.saved === false) parts.push(v.differs && v.differs.length > 0 ? `differs from the saved scenario in ${listed(v.differs)}` : 'not the saved scenario');
  if (v.latest) parts.push('latest');
  return parts.join(' · ');
}

const listed = (words: readonly string[]): string => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);
