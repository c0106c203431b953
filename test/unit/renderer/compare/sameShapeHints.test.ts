/**
 * "Why they differ" on an Emmett team's checkout cart (test/fixtures/modules/cart, from a trial):
 * 20 carts driven below zero by each pool run are one hint per run, in natural order, with all of
 * them on asking; the invariant every run breaks is said once, as the rule's fault.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import cart from '../../../fixtures/modules/cart/cart';
import { whyHints, speedText } from '../../../../renderer/lib/compare/whyHints';
import { parseScenario, runScenario } from '../../../../src/engine';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { runData } from './flashSale';

const domain = domainModule(cart);
const parsed = parseScenario(readFileSync(new URL('../../../fixtures/modules/cart/cart.scenario.json', import.meta.url), 'utf8'), undefined, { domain });
if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
const result = runScenario(parsed.scenario, { trace: true, domain });
const runs = result.report.runs.map((_, i) => runData(result, i, domain));
const carts = Array.from({ length: 20 }, (_, i) => `shopping_cart-c-${i + 1}`);

describe('whyHints of the checkout cart', () => {
  const hints = whyHints(runs);
  const texts = hints.map((h) => h.text);

  it('says a field driven below zero on 20 carts once per run, naming the first three in natural order, all of them on asking', () => {
    const below = hints.filter((h) => /drove/.test(h.text));
    expect(below.map((h) => h.run)).toEqual(['8 workers', '8 workers, flaky email w/ retries']);
    expect(below[0].text).toBe(
      '“8 workers” drove items.tee to -2 in 20 streams (shopping_cart-c-1, shopping_cart-c-2, shopping_cart-c-3 and 17 more), which quantity-never-negative and checked-out-cart-not-empty do not allow (“one queue”: 0, “one writer per cart”: 0, “partitioned by cart”: 0)',
    );
    expect(below[0].streams).toEqual(carts);
  });

  it('says the invariant every run breaks once, first, as the rule and not the scheduling; a run only where it broke it more often', () => {
    expect(texts[0]).toBe('Every run breaks checked-out-cart-not-empty: the rule itself, not the scheduling (first in “one queue” at t=302 ms: an empty cart was checked out)');
    expect(texts.filter((t) => /checked-out-cart-not-empty/.test(t) && /broke/.test(t))).toEqual([
      '“8 workers” broke checked-out-cart-not-empty 23 times (“one queue”: 3)',
      '“8 workers, flaky email w/ retries” broke checked-out-cart-not-empty 23 times (“one queue”: 3)',
    ]);
    // the invariant only the pools break is theirs
    expect(texts.filter((t) => /broke quantity-never-negative/.test(t))).toHaveLength(2);
    expect(texts).not.toContainEqual(expect.stringMatching(/^“one queue” broke/));
  });

  it('says runs within 5% of the first run finished about as fast, not "1.0× slower"', () => {
    expect(texts).toContain('“8 workers, flaky email w/ retries” finished about as fast as “one queue” (317 ms vs 312 ms)');
    expect(texts.join('\n')).not.toMatch(/1\.0×/);
  });
});

describe('speedText', () => {
  it('is "about as fast" within 5%, a percentage under 1.5×, a factor from there', () => {
    expect(speedText(317, 312).text).toBe('about as fast as');
    expect(speedText(360, 300).text).toBe('20% slower than');
    expect(speedText(240, 300).text).toBe('20% faster than');
    expect(speedText(100, 300).text).toBe('3.0× faster than');
    expect(speedText(900, 300).text).toBe('3.0× slower than');
  });
});
