/**
 * The scenarios whose `run --json` reports are kept as golden files (test/golden/*.report.json):
 * every sample, the fixture that uses every key of the format, and generated scenarios large
 * enough to exercise every scheduler, consumer policy and fault on thousands of commands (their
 * golden reports leave out `finalState`: its `stateHash` stands for it). Speed work must leave
 * every report byte-identical; `node bin/run-ts.mjs test/golden/write.ts` rewrites them when a
 * change of meaning is intended (say so in the commit).
 */
import { readdirSync, readFileSync } from 'node:fs';

const sampleDir = new URL('../../samples/scenarios/', import.meta.url);

/** A golden case: its name, its scenario text, and whether the final state is kept in the file. */
export interface GoldenCase {
  readonly name: string;
  readonly text: string;
  readonly withState: boolean;
}

const skus = ['tee', 'cap', 'mug', 'bag', 'pin'];

/** A commerce scenario of `n` orders with restocks, cancels and ships, under every scheduler and consumer policy. */
function mixed(n: number, seed: number): object {
  const commands = [
    { repeat: skus.length, every: 0, template: { type: 'RestockItem', data: { sku: 'tee', qty: 40 } } },
    ...skus.map((sku, k) => ({ repeat: n / skus.length, every: 3, jitterMs: 2, at: k, template: { type: 'PlaceOrder', data: { orderId: `${sku}-{n}`, customerId: 'u-{i}', sku, qty: 1 } } })),
    ...skus.map((sku, k) => ({ repeat: n / 20, every: 40, at: 7 + k, template: { type: 'CancelOrder', data: { orderId: `${sku}-{n}` } } })),
    ...skus.map((sku, k) => ({ repeat: n / 10, every: 20, at: 11 + k, template: { type: 'ShipOrder', data: { orderId: `${sku}-{n}` } } })),
    ...skus.map((sku, k) => ({ repeat: n / 25, every: 60, at: 13 + k, template: { type: 'RestockItem', data: { sku, qty: 10 } } })),
  ];
  const flaky = { name: 'mail', interpreter: 'notifier', events: ['OrderPlaced'], workers: 2, failureRate: 0.2, retry: { max: 3, backoffMs: 5, factor: 2 }, delivery: 'at-least-once', duplicateRate: 0.05, idempotent: false, deadLetter: true, downtime: [{ from: 100, to: 400 }] };
  return {
    format: 'purestream/scenario@1',
    name: `Generated: ${n} orders`,
    domain: 'commerce',
    seed,
    commands,
    runs: [
      { name: 'serial', scheduler: { kind: 'serial' }, serviceMs: 2 },
      { name: 'pool of 6', scheduler: { kind: 'pool', workers: 6 }, serviceMs: { dist: 'uniform', min: 1, max: 9 }, consumers: [{ name: 'state', interpreter: 'state-store' }, flaky, { name: 'audit', interpreter: 'audit-log', delivery: 'at-most-once', failureRate: 0.1 }] },
      { name: 'partitioned', scheduler: { kind: 'partitioned', workers: 4, key: 'sku' }, serviceMs: 3 },
      { name: 'single writer', scheduler: { kind: 'single-writer', workers: 4 }, serviceMs: { dist: 'exponential', mean: 3 } },
      { name: 'autoscale', scheduler: { kind: 'autoscale', min: 1, max: 8, scaleUpDepth: 5, startupMs: 20, idleMs: 100 }, serviceMs: 4 },
      { name: 'capacity aware', scheduler: { kind: 'capacity-aware', workers: 6 }, serviceMs: 3, consumers: [{ name: 'state', interpreter: 'state-store', latencyMs: { dist: 'exponential', mean: 2 } }] },
    ],
  };
}

/** Every golden case. */
export function goldenCases(): GoldenCase[] {
  const samples = readdirSync(sampleDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `sample-${f.replace(/\.json$/, '')}`, text: readFileSync(new URL(f, sampleDir), 'utf8'), withState: true }));
  const everything = { name: 'fixture-everything', text: readFileSync(new URL('../fixtures/scenarios/everything.json', import.meta.url), 'utf8'), withState: true };
  const generated = [
    { name: 'generated-2k', text: JSON.stringify(mixed(2000, 11)), withState: false },
    { name: 'generated-20k', text: JSON.stringify(mixed(20000, 12)), withState: false },
  ];
  return [...samples, everything, ...generated];
}
