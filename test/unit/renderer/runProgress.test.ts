import { describe, expect, it } from 'vitest';
import { cancelledText, runOrdinal, runProgressView } from '../../../renderer/lib/runProgress';
import { runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { RunProgress } from '../../../src/engine/api';

describe('the run progress line', () => {
  it('says which run of how many is running, when there are several', () => {
    const runs = ['one queue', '8 workers', 'single writer', 'inventory-aware'];
    expect(runOrdinal({ run: 'one queue' }, runs)).toBe('run 1 of 4');
    expect(runOrdinal({ run: 'inventory-aware' }, runs)).toBe('run 4 of 4');
    expect(runOrdinal({ run: 'one queue' }, ['one queue'])).toBeUndefined();
    expect(runOrdinal(undefined, runs)).toBeUndefined();
    expect(runOrdinal({ run: 'elsewhere' }, runs)).toBeUndefined();
  });

  it('a cancelled batch says where it stopped and names the runs that finished and were kept', () => {
    const runs = ['one queue', '8 workers', 'single writer', 'inventory-aware'];
    expect(cancelledText('8 workers', runs, ['one queue'])).toBe('Stopped during “8 workers” (run 2 of 4); kept the 1 run that finished: “one queue”.');
    expect(cancelledText('inventory-aware', runs, ['one queue', '8 workers', 'single writer'])).toBe(
      'Stopped during “inventory-aware” (run 4 of 4); kept the 3 runs that finished: “one queue”, “8 workers”, “single writer”.',
    );
    expect(cancelledText('one queue', runs, [])).toBe('Stopped during “one queue” (run 1 of 4); no run had finished, so nothing was kept.');
  });

  it('a cancelled run says nothing was kept when none was, and why when runs had finished', () => {
    const runs = ['one queue', '8 workers'];
    // the worker had to be ended (it did not answer, or the page has no shared memory)
    expect(cancelledText('8 workers', runs, [])).toBe('Stopped during “8 workers” (run 2 of 2); nothing was kept: the engine\'s worker had to be ended to stop it.');
    expect(cancelledText(undefined, runs, [])).toBe('The run was stopped; nothing was kept from it.');
    expect(cancelledText('one queue', ['one queue'], [])).toBe('The run was stopped; nothing was kept from it.');
  });

  it('counts arrivals while they come, then says what the run is doing with an indeterminate bar', () => {
    expect(runProgressView(undefined)).toEqual({ percent: undefined, text: 'starting…' });
    expect(runProgressView({ run: 'pool', done: 500_000, total: 2_000_000, phase: 'arriving' })).toEqual({ percent: 25, text: '500,000 / 2,000,000 commands arrived' });
    expect(runProgressView({ run: 'pool', done: 2_000_000, total: 2_000_000, phase: 'finishing' })).toEqual({ percent: undefined, text: 'finishing: deciding and enacting what is queued…' });
    expect(runProgressView({ run: 'pool', done: 2_000_000, total: 2_000_000 })).toEqual({ percent: undefined, text: 'finishing: deciding and enacting what is queued…' });
    expect(runProgressView({ run: 'pool', done: 2_000_000, total: 2_000_000, phase: 'report' })).toEqual({ percent: undefined, text: 'building the report…' });
  });

  it('hears from the engine that arrivals are done before the run is, and when the report is being built', () => {
    const parsed = parseScenario({
      format: 'purestream/scenario@1',
      name: 'restocks',
      domain: 'commerce',
      commands: [{ repeat: 20_000, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } }],
      runs: [{ name: 'pool', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 10 }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const seen: RunProgress[] = [];
    runScenario(parsed.scenario, { trace: false, onProgress: (p) => seen.push(p) });
    const phases = [...new Set(seen.map((p) => p.phase))];
    // 4 workers at 10 ms each take 50 s for what arrives in 20 s: most of the run comes after the last arrival
    expect(phases).toEqual(['arriving', 'finishing', 'report']);
    expect(seen.filter((p) => p.phase === 'finishing').every((p) => p.done === p.total)).toBe(true);
  });
});
