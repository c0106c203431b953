import { describe, expect, it } from 'vitest';
import { runToReopen, runVersions, runVersionText } from '../../../../renderer/lib/workspace/runVersions';
import type { RunSummary } from '../../../../src/store/runs';

const V1 = JSON.stringify({ seed: 7, commands: [1], runs: ['a'] });
const V2 = JSON.stringify({ seed: 8, commands: [1], runs: ['a'] });
const V3 = JSON.stringify({ seed: 8, commands: [2], runs: ['a'] });
const run = (runId: number, created: number, inputs?: string, scenario = 'Flash sale'): RunSummary => ({ runId, scenario, created, runs: ['one queue'], ...(inputs === undefined ? {} : { inputs }) });

describe('runToReopen: what opening a stored scenario brings back', () => {
  it('the latest run of the version it runs from now, even when a run of another version is newer', () => {
    const runs = [run(3, 30, V2), run(2, 20, V1), run(1, 10, V1)];
    expect(runToReopen(runs, 'Flash sale', V1)).toEqual({ kind: 'this version', run: runs[1] });
    expect(runToReopen(runs, 'Flash sale', V2)).toEqual({ kind: 'this version', run: runs[0] });
  });

  it('no run of this version: the latest run of another version, to say so and offer it', () => {
    const runs = [run(2, 20, V2), run(1, 10, V1)];
    expect(runToReopen(runs, 'Flash sale', V3)).toEqual({ kind: 'other version', run: runs[0] });
  });

  it('a latest run whose version is not recorded (an older Purestream stored it) is taken to be of this version, as opening it would', () => {
    const runs = [run(2, 20), run(1, 10, V1)];
    expect(runToReopen(runs, 'Flash sale', V3)).toEqual({ kind: 'this version', run: runs[0] });
  });

  it('nothing for a scenario without stored runs, or one that does not run (what it runs from is not known)', () => {
    const runs = [run(1, 10, V1, 'Other')];
    expect(runToReopen(runs, 'Flash sale', V1)).toBeUndefined();
    expect(runToReopen([run(1, 10, V1)], 'Flash sale', undefined)).toBeUndefined();
  });
});

describe('runVersions: how the list tells runs of one title apart', () => {
  const saved = (inputs: string | undefined) => (scenario: string) => (scenario === 'Flash sale' ? inputs : undefined);

  it('numbers the versions per scenario in the order first stored, says which is saved and which parts differ, and marks the latest', () => {
    const runs = [run(4, 40, V1, 'Other'), run(3, 30, V2), run(2, 20, V1), run(1, 10)];
    const v = runVersions(runs, saved(V2));
    expect(v.get(3)).toEqual({ version: 2, saved: true, latest: true });
    expect(v.get(2)).toEqual({ version: 1, saved: false, differs: ['seed'], latest: false });
    expect(v.get(1)).toEqual({ latest: false });
    // another scenario's versions are its own; its saved version is not known
    expect(v.get(4)).toEqual({ version: 1, latest: true });
  });

  it('says it in words', () => {
    const v = runVersions([run(3, 30, V3), run(2, 20, V2), run(1, 10, V1)], saved(V3));
    expect([3, 2, 1].map((id) => runVersionText(v.get(id)!))).toEqual([
      'version 3 · as saved · latest',
      'version 2 · differs from the saved scenario in commands',
      'version 1 · differs from the saved scenario in seed and commands',
    ]);
    expect(runVersionText({ latest: true })).toBe('version not recorded · latest');
  });
});
