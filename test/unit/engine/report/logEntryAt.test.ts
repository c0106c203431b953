import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { logEntryAt, parseScenario, runScenario } from '../../../../src/engine';

describe('logEntryAt', () => {
  it('finds every entry of a run log by seq, and entries of a partial log too', () => {
    const parsed = parseScenario(readFileSync('samples/scenarios/flash-sale.json', 'utf8'));
    if (!parsed.ok) throw new Error('sample does not parse');
    const { log } = runScenario(parsed.scenario, { runs: ['8 workers'] }).traces[0];
    for (const e of log) expect(logEntryAt({ log }, e.seq)).toBe(e);
    const partial = { log: log.filter((e) => e.seq % 3 === 0) };
    for (const e of partial.log) expect(logEntryAt(partial, e.seq)).toBe(e);
    expect(logEntryAt(partial, 9)?.seq).toBe(9);
    expect(logEntryAt(partial, 10)).toBeUndefined();
    expect(logEntryAt({ log }, log.length + 1)).toBeUndefined();
  });
});
