/** Fixtures of the arrival tests: a scenario and what the editor's engine worker resolves of it. */
import { resolvedNodes, type ResolvedNodes } from '../../../../renderer/lib/tree/resolvedNodes';
import { expandScenario } from '../../../../src/engine/scenario/expand';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import type { Scenario } from '../../../../src/engine/types';

const order = (n: number) => ({ type: 'PlaceOrder', data: { orderId: `o-${n}`, customerId: 'u', sku: 'tee', qty: 1 } });
const restock = { type: 'RestockItem', data: { sku: 'tee', qty: 100 } };

/** A commerce scenario with every way a node can arrive: a timed command, repeats (one with jitter, one of nothing, one of batches), a batch with a nested batch and a repeat inside, an offline group. */
export const raw = {
  format: 'purestream/scenario@1',
  name: 'arrivals',
  domain: 'commerce',
  seed: 7,
  setup: [restock],
  commands: [
    { ...restock, at: 5 },
    { repeat: 40, every: 2, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u', sku: 'tee', qty: 1 } } },
    { batch: 'all-or-nothing', items: [order(1), { batch: 'allow-partial', id: 'inner', items: [order(2)] }, { repeat: 3, template: { type: 'PlaceOrder', data: { orderId: 'r-{n}', customerId: 'u', sku: 'tee', qty: 1 } } }] },
    { repeat: 10, at: 100, every: 10, jitterMs: 4, template: { type: 'PlaceOrder', data: { orderId: 'j-{n}', customerId: 'u', sku: 'tee', qty: 1 } } },
    { offline: 'phone', syncAt: 500, items: [{ ...order(3), at: 1 }, order(4)] },
    { repeat: 0, template: order(5) },
    { repeat: 2, at: 600, every: 5, template: { batch: 'allow-partial', id: 'b-{n}', items: [{ type: 'PlaceOrder', data: { orderId: 'rb-{n}', customerId: 'u', sku: 'tee', qty: 1 } }] } },
  ],
};

/** `value` parsed, as the editor's document holds it. */
export function parsed(value: object): Scenario {
  const result = parseScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** What the editor's engine worker answers for `value`. */
export function resolve(value: object): ResolvedNodes {
  const scenario = parsed(value);
  return resolvedNodes(scenario.commands, expandScenario(scenario).arrivals);
}
