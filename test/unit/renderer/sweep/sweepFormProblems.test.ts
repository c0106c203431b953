import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundCheck, seedsSwept, sweepCliArgs, sweepFormProblems, type SweepFormValues } from '../../../../renderer/lib/sweep/sweepFormProblems';

const form = (over: Partial<SweepFormValues>): SweepFormValues => ({ run: '8 workers', path: 'scheduler.workers', from: 1, to: 4, step: 1, seeds: false, seedFrom: 1, seedTo: 3, ...over });

describe('the sweep form, checked as the user types', () => {
  it('names the field and says what it needs, in the engine\'s wording', () => {
    expect(sweepFormProblems(form({}))).toEqual({});
    expect(sweepFormProblems(form({ from: 10, to: 2 }))).toEqual({ to: 'To: the range 10..2 is empty (TO must not be below FROM)' });
    expect(sweepFormProblems(form({ from: null }))).toEqual({ from: 'From: enter a number' });
    expect(sweepFormProblems(form({ step: -1 }))).toEqual({ step: 'Step: the step must be greater than 0' });
    expect(sweepFormProblems(form({ from: null, step: -1 }))).toEqual({ from: 'From: enter a number', step: 'Step: the step must be greater than 0' });
    expect(sweepFormProblems(form({ step: 0 }))).toEqual({ step: 'Step: the step must be greater than 0' });
    expect(sweepFormProblems(form({ from: 1.5 }))).toEqual({ from: 'From: a whole number (workers are counted in whole numbers)' });
    expect(sweepFormProblems(form({ step: 0.5, path: 'serviceMs' }))).toEqual({});
    expect(sweepFormProblems(form({ from: 0, to: 100_000, path: 'serviceMs' })).step).toContain('too many');
  });

  it('checks the seeds only when averaging over them', () => {
    expect(sweepFormProblems(form({ seedFrom: 5, seedTo: 2 }))).toEqual({});
    expect(sweepFormProblems(form({ seeds: true, seedFrom: 5, seedTo: 2 }))).toEqual({ seedTo: 'Seed to: the range 5..2 is empty (TO must not be below FROM)' });
    expect(sweepFormProblems(form({ seeds: true, seedFrom: 1.5 }))).toEqual({ seedFrom: 'Seed from: a whole number (seeds are whole numbers)' });
  });

  it('sweeps seeds only when averaging over them and the parameter is not the seed', () => {
    expect(seedsSwept(form({ seeds: true }))).toBe(true);
    expect(seedsSwept(form({ seeds: false }))).toBe(false);
    expect(seedsSwept(form({ seeds: true, path: 'seed' }))).toBe(false);
    expect(sweepFormProblems(form({ seeds: true, path: 'seed', from: 1, to: 3, seedFrom: 5, seedTo: 2 }))).toEqual({});
  });

  it('prints a command line only for a sound form, never with null in it', () => {
    const cliArgs = (f: SweepFormValues): string | undefined => sweepCliArgs(f, sweepFormProblems(f));
    expect(cliArgs(form({}))).toBe('--run "8 workers" --param scheduler.workers=1..4:1');
    expect(cliArgs(form({ seeds: true }))).toBe('--run "8 workers" --param scheduler.workers=1..4:1 --seeds 1..3');
    expect(cliArgs(form({ from: null }))).toBeUndefined();
  });
});

describe("the range's bounds, checked against the run they sweep", () => {
  const file = JSON.parse(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  const check = boundCheck(file);

  it('names a bound the run refuses beside its field, in the Runs form\'s words, where Run sweep would have said runs[1].scheduler.workers', () => {
    expect(sweepFormProblems(form({ from: 0 }), check)).toEqual({ from: 'From: a whole number ≥ 1 (got 0)' });
    expect(sweepFormProblems(form({ path: 'serviceMs', from: -5, to: 5, step: 5 }), check)).toEqual({ from: expect.stringMatching(/^From: .*-5/) });
    expect(sweepFormProblems(form({ path: 'seed', from: 1, to: 3 }), check)).toEqual({});
    expect(sweepFormProblems(form({}), check)).toEqual({});
  });

  it('a consumer\'s failure rate above 1 at To', () => {
    const withNotifier = structuredClone(file);
    withNotifier.runs[1].consumers = [{ name: 'state', interpreter: 'state-store' }, { name: 'notifier', interpreter: 'notifier' }];
    const problems = sweepFormProblems(form({ path: 'consumers[1].failureRate', from: 0, to: 1.5, step: 0.5 }), boundCheck(withNotifier));
    expect(problems).toEqual({ to: 'To: a number from 0 to 1 (got 1.5)' });
  });

  it('leaves the range alone while it has a problem of its own', () => {
    expect(sweepFormProblems(form({ from: 0, to: null }), check)).toEqual({ to: 'To: enter a number' });
  });
});
