import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario } from '../../../../src/engine';
import { redriveDeadLetters } from '../../../../src/engine/redrive';

const scenario = (() => {
  const parsed = parseScenario(readFileSync('samples/scenarios/decoupled-uptime.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
})();

describe('re-driving dead letters', () => {
  it('delivers every parked event once, in seq order, and the outbox then holds them', () => {
    const { traces } = runScenario(scenario, { runs: ['flaky + retries'] });
    const parked = traces[0].deadLetters.email;
    expect(parked.length).toBeGreaterThan(0);
    const before = (traces[0].outputs.email as unknown[]).length;
    const redrive = redriveDeadLetters(scenario, 'flaky + retries', 'email');
    expect(redrive.results.map((r) => r.eventSeq)).toEqual([...parked].sort((a, b) => a - b));
    expect(redrive.results.every((r) => r.result.type === 'enacted' && r.type === 'OrderPlaced')).toBe(true);
    expect((redrive.output as unknown[]).length).toBe(before + parked.length);
  });
  it('names an unknown consumer', () => {
    expect(() => redriveDeadLetters(scenario, 'flaky + retries', 'sms')).toThrow(/no consumer "sms"/);
  });
});
