import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { resultFreshness, scenarioInputs } from '../../../renderer/lib/resultFreshness';
import type { ParseResult } from '../../../src/engine/api';

const flash = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as Record<string, unknown>;
const ran = scenarioInputs((parseScenario(flash) as Extract<ParseResult, { ok: true }>).scenario);
const edited = (change: Record<string, unknown>) => resultFreshness(ran, parseScenario({ ...flash, ...change }));
const runs = flash.runs as Record<string, unknown>[];

describe('resultFreshness', () => {
  it('is current for the scenario that ran, or an equal one parsed again (an edit undone or typed back)', () => {
    expect(resultFreshness(ran, parseScenario(flash))).toBe('current');
    expect(resultFreshness(ran, parseScenario(structuredClone(flash)))).toBe('current');
  });

  it('stays current when only what no run reads changed: the name, the description, an x- key', () => {
    expect(edited({ name: 'Concert' })).toBe('current');
    expect(edited({ description: 'VERSION-2' })).toBe('current');
    expect(edited({ 'x-lesson': 'Look at Compare.', 'x-note': { by: 'me' } })).toBe('current');
    expect(edited({ name: 'Concert', description: '' })).toBe('current');
  });

  it('is stale once anything a run reads changed: seed, domain, setup, commands, a run (its name too), a default written out differently', () => {
    expect(edited({ seed: 42 })).toBe('stale');
    expect(edited({ domain: 'profiles' })).toBe('stale');
    expect(edited({ setup: [] })).toBe('stale');
    expect(edited({ commands: (flash.commands as unknown[]).slice(0, 1).concat([{ type: 'PlaceOrder', data: { orderId: 'x', customerId: 'u', sku: 'tee', qty: 1 } }]) })).toBe('stale');
    expect(edited({ runs: runs.slice(1) })).toBe('stale');
    expect(edited({ runs: [{ ...runs[0], name: 'first queue' }, ...runs.slice(1)] })).toBe('stale');
    expect(edited({ runs: [{ ...runs[0], serviceMs: 11 }, ...runs.slice(1)] })).toBe('stale');
  });

  it('is stale while the open scenario has problems: no run of it exists', () => {
    expect(edited({ runs: 'none' })).toBe('stale');
  });

  it('is unknown without what the result ran from (a stored result read without it) or without an open scenario', () => {
    expect(resultFreshness(undefined, parseScenario(flash))).toBe('unknown');
    expect(resultFreshness(ran, undefined)).toBe('unknown');
  });
});
