/**
 * A domain module whose state holds a Map, a Set and a Date (an Emmett cart): `inspect --json`
 * hashes and writes its final state in the one tagged encoding a checkpoint keeps
 * (src/engine/report/taggedJson: `{"@purestream": "Map", "entries": …}`), so two carts with
 * different items hash differently — not both as `{}` — while plain JSON states hash as before.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/engine/report/canonicalJson';
import { stateHash } from '../../../src/engine/report/stateHash';
import { stateText } from '../../../src/sources/checkpointStates';
import { folderWith } from '../modules/moduleFiles';
import { cli } from './cliHarness';

const cartsModule = `
type CartEvent =
  | { type: 'ItemAdded'; data: { cartId: string; sku: string; quantity: number } }
  | { type: 'CartCheckedOut'; data: { cartId: string; checkedOutAt: string } };
type Cart = { items: Map<string, number>; skus: Set<string>; checkedOutAt?: Date };

function evolve(state: Cart, event: CartEvent): Cart {
  if (event.type === 'CartCheckedOut') return { ...state, checkedOutAt: new Date(event.data.checkedOutAt) };
  const items = new Map(state.items);
  items.set(event.data.sku, (items.get(event.data.sku) ?? 0) + event.data.quantity);
  return { ...state, items, skus: new Set([...state.skus, event.data.sku]) };
}

export default {
  id: 'map-carts',
  decide: () => [],
  evolve,
  initialState: (): Cart => ({ items: new Map(), skus: new Set() }),
  streamOf: (command: { data: { cartId: string } }) => \`cart:\${command.data.cartId}\`,
  commandSchemas: {},
  eventSchemas: {
    ItemAdded: { type: 'object', properties: { cartId: { type: 'string' }, sku: { type: 'string' }, quantity: { type: 'integer' } }, required: ['cartId', 'sku', 'quantity'] },
    CartCheckedOut: { type: 'object', properties: { cartId: { type: 'string' }, checkedOutAt: { type: 'string' } }, required: ['cartId', 'checkedOutAt'] },
  },
};
`;

let seq = 0;
const record = (type: string, data: Record<string, unknown>) => JSON.stringify({ id: `e-${++seq}`, type, stream: `cart-${String(data.cartId)}`, time: '2026-11-30T10:00:00Z', data });
const log = (quantity: number) =>
  [record('ItemAdded', { cartId: 'c-1', sku: 'tee', quantity }), record('ItemAdded', { cartId: 'c-1', sku: 'mug', quantity: 1 }), record('CartCheckedOut', { cartId: 'c-1', checkedOutAt: '2026-11-30T10:00:00.000Z' })].join('\n') + '\n';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('inspect --json of a module state holding a Map, a Set and a Date', () => {
  it('finalState is tagged, stateHash is the SHA-256 of its canonical JSON, and other items hash otherwise', async () => {
    const cwd = folderWith({ 'carts.ts': cartsModule });
    writeFileSync(join(cwd, 'two.jsonl'), log(2));
    writeFileSync(join(cwd, 'three.jsonl'), log(3));
    const two = await cli(['inspect', 'two.jsonl', '--domain', './carts.ts', '--json'], { cwd });
    const three = await cli(['inspect', 'three.jsonl', '--domain', './carts.ts', '--json'], { cwd });
    expect([two.code, two.err]).toEqual([0, '']);
    const report = JSON.parse(two.out) as { finalState: Record<string, unknown>; stateHash: string };
    const cart = {
      items: { '@purestream': 'Map', entries: [['tee', 2], ['mug', 1]] },
      skus: { '@purestream': 'Set', values: ['tee', 'mug'] },
      checkedOutAt: { '@purestream': 'Date', value: '2026-11-30T10:00:00.000Z' },
    };
    expect(report.finalState).toEqual({ 'cart-c-1': cart });
    expect(report.stateHash).toBe(sha256(canonicalJson({ 'cart-c-1': cart })));
    expect(JSON.parse(three.out).stateHash).not.toBe(report.stateHash);
  });

  it('the hash, the written state and the checkpoint share the one encoding; plain JSON hashes as before', () => {
    const state = { items: new Map([['tee', 2]]), skus: new Set(['tee']), at: new Date('2026-11-30T10:00:00Z') };
    const tagged = JSON.parse(stateText('cart:c-1', state)) as unknown;
    expect(stateHash({ 'cart:c-1': state })).toBe(stateHash({ 'cart:c-1': tagged }));
    expect(stateHash({ a: new Map([['tee', 2]]) })).not.toBe(stateHash({ a: new Map([['tee', 3]]) }));
    expect(stateHash({ a: new Map() })).not.toBe(stateHash({ a: {} }));
    // plain data: the SHA-256 of its canonical JSON, as cli-and-reports.md defines it
    const plain = { 'stock:tee': { sku: 'tee', qty: 3, tags: ['a', 'b'] }, 'order:1': { total: 10, lines: [{ sku: 'tee' }] } };
    expect(stateHash(plain)).toBe(sha256('{"order:1":{"lines":[{"sku":"tee"}],"total":10},"stock:tee":{"qty":3,"sku":"tee","tags":["a","b"]}}'));
  });
});
