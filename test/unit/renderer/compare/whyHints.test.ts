import { describe, expect, it } from 'vitest';
import { runFacts } from '../../../../renderer/lib/reader/runCharts';
import { eventsBehind, releasedTogether, staleReads, whyHints } from '../../../../renderer/lib/compare/whyHints';
import type { DecisionRecord } from '../../../../src/engine/types';
import { flashSale } from './flashSale';

describe('whyHints', () => {
  const { report, traces } = flashSale();
  const runs = report.runs.map((r, i) => ({ report: r, facts: runFacts(traces[i], 4000) }));

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
});
