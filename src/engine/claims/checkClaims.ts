/**
 * Checks a sample's `x-expect` claims (the outcome it teaches, stated as data) against a run
 * result, so a change in the engine cannot silently break a lesson. Pure.
 *
 * Claim forms:
 * - `{ "run": NAME, "<metric>": C, "violations": C, "rejections.<code>": C, "maxWorkers": C, "endsWithWorkers": C,
 *      "state": { "<streamId>/<field>/…": value }, "sqlMatchesState": true }` where C is a number (equal)
 *   or a string comparison `">0"`, `">=100"`, `"<5"`, `"=3"`;
 * - `{ "faster": A, "than": B, "by"?: METRIC }`: run A's metric (default `makespanMs`; dotted for
 *   percentiles, e.g. `commandLatencyMs.p95`) is smaller than run B's;
 * - `{ "sameFinalState": [A, B, …] }`: those runs end in the same state (equal stateHash);
 * - `{ "dryRun": INPUT_ID, "rejected": CODE }` / `{ "dryRun": INPUT_ID, "events": [TYPE…] }`.
 */
import { commandOutcomes } from '../../../domain/kernel';
import type { DryRunResult, RunResult } from '../api';
import type { Metrics, RunReport, Trace } from '../types';

export type Claim = Readonly<Record<string, unknown>>;

/** What the checker needs besides the run result: dry runs and extra facts, computed by the caller. */
export interface ClaimContext {
  readonly result: RunResult;
  readonly dryRun?: (inputId: string) => DryRunResult;
  /** Per run: whether the sql consumers' tables agree with the state store. */
  readonly sqlMatchesState?: (run: string) => boolean;
}

const OPS: Record<string, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '=': (a, b) => a === b,
};

/** True when `actual` satisfies `expected` (a number, a comparison string, or any JSON value). */
export function satisfies(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'number') {
    const m = /^(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?)$/.exec(expected.trim());
    if (m) return OPS[m[1]](actual, Number(m[2]));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

const valueAt = (state: Readonly<Record<string, unknown>>, path: string): unknown => {
  const [stream, ...fields] = path.split('/');
  let v: unknown = state[stream];
  for (const f of fields) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[f];
  return v ?? null;
};

/** A metric by name, dotted for nested percentiles (`commandLatencyMs.p95`). */
function metricAt(metrics: Metrics, key: string): number {
  const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], metrics);
  if (typeof value !== 'number') throw new Error(`unknown metric "${key}"`);
  return value;
}

function runValue(report: RunReport, trace: Trace | undefined, key: string): unknown {
  if (key === 'violations') return report.violations.length;
  if (key.startsWith('rejections.')) return report.rejections[key.slice('rejections.'.length)] ?? 0;
  if (key === 'endsWithWorkers') return trace?.workers.at(-1)?.value;
  return metricAt(report.metrics, key);
}

/** Checks every claim; returns one readable failure message per claim that does not hold. */
export function checkClaims(claims: readonly Claim[], context: ClaimContext): string[] {
  const { report, traces } = context.result;
  const runOf = (name: unknown) => {
    const i = report.runs.findIndex((r) => r.name === name);
    if (i < 0) throw new Error(`claim names an unknown run "${String(name)}"`);
    return { run: report.runs[i], trace: traces[i] };
  };
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => ok || failures.push(what);
  claims.forEach((claim, n) => {
    const at = `x-expect[${n}]`;
    try {
      if ('faster' in claim) {
        const by = typeof claim.by === 'string' ? claim.by : 'makespanMs';
        const a = metricAt(runOf(claim.faster).run.metrics, by);
        const b = metricAt(runOf(claim.than).run.metrics, by);
        expect(a < b, `${at}: "${claim.faster}" (${by} ${a} ms) is not faster than "${claim.than}" (${b} ms)`);
      } else if ('sameFinalState' in claim) {
        const names = claim.sameFinalState as string[];
        const hashes = names.map((name) => runOf(name).run.stateHash);
        expect(new Set(hashes).size === 1, `${at}: runs ${names.join(', ')} end in different states`);
      } else if ('dryRun' in claim) {
        if (!context.dryRun) throw new Error('no dry-run function given');
        const { outcome } = context.dryRun(String(claim.dryRun));
        if ('rejected' in claim) {
          const codes = commandOutcomes(outcome).map((o) => o.rejection?.code);
          expect(!outcome.accepted || codes.some(Boolean), `${at}: dry run of ${claim.dryRun} was accepted`);
          expect(codes.includes(claim.rejected as string), `${at}: dry run of ${claim.dryRun} rejected with ${codes.filter(Boolean).join(', ')}, not ${claim.rejected}`);
        }
        if ('events' in claim) {
          const types = outcome.events.map((e) => e.type);
          expect(satisfies(types, claim.events), `${at}: dry run of ${claim.dryRun} gives ${JSON.stringify(types)}, not ${JSON.stringify(claim.events)}`);
        }
      } else if ('run' in claim) {
        const { run, trace } = runOf(claim.run);
        for (const [key, expected] of Object.entries(claim)) {
          if (key === 'run') continue;
          if (key === 'state') {
            for (const [path, value] of Object.entries(expected as Record<string, unknown>)) {
              const actual = path.endsWith('/length') ? (valueAt(run.finalState, path.slice(0, -'/length'.length)) as unknown[] | null)?.length ?? 0 : valueAt(run.finalState, path);
              expect(satisfies(actual, value), `${at}: run "${claim.run}": state ${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
            }
          } else if (key === 'sqlMatchesState') {
            expect(context.sqlMatchesState?.(run.name) === expected, `${at}: run "${claim.run}": sql tables ${expected ? 'disagree with' : 'agree with'} the state store`);
          } else {
            const actual = runValue(run, trace, key);
            expect(satisfies(actual, expected), `${at}: run "${claim.run}": ${key} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
          }
        }
      } else failures.push(`${at}: not a claim this checker knows`);
    } catch (e) {
      failures.push(`${at}: ${(e as Error).message}`);
    }
  });
  return failures;
}
