import { describe, expect, it } from 'vitest';
import { CoarseProgress } from '../../../renderer/lib/coarseProgress';
import { spokenRunProgress } from '../../../renderer/lib/runProgress';
import type { RunProgress } from '../../../src/engine/api';

describe('progress said at coarse steps', () => {
  it('says each 10 % once, however many progresses come in between', () => {
    const said = new CoarseProgress();
    const steps: number[] = [];
    for (let done = 0; done <= 1000; done++) if (said.passed('arriving', (done / 1000) * 100)) steps.push(said.step((done / 1000) * 100));
    expect(steps).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('says a new phase, and the same step of another phase', () => {
    const said = new CoarseProgress();
    expect(said.passed('arriving', 42)).toBe(true);
    expect(said.passed('arriving', 49)).toBe(false);
    expect(said.passed('finishing', undefined)).toBe(true);
    expect(said.passed('finishing', undefined)).toBe(false);
    expect(said.passed('report', undefined)).toBe(true);
  });

  it('starts over after a reset (the next run is said from its start)', () => {
    const said = new CoarseProgress();
    expect(said.passed('sweep', 0)).toBe(true);
    said.reset();
    expect(said.passed('sweep', 0)).toBe(true);
  });
});

describe("the run's progress said", () => {
  const runs = ['one queue', '8 workers'];
  const at = (run: string, done: number, total = 200_150, phase?: RunProgress['phase']): RunProgress => ({ run, done, total, ...(phase ? { phase } : {}) }) as RunProgress;

  it('a 200,150-command run is said at 11 steps of arrival and once per later phase, not at each of its progresses', () => {
    const said = new CoarseProgress();
    const words: string[] = [];
    for (let done = 0; done < 200_150; done += 1_000) {
      const w = spokenRunProgress(at('8 workers', done), runs, said);
      if (w) words.push(w);
    }
    for (const phase of ['finishing', 'finishing', 'report'] as const) {
      const w = spokenRunProgress(at('8 workers', 200_150, 200_150, phase), runs, said);
      if (w) words.push(w);
    }
    expect(words).toHaveLength(10 + 2);
    expect(words[0]).toBe('Running “8 workers” (run 2 of 2): 0% of the commands arrived');
    expect(words[9]).toBe('Running “8 workers” (run 2 of 2): 90% of the commands arrived');
    expect(words.slice(10)).toEqual(['Running “8 workers” (run 2 of 2): finishing: deciding and enacting what is queued…', 'Running “8 workers” (run 2 of 2): building the report…']);
  });

  it('the next run of several is said as it starts', () => {
    const said = new CoarseProgress();
    expect(spokenRunProgress(at('one queue', 50, 100), runs, said)).toContain('“one queue” (run 1 of 2): 50%');
    expect(spokenRunProgress(at('8 workers', 50, 100), runs, said)).toContain('“8 workers” (run 2 of 2): 50%');
    expect(spokenRunProgress(at('8 workers', 55, 100), runs, said)).toBeUndefined();
  });
});
