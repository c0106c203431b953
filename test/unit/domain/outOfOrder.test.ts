/**
 * A consumer may enact a stream's events out of order — a failed delivery retried after the next
 * event (at-least-once with retries) — so each bundled domain's fold and invariants must be total:
 * any order of its events folds and is checked without throwing. (A profile's `ProfileUpdated`
 * folded before its `ProfileAdded` made the gallery invariant read `undefined.length`, and the run
 * ended in an internal error.)
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../domain/kernel';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { commerceCommands, logOf, profilesCommands, type Cmd } from '../engine/consumers/fixtures';

const stories: readonly [string, readonly Cmd[]][] = [
  ['commerce', commerceCommands],
  ['profiles', profilesCommands],
];

describe('a domain\'s events folded in any order (a consumer that retries)', () => {
  for (const [id, commands] of stories) {
    it(`${id}: evolve and every invariant are total over any order of the events`, () => {
      const domain = bundledDomain(id)! as AnyDomainModule;
      const log = logOf(domain, commands);
      fc.assert(
        fc.property(fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), (events) => {
          const state = new Map<string, unknown>();
          for (const e of events) {
            const next = domain.evolve(state.get(e.stream), e);
            state.set(e.stream, next);
            for (const invariant of domain.invariants ?? []) expect(() => invariant.violation(e.stream, next)).not.toThrow();
          }
        }),
        { seed: 29, numRuns: 300 },
      );
    });
  }

  it('a profiles run whose state store retries failed deliveries finishes (the teacher\'s flaky consumer), instead of an internal error', () => {
    const sample = JSON.parse(readFileSync(new URL('../../../samples/scenarios/batch-hierarchy.json', import.meta.url), 'utf8'));
    const flaky = { ...sample, runs: [{ name: 'flaky', scheduler: { kind: 'serial' }, serviceMs: 2, consumers: [{ name: 'state', interpreter: 'state-store', failureRate: 0.5, delivery: 'at-least-once', retry: { max: 2, backoffMs: 10, factor: 2 } }] }] };
    const parsed = parseScenario(JSON.stringify(flaky));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { metrics } = runScenario(parsed.scenario).report.runs[0];
    expect(metrics.failures).toBeGreaterThan(0);
    expect(metrics.retries).toBeGreaterThan(0);
    expect(metrics.deadLettered + metrics.lost).toBe(0);
  });
});
