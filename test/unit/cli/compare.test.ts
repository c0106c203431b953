import { describe, expect, it } from 'vitest';
import { makeCompareCommand } from '../../../src/cli/commands/compare';
import { main } from '../../../src/cli/main';
import { fakeRunner, invoke, recordingIO } from './cliHarness';

describe('purestream compare (fake engine)', () => {
  it('adds the comparison of each run against the first to the JSON report', async () => {
    const io = recordingIO(['everything.json']);
    expect(await invoke(makeCompareCommand(fakeRunner().runner), ['everything.json', '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.comparison.map((c: { a: string; b: string; sameFinalState: boolean }) => [c.a, c.b, c.sameFinalState])).toEqual([
      ['serial', 'pool', false],
      ['serial', 'keyed', false],
      ['serial', 'scaling', false],
    ]);
    expect(report.comparison[0].differences).toEqual([{ path: ['stock:tee@main', 'stock'], a: 6, b: 4 }]);
  });

  it('prints the runs side by side and the differences as path / a / b', async () => {
    const io = recordingIO(['everything.json']);
    expect(await invoke(makeCompareCommand(fakeRunner().runner), ['everything.json'], io)).toBe(0);
    expect(io.stdout).toMatch(/^\s+serial\s+pool\s+keyed\s+scaling$/m);
    expect(io.stdout).toContain('pool vs serial: 1 difference in the final state\n');
    expect(io.stdout).toMatch(/path\s+serial\s+pool\n\s+stock:tee@main › stock\s+6\s+4/);
    expect(io.stdout).toContain('keyed vs serial: 1 difference');
  });

  it('has the exit codes of run for usage and bad input', async () => {
    const io = recordingIO(['bad.json']);
    expect(await main(['compare'], io)).toBe(2);
    expect(await main(['compare', 'bad.json', '--run', 'x'], io)).toBe(2);
    expect(await main(['compare', 'bad.json'], io)).toBe(1);
    expect(io.stderr).toContain('bad.json: commands[1].data.qty: expected an integer');
  });
});
