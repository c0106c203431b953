/**
 * The Rule change after a reload shows the failure of a version it compares now, says whether
 * the rules before or after the change stopped, and compares again once the new rules run —
 * with the last version that ran when the one just before stopped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/engine';
import { ruleSide } from '../../../../src/engine/report/ruleChange';
import { ruleChangeView, type RuleSideResult } from '../../../../renderer/lib/modules/ruleChangeView';
import { flashSale } from '../compare/flashSale';

const ran = (): RuleSideResult => {
  const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('flash-sale.json does not parse');
  return { ok: true, side: ruleSide(parsed.scenario, flashSale()) };
};
const CLOCK = 'library.ts: decide read the clock while deciding c1';
const SHAPE = 'library.ts: decide returned a BookReturned event without data';
const stopped = (message: string): RuleSideResult => ({ ok: false, message });

describe('ruleChangeView', () => {
  it('the rules after the change stopped: their message, named as after, and no comparison', () => {
    const view = ruleChangeView('library.ts', ran(), stopped(CLOCK));
    expect(view).toMatchObject({ change: undefined, failed: { version: 'after', message: CLOCK } });
    expect(view.note).toContain('fix library.ts and reload it');
  });

  it("a version that stops after one that stopped shows its own message, not the earlier one's", () => {
    // clock → shape: the version compared now is the shape one
    expect(ruleChangeView('library.ts', stopped(CLOCK), stopped(SHAPE), ran()).failed).toEqual({ version: 'after', message: SHAPE });
  });

  it('the rules after the change run: compared with the last version that ran when the one before stopped, the failure named as before', () => {
    const view = ruleChangeView('library.ts', stopped(SHAPE), ran(), ran());
    expect(view.change?.old).toBe('library.ts (the last version that ran)');
    expect(view.change?.runs.every((r) => r.changed === 0 && r.sameFinalState)).toBe(true);
    expect(view.failed).toEqual({ version: 'before', message: SHAPE });
    // no earlier version that ran (or it stops too): nothing to compare, and the message is the one before the change
    for (const lastRan of [undefined, stopped(CLOCK)]) {
      const alone = ruleChangeView('library.ts', stopped(SHAPE), ran(), lastRan);
      expect(alone).toMatchObject({ change: undefined, failed: { version: 'before', message: SHAPE } });
      expect(alone.note).toContain('the new rules run it');
    }
  });

  it('both versions run: the comparison, no failure', () => {
    const view = ruleChangeView('library.ts', ran(), ran());
    expect([view.change?.old, view.change?.new, view.failed, view.note]).toEqual(['library.ts (before)', 'library.ts', undefined, undefined]);
  });
});
