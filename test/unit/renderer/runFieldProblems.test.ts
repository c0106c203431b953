import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { placeRunProblems, problemInWords, runBlockedReason, runFormFields, runNameOf, viewsToFix, whereToFix } from '../../../renderer/lib/runFieldProblems';

describe('the Runs editor\'s problems beside their fields', () => {
  it('words the scenario check\'s ranges for people, and a run name another run has by that run\'s place', () => {
    expect(problemInWords('scheduler.workers', { path: 'runs[0].scheduler.workers', message: 'expected an integer >= 1, got 1.5' })).toBe('workers: a whole number ≥ 1 (got 1.5)');
    expect(problemInWords('failureRate', { path: 'runs[0].consumers[0].failureRate', message: 'expected a number between 0 and 1, got 2' })).toBe('failure rate: a number from 0 to 1 (got 2)');
    const clash = (other: number) => ({ path: 'runs[5].name', message: 'duplicate run name', sameAs: `runs[${other}].name` });
    expect(problemInWords('name', clash(0), 'one queue')).toBe('name: the 1st run is called "one queue" too; each run needs a name of its own');
    expect(problemInWords('name', clash(1), 'a')).toMatch(/^name: the 2nd run /);
    expect(problemInWords('name', clash(2), 'a')).toMatch(/^name: the 3rd run /);
    expect(problemInWords('name', clash(10), 'a')).toMatch(/^name: the 11th run /);
    expect(problemInWords('name', clash(20), 'a')).toMatch(/^name: the 21st run /);
  });

  it('says "the Nth run is called" only of a run name: another field, or a place other than a run\'s name, is worded by its message', () => {
    expect(problemInWords('name', { path: 'runs[1].consumers[0].name', message: 'duplicate consumer name', sameAs: 'runs[1].consumers[2].name' }, 'tables')).toBe('name: duplicate consumer name');
    expect(problemInWords('serviceMs', { path: 'runs[1].serviceMs', message: 'the same as run 0', sameAs: 'runs[0].name' }, 5)).toBe('service time: the same as run 0');
  });

  it('places each problem of a run in the field it falls in, as the engine names it', () => {
    const s = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8'));
    s.runs[1].scheduler.workers = 1.5;
    s.runs[1].consumers = [{ name: 'mail', interpreter: 'notifier', failureRate: 2, retry: { max: -1, backoffMs: 10, factor: 2 } }];
    s.runs[2].name = s.runs[0].name;
    const parsed = parseScenario(s);
    if (parsed.ok) throw new Error('expected problems');
    const second = placeRunProblems(parsed.errors, 1, runFormFields(['workers'], 1));
    expect(second.byField).toEqual({
      'scheduler.workers': 'workers: a whole number ≥ 1 (got 1.5)',
      'consumers[0].failureRate': 'failure rate: a number from 0 to 1 (got 2)',
      'consumers[0].retry.max': 'retries: a whole number ≥ 0 (got -1)',
    });
    expect(second.rest).toEqual([]);
    // a name two runs share is said at both, each naming the other
    expect(placeRunProblems(parsed.errors, 2, runFormFields(['workers'], 0), s.runs[2].name).byField).toEqual({ name: `name: the 1st run is called "${s.runs[0].name}" too; each run needs a name of its own` });
    expect(placeRunProblems(parsed.errors, 0, runFormFields([], 0), s.runs[0].name).byField).toEqual({ name: `name: the 3rd run is called "${s.runs[0].name}" too; each run needs a name of its own` });
    // a problem no field shows stays in the list
    expect(placeRunProblems([{ path: 'runs[0].bogus', message: 'unknown key' }], 0, runFormFields([], 0)).rest).toHaveLength(1);
    expect(runBlockedReason(parsed.errors, (i) => String(s.runs[i].name))).toBe(`Fix 4 problems first — run "${s.runs[1].name}": workers: a whole number ≥ 1 (got 1.5) …`);
  });

  it('counts a name two runs share as one problem in Run\'s tooltip, said at the later run', () => {
    const parsed = parseScenario({ format: 'purestream/scenario@1', name: 't', domain: 'commerce', commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }], runs: [{ name: 'a' }, { name: 'a' }] });
    if (parsed.ok) throw new Error('expected problems');
    expect(runBlockedReason(parsed.errors, () => 'a')).toBe('Fix this first — run "a": name: the 1st run is called "a" too; each run needs a name of its own');
  });
});

