/**
 * A rule change names each command by its type and data (the Rule change view shows both), and
 * its metric deltas read better or worse by one table (metricLabels), as Compare's do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { deltaTone, metricLabel } from '../../../../src/engine/report/metricLabels';
import { compareRuleVersions, ruleChangeHeadline, ruleSide, type RuleSide } from '../../../../src/engine/report/ruleChange';
import { compareModel } from '../../../../renderer/lib/compare/compareModel';
import { flashSale } from '../../renderer/compare/flashSale';

const sample = (name: string) => {
  const parsed = parseScenario(readFileSync(new URL(`../../../../samples/scenarios/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.scenario;
};

describe('ruleSide', () => {
  it('gives every command its type and data, items of a batch too', () => {
    const scenario = sample('batch-hierarchy.json');
    const side = ruleSide(scenario, runScenario(scenario, { trace: true }));
    const decisions = side.decisions[0];
    expect(decisions.find((d) => d.commandId === 'add-grace')).toMatchObject({ type: 'AddProfile', data: { profileId: 'grace', userId: 'grace' } });
    // the twelfth image of the allow-partial batch: rejected, and still named by its type and data
    const twelfth = decisions.find((d) => (d.data as { imageRef?: string } | undefined)?.imageRef === 'photo-12.jpg');
    expect(twelfth).toMatchObject({ type: 'AddGalleryImage', data: { profileId: 'grace', imageRef: 'photo-12.jpg' }, outcome: { rejected: 'gallery-full' } });
    expect(decisions.every((d) => d.type !== '')).toBe(true);
  });

  it("a changed decision carries the command's data", () => {
    const scenario = sample('flash-sale.json');
    const result = flashSale();
    const before = ruleSide(scenario, result);
    // the same run as the other side, with one decision made different
    const [first, ...rest] = before.decisions[0];
    const after = { ...before, decisions: [[{ ...first, outcome: { rejected: 'closed' } }, ...rest], ...before.decisions.slice(1)] };
    const change = compareRuleVersions(before, after, { old: 'old', new: 'new' });
    expect(change.runs[0].changes).toEqual([{ commandId: first.commandId, type: first.type, data: first.data, old: first.outcome, new: { rejected: 'closed' } }]);
    expect(first.data).toBeTypeOf('object');
  });
});

describe('a rule change that keeps every decision but not the final state', () => {
  /** The flash sale under the same rules, with one run's final state folded differently (one more in stock). */
  const sides = (): { before: RuleSide; after: RuleSide } => {
    const scenario = sample('flash-sale.json');
    const before = ruleSide(scenario, flashSale());
    const [first, ...rest] = before.report.runs;
    const stock = first.finalState['stock:tee@main'] as { stock: number };
    const folded = { ...first, stateHash: 'another', finalState: { ...first.finalState, 'stock:tee@main': { ...stock, stock: stock.stock + 1 } } };
    return { before, after: { ...before, report: { ...before.report, runs: [folded, ...rest] } } };
  };

  it('says so in its headline, and each run whose final state differs carries where', () => {
    const { before, after } = sides();
    const change = compareRuleVersions(before, after, { old: 'old', new: 'new' });
    const stock = (before.report.runs[0].finalState['stock:tee@main'] as { stock: number }).stock;
    expect(change.runs.map((r) => [r.changed, r.sameFinalState])).toEqual(change.runs.map((_, i) => [0, i !== 0]));
    expect(change.runs[0].finalStateDifferences).toEqual([{ path: ['stock:tee@main', 'stock'], a: stock, b: stock + 1 }]);
    expect(change.runs[1].finalStateDifferences).toEqual([]);
    expect(ruleChangeHeadline(change)).toEqual({ changed: true, text: `Every command was decided as before, but the final state differs in 1 of ${change.runs.length} runs: evolve folds the events differently.` });
  });

  it('the headline: nothing changed only when every decision and every final state are the same; otherwise how many decisions changed', () => {
    const { before } = sides();
    const same = compareRuleVersions(before, before, { old: 'old', new: 'new' });
    expect(ruleChangeHeadline(same)).toEqual({ changed: false, text: 'Nothing changed: every command of every run was decided exactly as before, and the final states are the same.' });
    const [first, ...rest] = before.decisions[0];
    const decided = compareRuleVersions(before, { ...before, decisions: [[{ ...first, outcome: { rejected: 'closed' } }, ...rest], ...before.decisions.slice(1)] }, { old: 'old', new: 'new' });
    const decisions = decided.runs.reduce((n, r) => n + r.commands, 0);
    expect(ruleChangeHeadline(decided).text).toBe(`1 of ${decisions} decisions changed, in 1 of ${decided.runs.length} runs; the final states are the same.`);
  });
});

describe('deltaTone', () => {
  it('reads more violations and latency as worse, more accepted or rejected as a neutral change (a rejection is the rules at work)', () => {
    expect(deltaTone('violations', 3)).toBe('worse');
    expect(deltaTone('violations', -3)).toBe('better');
    expect(deltaTone('rejected', 3)).toBe('changed');
    expect(deltaTone('rejections.credit-limit', 3)).toBe('changed');
    expect(deltaTone('rejections.credit-limit', -3)).toBe('changed');
    expect(deltaTone('enactLatencyMs.p99', 15)).toBe('worse');
    expect(deltaTone('makespanMs', -10)).toBe('better');
    expect(deltaTone('accepted', 3)).toBe('changed');
    expect(deltaTone('events', -3)).toBe('changed');
    expect(deltaTone('violations', 0)).toBe('same');
    expect(deltaTone('a metric of another version', 1)).toBe('changed');
    expect(metricLabel('rejections.credit-limit')).toEqual({ label: 'Rejected: credit-limit', unit: '', better: 'neutral' });
  });

  it("is how Compare reads its deltas: the same tone for every metric both show", () => {
    const { report } = flashSale();
    const model = compareModel(report.runs);
    for (const row of model.metrics) for (const cell of row.cells) expect(cell.tone).toBe(deltaTone(row.key, cell.delta));
    expect(model.metrics.find((m) => m.key === 'violations')!.cells[1].tone).toBe('worse');
  });
});
