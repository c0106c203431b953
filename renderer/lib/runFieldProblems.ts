/**
 * The Runs editor's validation problems placed beside their fields: each problem of a run, by the
 * field it falls in (`scheduler.workers`, `consumers[0].failureRate`), worded for people
 * ("workers: a whole number ≥ 1 (got 0)"); what no field shows stays a list. Pure.
 */
import { describe } from '../../src/engine/scenario/check';
import { listedProblems } from '../../src/engine/scenario/parse';
import type { InputError } from '../../src/engine/types';
import { ordinal, runNamesOf } from './text/runPath';

/** The fields of one consumer form, by their key in the consumer. */
export const CONSUMER_FIELDS = ['name', 'interpreter', 'events', 'latencyMs', 'workers', 'failureRate', 'delivery', 'retry.max', 'retry.backoffMs', 'retry.factor', 'retry', 'deadLetter', 'idempotent'] as const;

/** How a field is called on the form, where its key does not say it. */
const LABELS: Readonly<Record<string, string>> = {
  serviceMs: 'service time',
  latencyMs: 'latency',
  failureRate: 'failure rate',
  'retry.max': 'retries',
  'retry.backoffMs': 'retry backoff',
  'retry.factor': 'retry factor',
  scaleUpDepth: 'scale-up depth',
  startupMs: 'startup',
  idleMs: 'idle',
  scheduler: 'scheduler',
};

/** The scenario check's wording of a number out of range (src/engine/scenario/check.ts) in plain words. */
const WORDINGS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^expected an? (integer|number) between (\S+) and (\S+), got (.+)$/, (m) => `${what(m[1])} from ${m[2]} to ${m[3]} (got ${m[4]})`],
  [/^expected an? (integer|number) >= (\S+), got (.+)$/, (m) => `${what(m[1])} ≥ ${m[2]} (got ${m[3]})`],
  [/^expected an? (integer|number) <= (\S+), got (.+)$/, (m) => `${what(m[1])} ≤ ${m[2]} (got ${m[3]})`],
  [/^expected an? (integer|number), got (.+)$/, (m) => `${what(m[1])} (got ${m[2]})`],
];
const what = (kind: string): string => (kind === 'integer' ? 'a whole number' : 'a number');

/**
 * A field's problem in words: its label, then what it needs. A run name another run has too (the
 * check's `sameAs`, `runs[n].name`) says which run has it, by its place, and `value`, the field's
 * value; any other `sameAs` is worded by its message.
 */
export function problemInWords(field: string, problem: InputError, value?: unknown): string {
  const label = LABELS[field] ?? field.replace(/^.*\./, '');
  const other = field === 'name' && problem.sameAs !== undefined ? /^runs\[(\d+)\]\.name$/.exec(problem.sameAs) : null;
  if (other) return `${label}: the ${ordinal(Number(other[1]) + 1)} run is called ${describe(value)} too; each run needs a name of its own`;
  return `${label}: ${needInWords(problem.message)}`;
}

/** What the scenario check says a value needs, in plain words ("expected an integer >= 1, got 0" → "a whole number ≥ 1 (got 0)"); another message as it is. */
export function needInWords(message: string): string {
  for (const [pattern, words] of WORDINGS) {
    const m = pattern.exec(message);
    if (m) return words(m);
  }
  return message;
}

/**
 * Run `index`'s problems (others are left out): by the field they fall in (of `fields`, keys
 * inside the run), and the rest as they came; `name` is the run's name, which a clash says.
 */
export function placeRunProblems(errors: readonly InputError[], index: number, fields: readonly string[], name?: unknown): { readonly byField: Readonly<Record<string, string>>; readonly rest: readonly InputError[] } {
  const prefix = `runs[${index}].`;
  const byField: Record<string, string> = {};
  const rest: InputError[] = [];
  // the longest field a problem's path falls in: `retry.max` before `retry`
  const ordered = [...fields].sort((a, b) => b.length - a.length);
  for (const e of errors) {
    if (!e.path.startsWith(prefix)) continue;
    const inRun = e.path.slice(prefix.length);
    const field = ordered.find((f) => inRun === f || inRun.startsWith(`${f}.`) || inRun.startsWith(`${f}[`));
    if (field === undefined || Object.hasOwn(byField, field)) rest.push(e);
    else byField[field] = problemInWords(field.replace(/^consumers\[\d+\]\./, ''), e, name);
  }
  return { byField, rest };
}

