import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadLetterText, realRunModel } from '../../../../renderer/lib/compare/realRunModel';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import { runScenario } from '../../../../src/engine/run';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import type { RealComparison } from '../../../../src/sources/sinks/compareReal';

const comparison = JSON.parse(readFileSync('test/fixtures/real-runs/decoupled-uptime.flaky-retries.email.comparison.json', 'utf8')) as RealComparison;

function decoupledUptime() {
  const parsed = parseScenario(readFileSync('samples/scenarios/decoupled-uptime.json', 'utf8'), 'decoupled-uptime.json');
  if (!parsed.ok) throw new Error('the sample does not parse');
  return new TraceReader(runScenario(parsed.scenario, { trace: true }), parsed.scenario);
}

describe('a real run in the Compare view', () => {
  it('sets the counts side by side, names the dead-lettered events, and says whether the final states are equal', () => {
    const m = realRunModel(comparison);
    expect(m.consumer).toBe('email (notifier, exactly-once)');
    expect(m.rows.map((r) => [r.label, r.simulated, r.real, r.delta])).toEqual([
      ['Deliveries', 28, 32, 4],
      ['Redeliveries', 13, 17, 4],
      ['Failures', 15, 15, 0],
      ['Duplicates', 0, 0, 0],
      ['Dead letters', 2, 2, 0],
      ['Lost', 0, 0, 0],
      ['Events enacted', 13, 13, 0],
    ]);
    expect(m.deadLetters).toEqual({ same: true, simulated: ['c8.1 (OrderPlaced)', 'c12.1 (OrderPlaced)'], real: ['c8.1 (OrderPlaced)', 'c12.1 (OrderPlaced)'] });
    expect([m.tone, m.stateHash.same, m.differences]).toEqual(['ok', true, []]);
    expect(m.verdict).toBe(`The final states are equal (stateHash ${comparison.real.stateHash}), as they must be for an exactly-once consumer.`);
    expect(deadLetterText({ seq: '9' })).toBe('stream sequence 9');
  });

  it('shows differing final states as Compare\'s difference rows (simulated, real)', () => {
    const differing: RealComparison = { ...comparison, sameFinalState: false, real: { ...comparison.real, stateHash: 'ff' }, differences: [{ path: ['7', 'to'], a: 'c-3', b: 'c-4' }, { path: ['12'], a: { to: 'c-9' }, b: null }] };
    const m = realRunModel(differing);
    expect([m.tone, m.verdict]).toEqual(['bad', 'The final states DIFFER, though they must be equal for an exactly-once consumer.']);
    expect(m.differences).toEqual([{ stream: '7', path: ['7', 'to'], values: ['c-3', 'c-4'] }, { stream: '12', path: ['12'], values: [{ to: 'c-9' }, null] }]);
    expect(realRunModel({ ...differing, mustBeEqual: false }).tone).toBe('note');
  });

  it('the engine worker\'s reader sets a real run beside the run of the same name, or says why it cannot', async () => {
    const reader = decoupledUptime();
    const view = await reader.compareReal(readFileSync('test/fixtures/real-runs/decoupled-uptime.exactly-once.audit.jsonl', 'utf8'), 'audit.jsonl');
    expect([view.run, view.from, view.comparison.run, view.comparison.sameFinalState, view.comparison.real.sessions]).toEqual([3, 'real-run', 'exactly-once', true, 2]);
    const made = await reader.compareReal(JSON.stringify(comparison), 'c.json');
    expect([made.run, made.from, made.comparison]).toEqual([0, 'comparison', comparison]);
    await expect(reader.compareReal('{"t":"delivery"}\n', 'odd.jsonl')).rejects.toThrow('odd.jsonl: not a real run (purestream/real-run@1, as purestream enact --state writes) nor a real comparison (purestream/real-comparison@1, as purestream compare-real --json writes)');
    await expect(new TraceReader({ report: (await reader.result()).report, traces: [] }, undefined).compareReal('', 'x')).rejects.toThrow('this result has no scenario to set a real run beside (run the scenario again)');
  });
});
