import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { StateStore } from '../../../../src/engine/consumers/stateStore';
import { commerceCommands, logOf, profilesCommands } from './fixtures';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

describe('state-store interpreter', () => {
  it('folds a commerce log into one aggregate per stream, keys sorted', () => {
    const store = new StateStore(commerce);
    for (const e of logOf(commerce, commerceCommands)) expect(store.enact(e, 0)).toEqual({ type: 'enacted' });
    expect(store.version).toBe(9);
    const snapshot = store.snapshot();
    expect(Object.keys(snapshot)).toEqual(['order:o1', 'order:o2', 'stock:mug@east', 'stock:tee@main']);
    expect(snapshot).toEqual({
      'order:o1': { orderId: 'o1', customerId: 'ann', sku: 'tee', qty: 2, warehouse: 'main', status: 'cancelled' },
      'order:o2': { orderId: 'o2', customerId: 'bob', sku: 'mug', qty: 2, warehouse: 'east', status: 'shipped' },
      'stock:mug@east': { sku: 'mug', warehouse: 'east', stock: 0 },
      'stock:tee@main': { sku: 'tee', warehouse: 'main', stock: 5 },
    });
    expect(store.get('stock:tee@main')).toEqual({ sku: 'tee', warehouse: 'main', stock: 5 });
    expect(store.get('order:nope')).toBeUndefined();
    expect(store.output()).toEqual(snapshot);
  });

  it('folds a profiles log, gallery in order', () => {
    const store = new StateStore(profiles);
    for (const e of logOf(profiles, profilesCommands)) store.enact(e, 0);
    expect(store.version).toBe(8);
    expect(store.snapshot()).toEqual({
      'profile:p1': { profileId: 'p1', userId: 'ada', title: 'Hello', bio: 'engines', name: { first: 'Ada', last: 'Lovelace' }, gallery: ['a.png', 'c.png', 'd.png'], updatedAt: 30 },
      'profile:p2': { profileId: 'p2', userId: 'bo', title: 'Yo', bio: '', name: { first: 'Bo', last: 'B' }, gallery: [], updatedAt: 20 },
    });
  });

  it('ignores an event id already enacted when idempotent (the default)', () => {
    const log = logOf(commerce, commerceCommands);
    const store = new StateStore(commerce);
    store.enact(log[0], 0);
    expect(store.enact(log[0], 5)).toEqual({ type: 'ignored', reason: 'event c1.1 was already enacted' });
    expect(store.version).toBe(1);
    expect(store.get('stock:tee@main')).toEqual({ sku: 'tee', warehouse: 'main', stock: 5 });
  });

  it('enacts a duplicate again when not idempotent', () => {
    const log = logOf(commerce, commerceCommands);
    const store = new StateStore(commerce, false);
    store.enact(log[0], 0);
    expect(store.enact(log[0], 5)).toEqual({ type: 'enacted' });
    expect(store.version).toBe(2);
    expect(store.get('stock:tee@main')).toEqual({ sku: 'tee', warehouse: 'main', stock: 10 });
  });

  it('reports a throwing evolve as a failed enactment and changes nothing', () => {
    const store = new StateStore(commerce);
    const bogus = { ...logOf(commerce, commerceCommands)[0], type: 'Bogus' };
    expect(store.enact(bogus, 0)).toEqual({ type: 'failed', message: 'unknown commerce event Bogus' });
    expect(store.version).toBe(0);
    expect(store.snapshot()).toEqual({});
  });
});

describe('state-store idempotency on foreign logs', () => {
  it("recognises an id that comes back under another seq only with recognise: 'id'", () => {
    const [e] = logOf(commerce, commerceCommands);
    const moved = { ...e, seq: 42 };
    const bySeq = new StateStore(commerce);
    bySeq.enact(e, 0);
    expect(bySeq.enact(moved, 1).type).toBe('enacted');
    const byId = new StateStore(commerce, true, { recognise: 'id' });
    byId.enact(e, 0);
    expect(byId.enact(moved, 1)).toEqual({ type: 'ignored', reason: 'event c1.1 was already enacted' });
    expect(byId.version).toBe(1);
  });
});
