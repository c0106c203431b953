import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sweepCommandLine, type ShippedScenario } from '../../../../renderer/lib/sweep/sweepCommandLine';

const flash = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as Record<string, unknown>;
const SHIPPED: readonly ShippedScenario[] = [{ path: 'samples/scenarios/flash-sale.json', value: flash }];

describe('sweepCommandLine', () => {
  it('names a shipped sample, unchanged, by its path from the checkout (the value itself, or an equal one restored under its name)', () => {
    expect(sweepCommandLine('flash-sale.json', flash, SHIPPED)).toEqual({ file: 'samples/scenarios/flash-sale.json', from: 'checkout' });
    expect(sweepCommandLine('flash-sale.json', structuredClone(flash), SHIPPED)).toEqual({ file: 'samples/scenarios/flash-sale.json', from: 'checkout' });
  });

  it('names an edited sample, or any other file, by its name, run in its folder', () => {
    expect(sweepCommandLine('flash-sale.json', { ...flash, seed: 8 }, SHIPPED)).toEqual({ file: 'flash-sale.json', from: 'scenario' });
    // another file that happens to hold the sample: still a file of the user's
    expect(sweepCommandLine('copy.json', structuredClone(flash), SHIPPED)).toEqual({ file: 'copy.json', from: 'scenario' });
    expect(sweepCommandLine('seats.scenario.json', { name: 'x' }, SHIPPED)).toEqual({ file: 'seats.scenario.json', from: 'scenario' });
  });

  it('quotes a name the shell would split', () => {
    expect(sweepCommandLine('my class.json', {}, SHIPPED).file).toBe('"my class.json"');
  });
});
