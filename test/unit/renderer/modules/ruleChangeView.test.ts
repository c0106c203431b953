/**
 * The Rule change after a reload shows the failure of a version it compares now, says whether
 * the rules before or after the change stopped, and compares again once the new rules run —
 * with the last version that ran when the one just before stopped; when nothing is compared but
 * the new rules run, that leads. Sides are named by content hash and load time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/engine';
import { ruleSide } from '../../../../src/engine/report/ruleChange';
import { ruleChangeView, unchangedView, versionLabel, type ModuleVersion, type RuleSideResult } from '../../../../renderer/lib/modules/ruleChangeView';
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
      expect(alone.note).toBe('There is no earlier version of library.ts that ran the open scenario to compare with.');
    }
  });

  it('both versions run: the comparison, no failure', () => {
    const view = ruleChangeView('library.ts', ran(), ran());
    expect([view.change?.old, view.change?.new, view.failed, view.note]).toEqual(['library.ts (before)', 'library.ts', undefined, undefined]);
  });

  it('fixed after a version that stopped, with none that ran before: the good news leads, the failure before is secondary', () => {
    const view = ruleChangeView('library.ts', stopped(SHAPE), ran());
    // flash-sale.json has 4 runs
    expect(view.runs).toBe('The new rules run the open scenario: 4 runs, no module problem.');
    expect(view.failed).toEqual({ version: 'before', message: SHAPE });
    expect(view.change).toBeUndefined();
  });

  // local times, so the labels read the same in every time zone
  const at = (h: number, m: number, s: number) => new Date(2026, 10, 30, h, m, s).getTime();
  const V1: ModuleVersion = { hash: '3f9a1c2e' + 'a'.repeat(56), loadedAt: at(17, 42, 10) };
  const V2: ModuleVersion = { hash: '9b01d4aa' + 'b'.repeat(56), loadedAt: at(17, 44, 55) };
  const V3: ModuleVersion = { hash: 'c0ffee00' + 'c'.repeat(56), loadedAt: at(9, 5, 3) };

  it("names each side by its content hash's first 8 hex digits and its local load time", () => {
    expect(versionLabel('todo.ts', V1)).toBe('todo.ts · 3f9a1c2e · 17:42:10');
    expect(versionLabel('todo.ts', V3)).toBe('todo.ts · c0ffee00 · 09:05:03');
    expect(versionLabel('todo.ts', undefined, 'todo.ts (before)')).toBe('todo.ts (before)');
    const both = ruleChangeView('todo.ts', ran(), ran(), undefined, { before: V1, after: V2 }).change;
    expect([both?.old, both?.new]).toEqual(['todo.ts · 3f9a1c2e · 17:42:10', 'todo.ts · 9b01d4aa · 17:44:55']);
    const viaLast = ruleChangeView('todo.ts', stopped(SHAPE), ran(), ran(), { before: V2, after: V3, lastRan: V1 }).change;
    expect([viaLast?.old, viaLast?.new]).toEqual(['todo.ts · 3f9a1c2e · 17:42:10', 'todo.ts · c0ffee00 · 09:05:03']);
  });

  it('fixed back to the content of the last version that ran (same hash): the good news leads, nothing to compare', () => {
    const again: ModuleVersion = { hash: V1.hash, loadedAt: at(17, 50, 0) };
    const view = ruleChangeView('todo.ts', stopped(SHAPE), ran(), ran(), { before: V2, after: again, lastRan: V1 });
    expect(view.change).toBeUndefined();
    expect(view.runs).toBe('The new rules run the open scenario: 4 runs, no module problem.');
    expect(view.failed).toEqual({ version: 'before', message: SHAPE });
    expect(view.note).toBe('They have the same content hash as todo.ts · 3f9a1c2e · 17:42:10, the last version that ran the scenario: nothing to compare.');
  });

  it('reloading identical content: unchanged, by its content hash, nothing to compare', () => {
    expect(unchangedView('todo.ts', V1)).toEqual({
      module: 'todo.ts',
      change: undefined,
      note: 'The module is unchanged (same content hash): nothing to compare. todo.ts · 3f9a1c2e · 17:42:10 is still the version that runs.',
    });
    expect(unchangedView('todo.ts').note).toBe('The module is unchanged (same content hash): nothing to compare.');
  });
});
