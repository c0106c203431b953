import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeedRange, parseSweepParam, planSweep, sweepGrid, type SweepParam } from '../../../../src/engine/scenario/sweep';

const file = JSON.parse(readFileSync(new URL('../../../fixtures/scenarios/everything.json', import.meta.url), 'utf8'));
const param = (spec: string) => parseSweepParam(spec) as SweepParam;

describe('sweep planner', () => {
  it('parses PATH=FROM..TO[:STEP] ranges', () => {
    expect(parseSweepParam('scheduler.workers=1..4')).toEqual({ path: 'scheduler.workers', values: [1, 2, 3, 4] });
    expect(parseSweepParam('consumers[1].failureRate=0..0.3:0.1')).toEqual({ path: 'consumers[1].failureRate', values: [0, 0.1, 0.2, 0.3] });
    expect(parseSweepParam('serviceMs=5..12:5')).toEqual({ path: 'serviceMs', values: [5, 10] });
    expect(parseSweepParam('workers')).toContain('expected PATH=FROM..TO');
    expect(parseSweepParam('a..b=1..2')).toContain('expected PATH=FROM..TO');
    expect(parseSweepParam('x=4..1')).toBe('x: the range 4..1 is empty (TO must not be below FROM)');
    expect(parseSweepParam('x=1..2:0')).toBe('x: the step must be greater than 0');
    // a negative step is named as such, not as a malformed range
    expect(parseSweepParam('x=1..2:-1')).toBe('x: the step must be greater than 0');
    expect(parseSweepParam('x=0..100000')).toContain('too many');
  });

  it('parses seed ranges', () => {
    expect(parseSeedRange('3..5')).toEqual([3, 4, 5]);
    expect(parseSeedRange('1..2:0.5')).toContain('integer seeds');
  });

  it('makes the grid with the first parameter varying slowest', () => {
    expect(sweepGrid([param('a=1..2'), param('b=5..6')])).toEqual([
      { a: 1, b: 5 },
      { a: 1, b: 6 },
      { a: 2, b: 5 },
      { a: 2, b: 6 },
    ]);
  });

  it('sets run parameters and the seed in validated variants, leaving the file untouched', () => {
    const before = JSON.stringify(file);
    const plan = planSweep(file, 'pool', [param('scheduler.workers=1..2'), param('consumers[1].failureRate=0.5..0.5'), param('seed=9..9')]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.points.map((p) => p.values)).toEqual([
      { 'scheduler.workers': 1, 'consumers[1].failureRate': 0.5, seed: 9 },
      { 'scheduler.workers': 2, 'consumers[1].failureRate': 0.5, seed: 9 },
    ]);
    const run = plan.points[1].scenario.runs[1];
    expect(run.scheduler.workers).toBe(2);
    expect(run.consumers[1].failureRate).toBe(0.5);
    expect(plan.points[1].scenario.seed).toBe(9);
    expect(JSON.stringify(file)).toBe(before);
  });

  it('creates missing objects on the way (a retry policy), and sweeps the default run of a file without runs', () => {
    const plan = planSweep(file, 'pool', [param('consumers[0].retry.max=2..2')]);
    expect(plan.ok && plan.points[0].scenario.runs[1].consumers[0].retry).toEqual({ max: 2, backoffMs: 100, factor: 2 });
    const noRuns = { ...file, runs: undefined };
    const defaults = planSweep(noRuns, 'default', [param('serviceMs=3..3')]);
    expect(defaults.ok && defaults.points[0].scenario.runs[0].serviceMs).toBe(3);
  });

  it('names the path of a value the run does not accept, or a path that leads nowhere', () => {
    expect(planSweep(file, 'pool', [param('scheduler.workers=0..1')])).toEqual({
      ok: false,
      errors: [{ path: 'runs[1].scheduler.workers', message: 'expected an integer >= 1, got 0 (with scheduler.workers=0)' }],
    });
    expect(planSweep(file, 'pool', [param('consumers[5].workers=1..1')])).toEqual({ ok: false, errors: [{ path: 'runs[1].consumers[5]', message: expect.stringMatching(/^no such entry: the list has \d+ \(indexes 0…\d+\)$/) }] });
    expect(planSweep(file, 'serial', [param('consumers[0].workers=1..1')])).toEqual({ ok: false, errors: [{ path: 'runs[0].consumers', message: 'the run lists no consumers (only the default state store): add the consumer to the run in the scenario to sweep its parameters' }] });
    expect(planSweep(file, 'pool', [param('serviceMs.min.x=1..1')])).toEqual({ ok: false, errors: [{ path: 'runs[1].serviceMs.min', message: 'is not an object with parameters' }] });
    expect(planSweep(file, 'nope', [param('serviceMs=1..1')])).toMatchObject({ ok: false });
  });
});
