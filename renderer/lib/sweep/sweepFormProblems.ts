/** What is wrong with the Sweep view's range fields as the user types, field by field, in the engine's wording (src/engine/scenario/sweep.ts). Pure. */
import type { DomainInfo } from '../../../domain/kernel';
import { planSweep, rangeProblem } from '../../../src/engine/scenario/sweep';
import { needInWords } from '../runFieldProblems';
import { rangeSpec, takesWholeNumbers } from './paramChoices';
import { shellWord } from '../cli/commandLine';

/** The form's values; a cleared number field reads as null. */
export interface SweepFormValues {
  readonly run: string;
  readonly path: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly step: number | null;
  readonly seeds: boolean;
  readonly seedFrom: number | null;
  readonly seedTo: number | null;
}

/** A field of the range. */
export type SweepField = 'from' | 'to' | 'step' | 'seedFrom' | 'seedTo';

/** Each field's problem, worded with the field's label first; empty when the form is sound. */
export type SweepFieldProblems = Partial<Record<SweepField, string>>;

/** The labels the view shows. */
export const SWEEP_FIELD_LABELS: Readonly<Record<SweepField, string>> = { from: 'From', to: 'To', step: 'Step', seedFrom: 'Seed from', seedTo: 'Seed to' };

/** True when the form sweeps seeds: "Average over seeds" is on and the parameter swept is not the seed itself (a sweep varies the seed as its parameter or over seeds, not both). */
export const seedsSwept = (form: Pick<SweepFormValues, 'seeds' | 'path'>): boolean => form.seeds && form.path !== 'seed';

/**
 * The scenario's own verdict on its run `run` with the swept parameter `path` at `value`: what the
 * value needs, in words ("a whole number ≥ 1 (got 0)"), or undefined when the run takes it.
 */
export type BoundCheck = (run: string, path: string, value: number) => string | undefined;

/**
 * The BoundCheck of the scenario file `file` (JSON value; a sound one: its own problems are not
 * the bound's), `domain` as planSweep's: the engine's planner on the one point, as Run sweep plans
 * every point — so a bound the run refuses is named beside its field, not after Run sweep.
 */
export function boundCheck(file: unknown, domain?: DomainInfo): BoundCheck {
  return (run, path, value) => {
    const plan = planSweep(file, run, [{ path, values: [value] }], 1, domain);
    if (plan.ok) return undefined;
    // the planner adds where the point is ("(with scheduler.workers=0)"): the field says it here
    const e = plan.errors[0];
    const message = needInWords(e.message.replace(/ \(with [^()]*\)$/, ''));
    const field = /^runs\[\d+\]\.(.+)$/.exec(e.path)?.[1];
    return field === undefined || field === path ? message : `${field}: ${message}`;
  };
}

/**
 * The problems of `form`: each field a number (a whole number for workers and seeds), From ≤ To,
 * Step > 0, seeds likewise; with `bounds`, From and To each a value the run takes (the values
 * between them then too: the scenario's limits are ranges).
 */
export function sweepFormProblems(form: SweepFormValues, bounds?: BoundCheck): SweepFieldProblems {
  const problems: SweepFieldProblems = {};
  const whole = takesWholeNumbers(form.path);
  const check = (field: SweepField, value: number | null, wholeOnly: boolean): value is number => {
    const label = SWEEP_FIELD_LABELS[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) problems[field] = `${label}: enter a number`;
    else if (wholeOnly && !Number.isInteger(value)) problems[field] = `${label}: a whole number (${field.startsWith('seed') || form.path === 'seed' ? 'seeds are' : 'workers are counted in'} whole numbers)`;
    else return true;
    return false;
  };
  const from = check('from', form.from, whole);
  const to = check('to', form.to, whole);
  const step = check('step', form.step, whole);
  // the step is judged on its own, so a bad step shows even while From or To is empty
  const stepProblem = step ? rangeProblem(0, 0, form.step!) : undefined;
  if (stepProblem) problems.step = `${SWEEP_FIELD_LABELS.step}: ${stepProblem.message}`;
  else if (from && to && step) {
    const problem = rangeProblem(form.from!, form.to!, form.step!);
    if (problem) problems[problem.bound] = `${SWEEP_FIELD_LABELS[problem.bound]}: ${problem.message}`;
    else if (bounds) {
      for (const field of ['from', 'to'] as const) {
        const refused = bounds(form.run, form.path, form[field]!);
        if (refused) problems[field] = `${SWEEP_FIELD_LABELS[field]}: ${refused}`;
      }
    }
  }
  if (seedsSwept(form) && check('seedFrom', form.seedFrom, true) && check('seedTo', form.seedTo, true)) {
    const problem = rangeProblem(form.seedFrom!, form.seedTo!, 1);
    if (problem) problems.seedTo = `${SWEEP_FIELD_LABELS.seedTo}: ${problem.message}`;
  }
  return problems;
}

/** The CLI arguments a sound form stands for; undefined while `problems` (the form's, from {@link sweepFormProblems}) has any, so no `null` reaches the command line. */
export function sweepCliArgs(form: SweepFormValues, problems: SweepFieldProblems): string | undefined {
  if (Object.keys(problems).length) return undefined;
  const seeds = seedsSwept(form) ? ` --seeds ${form.seedFrom}..${form.seedTo}` : '';
  return `--run ${shellWord(form.run)} --param ${rangeSpec(form.path, form.from!, form.to!, form.step!)}${seeds}`;
}
