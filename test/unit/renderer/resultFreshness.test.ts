import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { resultFreshness } from '../../../renderer/lib/resultFreshness';
import type { ParseResult } from '../../../src/engine/api';

const flash = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as Record<string, unknown>;
const ran = (parseScenario(flash) as Extract<ParseResult, { ok: true }>).scenario;

describe('resultFreshness', () => {
  it('is current for the scenario that ran, or an equal one parsed again (an edit undone or typed back)', () => {
    expect(resultFreshness(ran, { ok: true, scenario: ran })).toBe('current');
    expect(resultFreshness(ran, parseScenario(structuredClone(flash)))).toBe('current');
  });

  it('is stale once the open scenario differs from the one that ran (Flash sale, seed set to 42)', () => {
    expect(resultFreshness(ran, parseScenario({ ...flash, seed: 42 }))).toBe('stale');
  });

  it('is stale while the open scenario has problems: no run of it exists', () => {
    expect(resultFreshness(ran, parseScenario({ ...flash, runs: 'none' }))).toBe('stale');
  });

  it('is unknown without the scenario that ran (a stored result read without it) or without an open scenario', () => {
    expect(resultFreshness(undefined, parseScenario(flash))).toBe('unknown');
    expect(resultFreshness(ran, undefined)).toBe('unknown');
  });
});
