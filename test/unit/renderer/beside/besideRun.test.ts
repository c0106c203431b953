import { describe, expect, it } from 'vitest';
import { besideChoices, besideIndex, linkedStep } from '../../../../renderer/lib/beside/besideRun';

const runs = ['one queue', '8 workers', 'single writer', 'inventory-aware'];

describe('besideChoices', () => {
  it('offers every run but the current one, in the report order, with its index', () => {
    expect(besideChoices(runs, 1)).toEqual([
      { index: 0, name: 'one queue' },
      { index: 2, name: 'single writer' },
      { index: 3, name: 'inventory-aware' },
    ]);
  });
  it('offers nothing when the scenario has one run', () => {
    expect(besideChoices(['only'], 0)).toEqual([]);
  });
});

describe('besideIndex', () => {
  it('is one pane while nothing is chosen', () => {
    expect(besideIndex(runs, undefined, 0)).toBeUndefined();
  });
  it('finds the chosen run by name, so a result whose runs moved keeps the same run beside', () => {
    expect(besideIndex(runs, '8 workers', 0)).toBe(1);
    expect(besideIndex(['8 workers', 'one queue'], '8 workers', 1)).toBe(0);
  });
  it('forgets a run the result no longer has', () => {
    expect(besideIndex(['one queue', 'single writer'], '8 workers', 0)).toBeUndefined();
  });
  it('swaps when the current run becomes the one beside: the pane beside takes the former current run', () => {
    expect(besideIndex(runs, '8 workers', 1, 3)).toBe(3);
  });
  it('takes the first other run when the former current run is not known', () => {
    expect(besideIndex(runs, 'one queue', 0)).toBe(1);
    expect(besideIndex(runs, 'one queue', 0, 0)).toBe(1);
    expect(besideIndex(runs, 'one queue', 0, 9)).toBe(1);
  });
  it('is one pane when the only run left is the current one', () => {
    expect(besideIndex(['one queue'], 'one queue', 0)).toBeUndefined();
  });
});

describe('linkedStep', () => {
  it('keeps the step when the run has it, and stops at either end of a run that has not', () => {
    expect(linkedStep(40, 100)).toBe(40);
    expect(linkedStep(150, 100)).toBe(100);
    expect(linkedStep(-1, 100)).toBe(-1);
    expect(linkedStep(-5, 100)).toBe(-1);
  });
});
