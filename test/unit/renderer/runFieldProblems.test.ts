import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { placeRunProblems, problemInWords, runBlockedReason, runFormFields, withBothRunsOfANameClash } from '../../../renderer/lib/runFieldProblems';

describe('the Runs editor\'s problems beside their fields', () => {
  it('words the scenario check\'s ranges for people', () => {
    expect(problemInWords('scheduler.workers', 'expected an integer >= 1, got 1.5')).toBe('workers: a whole number ≥ 1 (got 1.5)');
    expect(problemInWords('failureRate', 'expected a number between 0 and 1, got 2')).toBe('failure rate: a number from 0 to 1 (got 2)');
    expect(problemInWords('name', 'duplicate run name "one queue" (also at runs[0].name)')).toBe('name: the 1st run is called "one queue" too; each run needs a name of its own');
    expect(problemInWords('name', 'duplicate run name "a" (also at runs[1].name)')).toMatch(/^name: the 2nd run /);
    expect(problemInWords('name', 'duplicate run name "a" (also at runs[2].name)')).toMatch(/^name: the 3rd run /);
    expect(problemInWords('name', 'duplicate run name "a" (also at runs[10].name)')).toMatch(/^name: the 11th run /);
    expect(problemInWords('name', 'duplicate run name "a" (also at runs[20].name)')).toMatch(/^name: the 21st run /);
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
    expect(placeRunProblems(parsed.errors, 2, runFormFields(['workers'], 0)).byField).toEqual({ name: `name: the 1st run is called "${s.runs[0].name}" too; each run needs a name of its own` });
    // the check names the second run of a clash; the first one's field says it too
    expect(placeRunProblems(parsed.errors, 0, runFormFields([], 0)).byField).toEqual({});
    expect(placeRunProblems(withBothRunsOfANameClash(parsed.errors), 0, runFormFields([], 0)).byField).toEqual({ name: `name: the 3rd run is called "${s.runs[0].name}" too; each run needs a name of its own` });
    // a problem no field shows stays in the list
    expect(placeRunProblems([{ path: 'runs[0].bogus', message: 'unknown key' }], 0, runFormFields([], 0)).rest).toHaveLength(1);
    expect(runBlockedReason(parsed.errors, (i) => String(s.runs[i].name))).toBe(`Fix 4 problems first — run "${s.runs[1].name}": workers: a whole number ≥ 1 (got 1.5) …`);
  });

  it('says a name three runs share once at the first of them, naming the second', () => {
    const errors = [
      { path: 'runs[1].name', message: 'duplicate run name "a" (also at runs[0].name)' },
      { path: 'runs[2].name', message: 'duplicate run name "a" (also at runs[0].name)' },
    ];
    expect(withBothRunsOfANameClash(errors)).toEqual([...errors, { path: 'runs[0].name', message: 'duplicate run name "a" (also at runs[1].name)' }]);
    const none = [{ path: 'runs[0].serviceMs', message: 'expected a number >= 1, got 0' }];
    expect(withBothRunsOfANameClash(none)).toBe(none);
  });
});
