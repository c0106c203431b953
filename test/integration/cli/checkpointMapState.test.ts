/**
 * `purestream inspect <postgres URL> --domain ./carts.ts --checkpoint FILE` with an Emmett-style
 * module whose state keeps its items in a Map and its checkout time as a Date (README,
 * "Checkpoints"): the checkpoint keeps them tagged, and the next read — in the module's worker —
 * resumes with a Map and a Date, so the changes after checkout are found and its final state is
 * one whole read's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, needsServer } from '../servers';
import { seedEmmett, type EmmettMessage } from '../seed/emmett';
import { folderWith } from '../../unit/modules/moduleFiles';
import { cli } from './cli';

const cartsModule = `
type CartEvent =
  | { type: 'ItemAdded'; data: { cartId: string; sku: string; quantity: number } }
  | { type: 'CartCheckedOut'; data: { cartId: string; checkedOutAt: string } };
type Cart = { items: Map<string, number>; checkedOutAt?: Date; changesAfterCheckout: number };

function evolve(state: Cart, event: CartEvent): Cart {
  const changesAfterCheckout = state.checkedOutAt ? state.changesAfterCheckout + 1 : state.changesAfterCheckout;
  if (event.type === 'CartCheckedOut') return { ...state, changesAfterCheckout, checkedOutAt: new Date(event.data.checkedOutAt) };
  const items = new Map(state.items);
  items.set(event.data.sku, (items.get(event.data.sku) ?? 0) + event.data.quantity);
  return { ...state, changesAfterCheckout, items };
}

export default {
  id: 'map-carts',
  decide: () => [],
  evolve,
  initialState: (): Cart => ({ items: new Map(), changesAfterCheckout: 0 }),
  streamOf: (command: { data: { cartId: string } }) => \`shopping_cart-\${command.data.cartId}\`,
  commandSchemas: {},
  eventSchemas: {
    ItemAdded: { type: 'object', properties: { cartId: { type: 'string' }, sku: { type: 'string' }, quantity: { type: 'integer' } }, required: ['cartId', 'sku', 'quantity'] },
    CartCheckedOut: { type: 'object', properties: { cartId: { type: 'string' }, checkedOutAt: { type: 'string' } }, required: ['cartId', 'checkedOutAt'] },
  },
  invariants: [
    { name: 'checked-out-cart-never-changes', violation: (_s: string, cart: Cart) => (cart.changesAfterCheckout > 0 ? \`changed after \${cart.checkedOutAt!.toISOString()}\` : undefined) },
    { name: 'at-most-three-of-a-sku', violation: (_s: string, cart: Cart) => ([...cart.items.values()].some((q) => q > 3) ? 'more than three of a sku' : undefined) },
  ],
};
`;

const add = (cartId: string, sku: string, quantity: number): EmmettMessage => ({ type: 'ItemAdded', data: { cartId, sku, quantity } });
const checkout = (cartId: string): EmmettMessage => ({ type: 'CartCheckedOut', data: { cartId, checkedOutAt: '2026-11-30T10:00:00.000Z' } });

describe('purestream inspect <postgres URL> --domain (a Map in its state) --checkpoint FILE', () => {
  needsServer('postgres');

  it('the checkpoint keeps the Map and the Date; the next read resumes with them and finds the changes after checkout', async () => {
    const db = await freshDatabase('checkpoint_map');
    const url = `${db}?store=emmett`;
    const cwd = folderWith({ 'carts.ts': cartsModule });
    const args = ['inspect', url, '--domain', './carts.ts', '--checkpoint', 'cp.json', '--fail-on', 'violations', '--json'];
    await seedEmmett(db, [{ streamName: 'shopping_cart-c-1', messages: [add('c-1', 'tee', 2), checkout('c-1')] }]);
    const first = await cli(args, { cwd });
    expect([first.code, first.err]).toEqual([0, expect.stringMatching(/written to checkpoint cp\.json/)]);
    const saved = JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8'));
    expect(saved.states['shopping_cart-c-1']).toEqual({
      items: { '@purestream': 'Map', entries: [['tee', 2]] },
      changesAfterCheckout: 0,
      checkedOutAt: { '@purestream': 'Date', value: '2026-11-30T10:00:00.000Z' },
    });

    await seedEmmett(db, [{ streamName: 'shopping_cart-c-1', messages: [add('c-1', 'tee', 2)] }]);
    const second = await cli(args, { cwd });
    expect(second.code, second.err).toBe(3);
    const report = JSON.parse(second.out);
    expect(report.violations.map((v: { invariant: string; message: string }) => `${v.invariant}: ${v.message}`).sort()).toEqual([
      'at-most-three-of-a-sku: more than three of a sku',
      'checked-out-cart-never-changes: changed after 2026-11-30T10:00:00.000Z',
    ]);
    const whole = JSON.parse((await cli(['inspect', url, '--domain', './carts.ts', '--json'], { cwd })).out);
    expect(report.stateHash).toBe(whole.stateHash);
    expect(JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8')).states['shopping_cart-c-1'].items).toEqual({ '@purestream': 'Map', entries: [['tee', 4]] });
  });
});
