/** What `purestream publish` says of the setup's events beside the run's (the run report's Events counts the run's only). */
import { describe, expect, it } from 'vitest';
import { setupPart } from '../../../src/cli/commands/publish';

describe('setupPart', () => {
  it("splits the events published into the run's and the setup's when the whole log was published", () => {
    expect(setupPart(47, 47, 2)).toBe(' (45 of the run, 2 setup)');
    expect(setupPart(1_204, 1_204, 1_000)).toBe(' (204 of the run, 1,000 setup)');
  });

  it('says nothing when the scenario has no setup, or the stream dropped some events (which ones is not known)', () => {
    expect(setupPart(45, 45, 0)).toBe('');
    expect(setupPart(0, 47, 2)).toBe('');
    expect(setupPart(30, 47, 2)).toBe('');
  });
});