describe('where to fix a scenario\'s problems before it runs again', () => {
  const flashSale = () => JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8'));
  const problemsOf = (s: unknown) => {
    const parsed = parseScenario(s);
    if (parsed.ok) throw new Error('expected problems');
    return parsed.errors;
  };

  it('points a run\'s field to the run\'s card, below in Runs and in the Runs view elsewhere, never to the Scenario view', () => {
    const s = flashSale();
    s.runs[1].scheduler.workers = 0;
    const errors = problemsOf(s);
    const name = (i: number) => runNameOf(s, i);
    expect(whereToFix(errors, name, true)).toBe('Fix this first, on the card of run "8 workers" below — workers: a whole number ≥ 1 (got 0)');
    expect(whereToFix(errors, name, false)).toBe('Fix this first, on the card of run "8 workers" in the Runs view — workers: a whole number ≥ 1 (got 0)');
  });

  it('says a name two runs share once, at the later run, and a run without a name by its place', () => {
    const s = flashSale();
    s.runs[2].name = 'one queue';
    expect(whereToFix(problemsOf(s), (i) => runNameOf(s, i), true)).toBe('Fix this first, on the card of run "one queue" below — name: the 1st run is called "one queue" too; each run needs a name of its own');
    const t = flashSale();
    t.runs[1].name = '';
    expect(whereToFix(problemsOf(t), (i) => runNameOf(t, i), true)).toMatch(/^Fix this first, on the card of the 2nd run below — name: /);
  });

  it('counts problems on several runs\' cards, and sends a problem outside the runs to the Scenario view', () => {
    const s = flashSale();
    s.runs[1].scheduler.workers = 0;
    s.runs[3].serviceMs = -1;
    expect(whereToFix(problemsOf(s), (i) => runNameOf(s, i), true)).toBe('Fix 2 problems first, on the runs\' cards below — run "8 workers": workers: a whole number ≥ 1 (got 0)');
    s.seed = 'seven';
    expect(whereToFix(problemsOf(s), (i) => runNameOf(s, i), true)).toBe('Fix 3 problems first, in the Scenario view and on the runs\' cards below');
    const t = flashSale();
    t.seed = 'seven';
    expect(whereToFix(problemsOf(t), (i) => runNameOf(t, i), true)).toBe('Fix this first, in the Scenario view');
    expect(whereToFix([], () => '', true)).toBeUndefined();
  });

  it('names the views the problems are fixed in: a run\'s in Runs, the rest in the Scenario view, a clash of two runs once', () => {
    const s = flashSale();
    s.runs[1].scheduler.workers = 0;
    expect(viewsToFix(problemsOf(s))).toEqual(['runs']);
    s.seed = 'seven';
    expect(viewsToFix(problemsOf(s))).toEqual(['editor', 'runs']);
    const t = flashSale();
    t.seed = 'seven';
    expect(viewsToFix(problemsOf(t))).toEqual(['editor']);
    const u = flashSale();
    u.runs[2].name = 'one queue';
    expect(viewsToFix(problemsOf(u))).toEqual(['runs']);
    expect(viewsToFix([])).toEqual([]);
  });

  it('reads a run\'s name as written, \'\' for none', () => {
    expect([runNameOf({ runs: [{ name: 'a' }, {}, { name: 3 }] }, 0), runNameOf({ runs: [{ name: 'a' }, {}] }, 1), runNameOf({ runs: [{ name: 3 }] }, 0), runNameOf({}, 0), runNameOf(undefined, 0)]).toEqual(['a', '', '', '', '']);
  });
});