/** The fields of a run's form, keys inside the run: name, scheduler and its parameters, service time, authorize, each consumer's fields. */
export function runFormFields(paramKeys: readonly string[], consumerCount: number): string[] {
  const consumers = Array.from({ length: consumerCount }, (_, i) => CONSUMER_FIELDS.map((f) => `consumers[${i}].${f}`)).flat();
  return ['name', 'scheduler.kind', ...paramKeys.map((k) => `scheduler.${k}`), 'scheduler', 'serviceMs', 'authorize', ...consumers];
}

/** A problem inside a run: the run's index and the field's path inside it. */
const IN_RUN = /^runs\[(\d+)\]\.(.+)$/;

/** A run's problem in words: the run (`run "8 workers"`, by its place when it has no name) and the problem (`workers: a whole number ≥ 1 (got 0)`). */
function runProblem(problem: InputError, inRun: RegExpExecArray, runName: (index: number) => string): { readonly run: string; readonly text: string } {
  const index = Number(inRun[1]);
  const name = runName(index);
  return { run: name.trim() === '' ? `the ${ordinal(index + 1)} run` : `run "${name}"`, text: problemInWords(inRun[2].replace(/^consumers\[\d+\]\.|^scheduler\./, ''), problem, name) };
}

/** Why Run is disabled, for its tooltip: the first problem in words and how many more (a clash of two runs once). */
export function runBlockedReason(allErrors: readonly InputError[], runName: (index: number) => string): string | undefined {
  const errors = listedProblems(allErrors);
  if (errors.length === 0) return undefined;
  const first = errors[0];
  const m = IN_RUN.exec(first.path);
  const p = m ? runProblem(first, m, runName) : undefined;
  const text = p ? `${p.run}: ${p.text}` : `${first.path}: ${first.message}`;
  return `Fix ${errors.length === 1 ? 'this' : `${errors.length} problems`} first — ${text}${errors.length > 1 ? ' …' : ''}`;
}

/**
 * Where to fix a scenario's problems before it runs again, in words (the notice over a result
 * from before the edits, the lesson's Show me): a run's field on its card in the Runs view
 * ("below" when `inRuns`, the notice being in Runs), with the first problem; anything else in
 * the Scenario view. Undefined without problems (a clash of two runs counts once).
 */
export function whereToFix(allErrors: readonly InputError[], runName: (index: number) => string, inRuns: boolean): string | undefined {
  const errors = listedProblems(allErrors);
  if (errors.length === 0) return undefined;
  const count = errors.length === 1 ? 'this' : `${errors.length} problems`;
  const where = inRuns ? 'below' : 'in the Runs view';
  const inRun = errors.map((e) => IN_RUN.exec(e.path));
  const first = inRun[0];
  if (first === null || inRun.some((m) => m === null)) return inRun.some((m) => m !== null) ? `Fix ${count} first, in the Scenario view and on the runs' cards ${where}` : `Fix ${count} first, in the Scenario view`;
  const p = runProblem(errors[0], first, runName);
  const oneRun = inRun.every((m) => m?.[1] === first[1]);
  return oneRun ? `Fix ${count} first, on the card of ${p.run} ${where} — ${p.text}` : `Fix ${count} first, on the runs' cards ${where} — ${p.run}: ${p.text}`;
}

/** The views a scenario's problems are fixed in, in that order: a run's field in Runs (on its card), anything else in the Scenario view ('editor'). */
export function viewsToFix(allErrors: readonly InputError[]): ('editor' | 'runs')[] {
  const inRun = listedProblems(allErrors).map((e) => IN_RUN.test(e.path));
  return [...(inRun.some((r) => !r) ? (['editor'] as const) : []), ...(inRun.some((r) => r) ? (['runs'] as const) : [])];
}

/** The name of the scenario's run `index` as written ('' when it has none, or is no run). */
export function runNameOf(raw: Readonly<Record<string, unknown>> | undefined, index: number): string {
  return runNamesOf(raw)[index] ?? '';
}
