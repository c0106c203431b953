import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeSweepCommand } from '../../../src/cli/commands/sweep';
import { main } from '../../../src/cli/main';
import { fakeRunner, invoke, recordingIO } from './cliHarness';

describe('purestream sweep', () => {
  it('runs one row per point, averaged over seeds (fake engine)', async () => {
    const io = recordingIO(['flash-sale.json']);
    const fake = fakeRunner();
    const code = await invoke(makeSweepCommand(fake.runner), ['flash-sale.json', '--run', '8 workers', '--param', 'scheduler.workers=1..3', '--seeds', '1..2', '--json'], io);
    expect(code).toBe(0);
    expect(fake.calls.map((c) => [c.scenario.runs[1].scheduler.workers, c.scenario.seed, c.options?.runs])).toEqual([
      [1, 1, ['8 workers']],
      [1, 2, ['8 workers']],
      [2, 1, ['8 workers']],
      [2, 2, ['8 workers']],
      [3, 1, ['8 workers']],
      [3, 2, ['8 workers']],
    ]);
    const report = JSON.parse(io.stdout);
    expect(report).toMatchObject({ format: 'purestream/sweep@1', run: '8 workers', params: ['scheduler.workers'], seeds: [1, 2] });
    expect(report.points[0]).toMatchObject({ values: { 'scheduler.workers': 1 }, seeds: 2, violations: 0, rejections: { 'out-of-stock': 1 } });
    expect(report.points[0].metrics.makespanMs).toBe(12.345);
    // the fake final state has no stock below zero
    expect(report.points[0].oversold).toBe(0);
  });

  it('prints a table with the parameter columns first, then the Sweep view\'s columns in its order (real engine)', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['sweep', 'flash-sale.json', '--run', 'one queue', '--param', 'serviceMs=5..10:5'], io)).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines[0]).toBe('Flash sale: 30 orders for 20 units — run "one queue", 2 points');
    expect(lines[2].split(/\s{2,}/)).toEqual([
      'serviceMs', 'violations', 'accepted', 'rejected', 'makespan ms', 'cmd p50 ms', 'cmd p95 ms', 'enact p95 ms', 'max queue', 'max workers',
      'stale decisions', 'units oversold', 'rejected: out-of-stock',
    ]);
    // no consumer fails: the delivery columns, 0 throughout, are named under the table instead
    expect(io.stdout).toContain('\n0 in every point: failures, retries, dead-lettered, lost, duplicates\n');
    expect(lines[3]).toMatch(/^5\s+0\s+20\s+10\s+150\s/);
    expect(lines[4]).toMatch(/^10\s+0\s+20\s+10\s+300\s/);
  });

  it('the text and --json carry the stale decisions, units oversold, cmd p50 and retries of the Sweep view (real engine)', async () => {
    const io = recordingIO(['flash-sale.json']);
    const args = ['sweep', 'flash-sale.json', '--run', '8 workers', '--param', 'scheduler.workers=1..2'];
    expect(await main([...args, '--json'], io)).toBe(0);
    const points = JSON.parse(io.stdout).points;
    const json = points.map((p: { oversold: number; metrics: { staleDecisions: number; retries: number; commandLatencyMs: { p50: number } } }) => [p.metrics.staleDecisions, p.oversold, p.metrics.commandLatencyMs.p50, p.metrics.retries]);
    // one worker decides on fresh state and sells nothing it lacks; two read stale state and oversell
    expect(json[0].slice(0, 2)).toEqual([0, 0]);
    expect(json[1][0]).toBeGreaterThan(0);
    expect(json[1][1]).toBeGreaterThan(0);
    io.stdout = '';
    expect(await main(args, io)).toBe(0);
    const [head, ...rows] = io.stdout.split('\n').slice(2, 5).map((l) => l.split(/\s{2,}/));
    const column = (label: string) => rows.map((r) => Number(r[head.indexOf(label)]));
    expect(['stale decisions', 'units oversold', 'cmd p50 ms'].map(column)).toEqual([0, 1, 2].map((i) => json.map((p: number[]) => p[i])));
    // retries are 0 in both points: named under the table
    expect(json.map((p: number[]) => p[3])).toEqual([0, 0]);
    expect(io.stdout).toMatch(/\n0 in every point: .*retries/);
  });

  it('shows the delivery columns where a consumer fails, naming only those 0 throughout under the table (real engine)', async () => {
    const io = recordingIO();
    const sample = fileURLToPath(new URL('../../../samples/scenarios/decoupled-uptime.json', import.meta.url));
    expect(await main(['sweep', sample, '--run', 'flaky + retries', '--param', 'serviceMs=2..4:2'], io)).toBe(0);
    const head = io.stdout.split('\n')[2].split(/\s{2,}/);
    expect(head).toEqual(expect.arrayContaining(['failures', 'retries', 'dead-lettered']));
    expect(head).not.toContain('lost');
    expect(io.stdout).toContain('\n0 in every point: lost, duplicates\n');
  });

  it('leaves units oversold out for a domain with nothing to oversell: the bank module, in the table and in --json (real engine)', async () => {
    const bank = fileURLToPath(new URL('../../../samples/domains/bank.scenario.json', import.meta.url));
    const args = ['sweep', bank, '--run', '4 workers', '--param', 'scheduler.workers=1..2'];
    const io = recordingIO();
    expect(await main(args, io)).toBe(0);
    const head = io.stdout.split('\n')[2].split(/\s{2,}/);
    expect(head).toEqual([
      'scheduler.workers', 'violations', 'accepted', 'rejected', 'makespan ms', 'cmd p50 ms', 'cmd p95 ms', 'enact p95 ms', 'max queue', 'max workers',
      'stale decisions', 'rejected: insufficient-funds',
    ]);
    expect(io.stdout).not.toContain('oversold');
    io.stdout = '';
    expect(await main([...args, '--json'], io)).toBe(0);
    const points = JSON.parse(io.stdout).points;
    expect(points).toHaveLength(2);
    for (const p of points) expect(Object.keys(p)).toEqual(['values', 'seeds', 'metrics', 'rejections', 'violations']);
  });

  it('has usage errors for missing or malformed options and values the run does not accept', async () => {
    const io = recordingIO(['flash-sale.json', 'bad.json']);
    expect(await main(['sweep', 'flash-sale.json', '--param', 'serviceMs=1..2'], io)).toBe(2);
    expect(await main(['sweep', 'flash-sale.json', '--run', 'one queue'], io)).toBe(2);
    expect(await main(['sweep', 'flash-sale.json', '--run', 'one queue', '--param', 'serviceMs=2..1'], io)).toBe(2);
    expect(await main(['sweep', 'flash-sale.json', '--run', 'nope', '--param', 'serviceMs=1..2'], io)).toBe(2);
    expect(await main(['sweep', 'flash-sale.json', '--run', 'one queue', '--param', 'seed=1..2', '--seeds', '1..2'], io)).toBe(2);
    io.stderr = '';
    expect(await main(['sweep', 'flash-sale.json', '--run', '8 workers', '--param', 'scheduler.workers=0..1'], io)).toBe(2);
    expect(io.stderr).toBe('purestream sweep: flash-sale.json: runs[1].scheduler.workers: expected an integer >= 1, got 0 (with scheduler.workers=0)\n');
    expect(await main(['sweep', 'bad.json', '--run', 'default', '--param', 'serviceMs=1..2'], io)).toBe(1);
  });
});
