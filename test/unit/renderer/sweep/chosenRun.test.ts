import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultRun, followRun } from '../../../../renderer/lib/sweep/chosenRun';

const flashSale = (): Record<string, unknown>[] => JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')).runs;
const renamed = (runs: Record<string, unknown>[], i: number, name: string) => runs.map((r, j) => (j === i ? { ...r, name } : r));

describe('the run a sweep is of', () => {
  it('starts with the first pool, else a run with workers, else the first run, else the default run', () => {
    const runs = flashSale();
    expect(defaultRun(runs)).toEqual({ index: 1, name: '8 workers', count: 4 });
    expect(defaultRun([{ name: 'a' }, { name: 'b', scheduler: { kind: 'single-writer', workers: 2 } }])).toEqual({ index: 1, name: 'b', count: 2 });
    expect(defaultRun([{ name: 'a' }, { name: 'b', scheduler: { kind: 'serial' } }])).toEqual({ index: 0, name: 'a', count: 2 });
    expect(defaultRun([])).toEqual({ index: 0, name: 'default', count: 0 });
  });

  it('stays when its place holds its name, even when another run takes the same name', () => {
    const chosen = { index: 1, name: '8 workers', count: 4 };
    expect(followRun(flashSale(), chosen)).toBe(chosen);
    expect(followRun(renamed(flashSale(), 0, '8 workers'), chosen)).toBe(chosen);
  });

  it('follows a rename, to a new name, to the name of another run and on from there', () => {
    const chosen = { index: 1, name: '8 workers', count: 4 };
    expect(followRun(renamed(flashSale(), 1, '8 pool workers'), chosen)).toEqual({ index: 1, name: '8 pool workers', count: 4 });
    const clash = followRun(renamed(flashSale(), 1, 'one queue'), chosen);
    expect(clash).toEqual({ index: 1, name: 'one queue', count: 4 });
    // the first run is still called "one queue": the renamed one is followed, not it
    expect(followRun(renamed(flashSale(), 1, '8 pool workers'), clash)).toEqual({ index: 1, name: '8 pool workers', count: 4 });
  });

  it('follows a run that moved when one before it was removed; a removed last run gives way to the default', () => {
    const runs = flashSale();
    expect(followRun(runs.slice(1), { index: 1, name: '8 workers', count: 4 })).toEqual({ index: 0, name: '8 workers', count: 3 });
    expect(followRun([...runs, { name: 'five' }], { index: 1, name: '8 workers', count: 4 })).toEqual({ index: 1, name: '8 workers', count: 5 });
    expect(followRun(runs.slice(0, 3), { index: 3, name: 'inventory-aware', count: 4 })).toEqual({ index: 1, name: '8 workers', count: 3 });
    const none = { index: 0, name: 'default', count: 0 };
    expect(followRun([], none)).toBe(none);
  });
});
