/** Test helpers: scenarios written tersely as JSON, parsed and run through the engine. */
import { parseScenario } from '../../../../src/engine/scenario/parse';
import { runScenario } from '../../../../src/engine/run';
import type { RunResult } from '../../../../src/engine/api';
import type { RunReport, Scenario, Trace } from '../../../../src/engine/types';

/** Parses a scenario object (format and name filled in); throws with every error. */
export function scenario(json: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ format: 'purestream/scenario@1', name: 'test', domain: 'commerce', ...json });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

/** Runs every run of a scenario object with the trace on. */
export const run = (json: Record<string, unknown>, trace = true): RunResult => runScenario(scenario(json), { trace });

/** The report and trace of a scenario's only (or first) run. */
export function runOne(json: Record<string, unknown>): { report: RunReport; trace: Trace } {
  const result = run(json);
  return { report: result.report.runs[0], trace: result.traces[0] };
}

/** `n` orders of `qty` for one sku, every `every` ms. */
export const orders = (n: number, every = 2, sku = 'tee', qty = 1) => ({
  repeat: n,
  every,
  template: { type: 'PlaceOrder', data: { orderId: `o-{n}`, customerId: 'u-{n}', sku, qty } },
});

/** Setup that restocks `qty` units of `sku`. */
export const restock = (qty: number, sku = 'tee') => [{ type: 'RestockItem', data: { sku, qty } }];

/** The flash sale of the spec: 150 orders for 100 units, serviceMs 10. */
export const flashSale = (runs: readonly Record<string, unknown>[]) => ({ seed: 7, setup: restock(100), commands: [orders(150)], runs });
