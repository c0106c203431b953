import { describe, expect, it } from 'vitest';
import { runNamesOf, runPath } from '../../../../renderer/lib/text/runPath';

describe("a problem's place, its run named", () => {
  const names = ['one queue', '8 workers', 'pool', 'pool'];

  it('names the run where the path counts it', () => {
    expect(runPath('runs[1].scheduler.workers', names)).toBe('run “8 workers” › scheduler.workers');
    expect(runPath('runs[0]', names)).toBe('run “one queue”');
    expect(runPath('runs[1].consumers[0].failureRate', names)).toBe('run “8 workers” › consumers[0].failureRate');
  });

  it('says which of two runs of one name', () => {
    expect(runPath('runs[3].name', names)).toBe('run “pool” (4th) › name');
  });

  it('leaves other paths, a run past the list and a nameless run as they are', () => {
    expect(runPath('commands[0].data', names)).toBe('commands[0].data');
    expect(runPath('runs', names)).toBe('runs');
    expect(runPath('runs[9].serviceMs', names)).toBe('runs[9].serviceMs');
    expect(runPath('runs[0].name', [''])).toBe('runs[0].name');
  });
});

describe("a scenario file's run names", () => {
  it('are read from any value, a run without a text name giving ""', () => {
    expect(runNamesOf({ runs: [{ name: 'a' }, { name: 3 }, null, 'x', {}] })).toEqual(['a', '', '', '', '']);
    expect(runNamesOf({})).toEqual([]);
    expect(runNamesOf(null)).toEqual([]);
  });
});
