import { describe, expect, it } from 'vitest';
import { commandIndex, commandsById, decidedCommandIds } from '../../../../renderer/lib/graph/commandIndex';
import { expandScenario } from '../../../../src/engine';
import { flashSale } from '../compare/flashSale';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../../src/engine';

describe('command index', () => {
  it("lists the commands that decisions decided, each once, and finds their payloads by id", () => {
    const result = flashSale();
    const ids = decidedCommandIds(result.traces);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('c1');
    const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('the sample does not parse');
    const all = commandIndex(expandScenario(parsed.scenario));
    const some = commandsById(ids.flatMap((id) => all.get(id) ?? []));
    expect(some.size).toBe(ids.length);
    expect(some.get('c1')).toEqual(all.get('c1'));
  });
});
