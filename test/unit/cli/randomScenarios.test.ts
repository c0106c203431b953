/**
 * Issue 17: random scenario trees of bounded size never crash the command line. Every outcome
 * is a report (exit 0) or exit 1 with one message per line naming the file and a path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { recordingIO } from './cliHarness';

/** Mostly what a user means, now and then what a user may type. */
const maybe = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<unknown>) => fc.oneof({ weight: 60, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wild });
const wild = fc.oneof(fc.constantFrom(-1, 0.5, 1e9, 5e9, 1.7e308, 9007199254740991, '', 'x', null, true, '__proto__', 'constructor', '\u001b[2J'), fc.double(), fc.string({ maxLength: 4 }));
const small = (max: number) => maybe(fc.integer({ min: 0, max }), wild);
const sku = maybe(fc.constantFrom('tee', 'mug'), wild);
const orderId = maybe(fc.constantFrom('o-{n}', 'o1', 'o2', 'o-{i}'), wild);
/** Command data of the right shape, sometimes with a key too many or a wrong value. */
const data = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.tuple(fc.record(fields), maybe(fc.constant(null), fc.tuple(fc.constantFrom('constructor', 'x-y', 'typo', '__proto__'), wild))).map(([d, extra]) =>
    Array.isArray(extra) ? { ...d, [extra[0] as string]: extra[1] } : d,
  );
const command = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('RestockItem'), data: data({ sku, qty: small(5) }) }) },
  { weight: 8, arbitrary: fc.record({ type: fc.constant('PlaceOrder'), data: data({ orderId, customerId: fc.constantFrom('u', 'admin'), sku, qty: small(3) }), actor: fc.constantFrom('u', 'admin') }, { requiredKeys: ['type', 'data'] }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constantFrom('CancelOrder', 'ShipOrder'), data: data({ orderId }), actor: fc.constantFrom('u', 'admin') }, { requiredKeys: ['type', 'data'] }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('toString', 'AddProfile'), data: data({}) }) },
);
/** A top-level node, with an arrival time now and then (inside batches and templates that is an error, now and then too). */
const timed = (node: fc.Arbitrary<unknown>) => fc.tuple(node, maybe(fc.option(small(40)), small(40))).map(([n, at]) => (at === null || typeof n !== 'object' || n === null ? n : { ...n, at }));

const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 30, arbitrary: command },
    { weight: 2, arbitrary: fc.record({ batch: maybe(fc.constantFrom('all-or-nothing', 'allow-partial'), wild), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ repeat: maybe(fc.integer({ min: 0, max: 3 }), fc.constantFrom(1e9, 5e9, -1, 0.5)), template: tie('node'), every: small(5), jitterMs: small(3) }, { requiredKeys: ['repeat', 'template'] }) },
    { weight: 1, arbitrary: fc.record({ offline: maybe(fc.constant('phone'), wild), syncAt: small(50), items: fc.array(command, { minLength: 1, maxLength: 2 }) }) },
    { weight: 1, arbitrary: wild },
  ),
}));

const duration = maybe(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.record({ dist: fc.constant('uniform'), min: fc.constant(0), max: fc.integer({ min: 0, max: 10 }) }), fc.record({ dist: fc.constant('exponential'), mean: fc.integer({ min: 0, max: 10 }) })), wild);
const consumer = fc.record(
  {
    name: fc.constantFrom('state', 'mail', '__proto__', 'audit', 'constructor'),
    interpreter: maybe(fc.constantFrom('state-store', 'sql', 'notifier', 'audit-log'), wild),
    workers: maybe(fc.integer({ min: 1, max: 3 }), wild),
    latencyMs: duration,
    enactMs: duration,
    failureRate: maybe(fc.constantFrom(0, 0.3, 1), wild),
    retry: fc.record({ max: small(4), backoffMs: small(5), factor: maybe(fc.constantFrom(1, 2), wild) }, { requiredKeys: ['max'] }),
    delivery: maybe(fc.constantFrom('exactly-once', 'at-least-once', 'at-most-once'), wild),
    duplicateRate: maybe(fc.constantFrom(0, 0.3), wild),
    downtime: fc.array(fc.record({ from: small(20), to: small(40) }), { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'interpreter'] },
);
const run = fc.record(
  {
    name: fc.constantFrom('a', 'b', 'c', 'a'),
    scheduler: fc.oneof(
      fc.record({ kind: maybe(fc.constant('serial'), wild) }),
      fc.record({ kind: fc.constant('pool'), workers: maybe(fc.integer({ min: 1, max: 4 }), wild) }, { requiredKeys: ['kind'] }),
      fc.record({ kind: fc.constant('autoscale'), min: small(2), max: small(5), scaleUpDepth: small(3), startupMs: small(5), idleMs: small(10) }, { requiredKeys: ['kind'] }),
      fc.record({ kind: fc.constantFrom('partitioned', 'single-writer', 'capacity-aware'), workers: maybe(fc.integer({ min: 1, max: 4 }), wild), key: maybe(fc.constantFrom('sku', 'orderId'), wild) }, { requiredKeys: ['kind'] }),
    ),
    serviceMs: duration,
    consumers: fc.uniqueArray(consumer, { maxLength: 2, selector: (c) => c.name }),
    authorize: fc.boolean(),
  },
  { requiredKeys: ['name'] },
);
const scenario = fc.record(
  {
    format: maybe(fc.constant('purestream/scenario@1'), wild),
    name: maybe(fc.constant('random'), wild),
    domain: fc.oneof({ weight: 20, arbitrary: fc.constant('commerce') }, { weight: 1, arbitrary: fc.constantFrom('profiles', 'shop') }),
    seed: maybe(fc.integer({ min: 0, max: 99 }), wild),
    setup: fc.array(node, { maxLength: 2 }),
    commands: fc.array(timed(node), { minLength: 1, maxLength: 5 }),
    runs: fc.uniqueArray(run, { minLength: 1, maxLength: 3, selector: (r) => r.name }),
  },
  { requiredKeys: ['format', 'name', 'domain', 'commands'] },
);

describe('random scenario trees', () => {
  it('end in a report or in exit 1 with messages that name the file and a path; never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (value) => {
        const io = recordingIO();
        writeFileSync(join(io.cwd, 's.json'), JSON.stringify(value));
        const code = await main(['run', 's.json', '--json'], io);
        if (code === 0) {
          expect(JSON.parse(io.stdout).format).toBe('purestream/report@1');
          return;
        }
        expect(code, io.stderr).toBe(1);
        expect(io.stdout).toBe('');
        for (const line of io.stderr.trimEnd().split('\n'))
          expect(line).toMatch(/^s\.json: ((\(top level\)|line \d+, column \d+|[\w$[\]().…-]+(\.[^:]+)?): \S|… and \d+ more errors$)/);
      }),
      { seed: 1717, numRuns: 800 },
    );
  });
});
