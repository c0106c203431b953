import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { brokeText, eventsBehind, releasedTogether, staleReads, whyHints } from '../../../../renderer/lib/compare/whyHints';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import { toDomainModule } from '../../../../src/engine/module/bundled';
import { runScenario } from '../../../../src/engine/run';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import type { DecisionRecord } from '../../../../src/engine/types';
import bank from '../../../../samples/domains/bank';
import { flashSale, flashSaleRunData, runData } from './flashSale';
import library from '../../../fixtures/modules/library/library';

describe('whyHints', () => {
  const { report, traces } = flashSale();
  const runs = report.runs.map((_, i) => runData(flashSale(), i));

  it('explains the oversell of the 8-worker run from its data', () => {
    const hints = whyHints([runs[0], runs[1]]);
    const texts = hints.map((h) => h.text);
    expect(texts.some((t) => /^“8 workers” oversold tee@main by 4: stock ends at -4 \(“one queue”: 0/.test(t))).toBe(true);
    expect(texts.some((t) => /^“8 workers” broke stock-non-negative/.test(t))).toBe(true);
    expect(texts.some((t) => /^In run “8 workers”, \d+ of its workers read stale state in \d+ decisions?/.test(t))).toBe(true);
    expect(texts.some((t) => /^“8 workers” finished 4\.9× faster than “one queue”/.test(t))).toBe(true);
    expect(hints.filter((h) => h.run === 'one queue')).toEqual([]);
  });

  it('says when stale reads did no harm, never "0 events behind", and names rejection codes', () => {
    const safe = whyHints([runs[0], runs[3]]);
    const stale = safe.find((h) => h.run === 'inventory-aware' && /stale/.test(h.text))!;
    expect(stale.tone).toBe('good');
    expect(stale.text).toContain('harmless here: no invariant broke');
    expect(safe.map((h) => h.text).join('\n')).not.toMatch(/up to 0 events/);
    expect(whyHints([runs[0], runs[1]]).some((h) => h.text === '“8 workers” rejected 46 commands as out-of-stock (“one queue”: 50)')).toBe(true);
    const unsafe = whyHints([runs[0], runs[1]]).find((h) => /stale/.test(h.text))!;
    expect(unsafe.tone).toBe('bad');
  });

  it('quotes every run name, so a name that begins with a number never runs into a count', () => {
    for (const hint of whyHints(runs)) expect(hint.text).toMatch(new RegExp(`“${hint.run}”`));
    expect(whyHints([runs[0], runs[1]]).map((h) => h.text)).not.toContainEqual(expect.stringMatching(/^8 workers/));
  });

  it('one queue never reads stale state; the pool does', () => {
    expect(staleReads(traces[0]).decisions).toBe(0);
    expect(staleReads(traces[1]).decisions).toBeGreaterThan(0);
  });

  it('counts events appended between a read and its commit', () => {
    const d = { stateVersion: 3, lag: 1, eventSeqs: [7], endedAt: 10 } as unknown as DecisionRecord;
    expect(eventsBehind(d, [])).toBe(2);
    const rejected = { stateVersion: 1, lag: 0, eventSeqs: [], endedAt: 5 } as unknown as DecisionRecord;
    expect(eventsBehind(rejected, [0, 1, 4, 5, 9])).toBe(2);
  });

  it('finds decisions released together by the inventory-aware scheduler', () => {
    expect(releasedTogether(traces[3]).count).toBeGreaterThanOrEqual(5);
    expect(releasedTogether(traces[0]).count).toBe(1);
  });

  it('lists a value below zero only where the domain does not allow it: without its invariants to say so, no oversell', () => {
    const unknown = [runs[0], { ...runs[1], brokenAtEnd: [] }];
    expect(whyHints(unknown).map((h) => h.text)).not.toContainEqual(expect.stringMatching(/oversold/));
    // the invariant still explains the run through its violations
    expect(whyHints(unknown).map((h) => h.text)).toContainEqual(expect.stringMatching(/^“8 workers” broke stock-non-negative/));
  });
});

describe('whyHints of the bank, whose overdrafts take balances below zero', () => {
  const domain = toDomainModule(bank as object) as AnyDomainModule;
  const parsed = parseScenario(readFileSync('samples/domains/bank.scenario.json', 'utf8'), 'bank.scenario.json', { domain });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = runScenario(parsed.scenario, { domain });
  const runs = result.report.runs.map((_, i) => runData(result, i, domain));

  it('lists no balance below zero within its overdraft limit, and the one beyond it with the invariant it breaks', () => {
    // every run ends with a1 below zero: -100 (its whole overdraft) and, on 4 workers, -110
    expect(result.report.runs.map((r) => (r.finalState['account:a1'] as { balance: number }).balance)).toEqual([-100, -110, -100, -100]);
    const texts = whyHints(runs).map((h) => h.text);
    expect(texts.filter((t) => /account:a1\.balance/.test(t))).toEqual([
      '“4 workers” drove account:a1.balance to -110, which within-overdraft-limit does not allow (“one queue”: -100, “single writer”: -100, “capacity-aware”: -100)',
    ]);
    expect(texts).not.toContainEqual(expect.stringMatching(/below zero/));
    expect(texts).toContainEqual(expect.stringMatching(/^“4 workers” broke within-overdraft-limit once/));
  });
});

describe('what a violation counts, said where the count is', () => {
  const counted = 'a violation is counted when a stream goes from allowed to broken';

  it('says why a stock that ends at -4 broke its invariant "once": the stream went from allowed to broken once and stayed broken', async () => {
    const runs = await flashSaleRunData();
    expect(whyHints([runs[0], runs[1]]).map((h) => h.text)).toContain(
      `“8 workers” broke stock-non-negative once, at t=210 ms: stock of tee@main is -1. Once, because ${counted}, and stock:tee@main stayed broken (at the end: stock of tee@main is -4)`,
    );
  });

  it("says it of the library's 4 loans on 2 copies, in the domain's own words", async () => {
    const module = toDomainModule(library);
    const parsed = parseScenario(readFileSync('test/fixtures/modules/library/library.scenario.json', 'utf8'), 'library.scenario.json', { domain: module });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = runScenario(parsed.scenario, { domain: module, trace: true });
    const reader = new TraceReader(result, parsed.scenario, undefined, module);
    const runs = await Promise.all(result.report.runs.map(async (_, i) => ({ ...runData(result, i, module), broke: await reader.brokenDecision(i) })));
    expect(whyHints(runs).map((h) => h.text)).toContain(
      `“4 workers” broke no-more-loans-than-copies once, at t=7 ms: dune: 3 on loan, only 2 copies. Once, because ${counted}, and book:dune stayed broken (at the end: dune: 4 on loan, only 2 copies)`,
    );
  });

  it('says what is counted when the stream is not known, when it was repaired, and for several violations', () => {
    const v = (invariant: string, atMs: number, message: string) => ({ invariant, atMs, eventSeq: 1, message });
    const rule = 'A violation is counted each time a stream goes from allowed to broken, not again while it stays broken';
    expect(brokeText([v('stock-non-negative', 210, 'stock of tee@main is -1')])).toBe(`broke stock-non-negative once, at t=210 ms: stock of tee@main is -1. ${rule}`);
    expect(brokeText([v('a', 5, 'x is -1'), v('b', 9, 'y'), v('a', 12, 'z')])).toBe(`broke a and b 3 times, first at t=5 ms: x is -1. ${rule}`);
  });
});
