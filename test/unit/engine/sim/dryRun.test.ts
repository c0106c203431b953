import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { commandId, decideInput, viewOf, type CommandEnvelope } from '../../../../domain/kernel';
import { dryRun } from '../../../../src/engine/dryRun';
import { orders, restock, scenario } from './scenarios';

const commerce = bundledDomain('commerce')!;

describe('dryRun', () => {
  const flash = scenario({ setup: restock(3), commands: [orders(5, 2)], runs: [{ name: 'pool', scheduler: { kind: 'pool', workers: 8 }, serviceMs: 10 }] });

  it('decides an input against setup plus every earlier arrival, decided serially', () => {
    const third = dryRun(flash, 'c3');
    expect(third.stateBefore['stock:tee@main']).toEqual({ sku: 'tee', warehouse: 'main', stock: 1 });
    expect(third.outcome).toMatchObject({ kind: 'command', accepted: true });
    const fourth = dryRun(flash, 'c4');
    expect(fourth.outcome).toMatchObject({ accepted: false, rejection: { code: 'out-of-stock' } });
    expect(fourth.outcome.events).toEqual([]);
  });

  it('enacts nothing: the same call gives the same answer', () => {
    expect(dryRun(flash, 'c2')).toEqual(dryRun(flash, 'c2'));
  });

  it('names a missing input', () => {
    expect(() => dryRun(flash, 'zz')).toThrow(/no command or batch with id "zz"/);
  });

  it('runs the authorization policy when asked', () => {
    const s = scenario({ setup: restock(3), commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }] });
    expect(dryRun(s, 'c1', { authorize: true }).outcome).toMatchObject({ accepted: false, rejection: { code: 'unauthorized' } });
  });
});

describe('a plain command, decided without an overlay', () => {
  it('decides exactly as the same command alone in a batch (decided through the overlay)', () => {
    const command = fc.record({
      type: fc.constantFrom('PlaceOrder', 'RestockItem', 'CancelOrder', 'ShipOrder'),
      qty: fc.integer({ min: -1, max: 5 }),
      order: fc.constantFrom('o1', 'o2'),
      actor: fc.option(fc.constantFrom('u1', 'admin'), { nil: undefined }),
    });
    fc.assert(
      fc.property(command, fc.integer({ min: 0, max: 4 }), fc.boolean(), (c, stock, authorize) => {
        const state = viewOf({
          'stock:tee@main': { sku: 'tee', warehouse: 'main', stock },
          'order:o1': { orderId: 'o1', customerId: 'u1', sku: 'tee', qty: 1, warehouse: 'main', status: 'placed' },
        });
        const envelope: CommandEnvelope = {
          id: commandId('c9'),
          type: c.type,
          data: { orderId: c.order, customerId: 'u1', sku: 'tee', qty: c.qty, warehouse: 'main' },
          at: 5,
          ...(c.actor ? { actor: c.actor } : {}),
        };
        const options = authorize ? { authorize: { now: 5 } } : {};
        const alone = decideInput(commerce, { kind: 'batch', id: 'b1', mode: 'allow-partial', items: [envelope] }, state, { ...options, correlationId: 'c9' });
        expect(decideInput(commerce, envelope, state, options)).toEqual(alone.kind === 'batch' ? alone.items[0] : undefined);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
