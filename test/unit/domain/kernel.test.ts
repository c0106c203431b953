import { describe, expect, it } from 'vitest';
import { commandOutcomes, decideInput, viewOf, type BatchEnvelope } from '../../../domain/kernel';
import { bundledDomain, bundledDomains } from '../../../src/engine/module/bundled';
import { envelope, given } from '../../../src/engine/module/testing';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

const name = { first: 'Ada', last: 'Lovelace' };
const cmd = (id: string, type: string, data: unknown, at = 5) => envelope({ id, type, data, at, actor: 'ada' });
const batch = (id: string, mode: BatchEnvelope['mode'], items: BatchEnvelope['items']): BatchEnvelope => ({ kind: 'batch', id, mode, items });
const profileWithGallery = batch('b1', 'all-or-nothing', [
  cmd('c1', 'AddProfile', { profileId: 'p1', userId: 'ada', title: 't', bio: 'b', name }),
  cmd('c2', 'AddGalleryImage', { profileId: 'p1', imageRef: 'one.png' }),
  cmd('c3', 'AddGalleryImage', { profileId: 'p1', imageRef: 'two.png' }),
]);

describe('batches', () => {
  it('accepts [AddProfile, AddGalleryImage, AddGalleryImage] although the profile did not exist before', () => {
    const outcome = given(profiles).when(profileWithGallery).outcome;
    expect(outcome.accepted).toBe(true);
    expect(outcome.events.map((e) => e.type)).toEqual(['ProfileAdded', 'GalleryImageAdded', 'GalleryImageAdded']);
  });
  it('gives every event its identity: id, stream, causation and correlation', () => {
    const { events } = given(profiles).when(profileWithGallery).outcome;
    expect(events[1]).toMatchObject({ id: 'c2.1', stream: 'profile:p1', causationId: 'c2', correlationId: 'b1', at: 5 });
  });
  it('all-or-nothing: one failing item rejects the batch; the first failure keeps its code, the rest are batch-aborted', () => {
    const failing = batch('b2', 'all-or-nothing', [
      cmd('c1', 'AddProfile', { profileId: 'p1', userId: 'ada', title: 't', bio: 'b', name }),
      cmd('c2', 'AddGalleryImage', { profileId: 'p1', imageRef: 'same.png' }),
      cmd('c3', 'AddGalleryImage', { profileId: 'p1', imageRef: 'same.png' }),
      cmd('c4', 'AddGalleryImage', { profileId: 'p1', imageRef: 'other.png' }),
    ]);
    const outcome = given(profiles).when(failing).outcome;
    expect(outcome.accepted).toBe(false);
    expect(outcome.events).toEqual([]);
    expect(commandOutcomes(outcome).map((o) => o.rejection?.code)).toEqual(['batch-aborted', 'batch-aborted', 'duplicate-image', 'batch-aborted']);
  });
  it('allow-partial: accepted items append, rejected items are reported', () => {
    const partial = batch('b3', 'allow-partial', [
      cmd('c1', 'RestockItem', { sku: 'tee', qty: 1, warehouse: 'main' }),
      cmd('c2', 'PlaceOrder', { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' }),
      cmd('c3', 'PlaceOrder', { orderId: 'o2', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' }),
    ]);
    const outcome = given(commerce).when(partial).outcome;
    expect(outcome.accepted).toBe(true);
    expect(commandOutcomes(outcome).map((o) => o.accepted)).toEqual([true, true, false]);
    expect(commandOutcomes(outcome)[2].rejection?.code).toBe('out-of-stock');
    expect(outcome.events.map((e) => e.type)).toEqual(['ItemRestocked', 'OrderPlaced', 'StockReserved']);
  });
  it('a failed nested all-or-nothing batch is one rejected item of an allow-partial parent', () => {
    const nested = batch('outer', 'allow-partial', [
      cmd('c1', 'RestockItem', { sku: 'tee', qty: 1, warehouse: 'main' }),
      batch('inner', 'all-or-nothing', [
        cmd('c2', 'PlaceOrder', { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' }),
        cmd('c3', 'PlaceOrder', { orderId: 'o2', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' }),
      ]),
      cmd('c4', 'RestockItem', { sku: 'hat', qty: 2, warehouse: 'main' }),
    ]);
    const outcome = given(commerce).when(nested).outcome;
    expect(outcome.accepted).toBe(true);
    expect(outcome.events.map((e) => e.causationId)).toEqual(['c1', 'c4']);
    expect(commandOutcomes(outcome).map((o) => o.rejection?.code)).toEqual([undefined, 'batch-aborted', 'out-of-stock', undefined]);
  });
  it('an item rejected inside a nested allow-partial batch fails an all-or-nothing parent', () => {
    const nested = batch('outer', 'all-or-nothing', [
      cmd('c1', 'RestockItem', { sku: 'tee', qty: 1, warehouse: 'main' }),
      batch('inner', 'allow-partial', [cmd('c2', 'PlaceOrder', { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 5, warehouse: 'main' })]),
    ]);
    const outcome = given(commerce).when(nested).outcome;
    expect(outcome.accepted).toBe(false);
    expect(commandOutcomes(outcome).map((o) => o.rejection?.code)).toEqual(['batch-aborted', 'out-of-stock']);
  });
});

const deepFreeze = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
};

describe('purity', () => {
  it('decides on deep-frozen inputs and gives the same output for the same input', () => {
    const state = deepFreeze(given(commerce, [{ type: 'ItemRestocked', data: { sku: 'tee', qty: 2, warehouse: 'main' } }]).state);
    const input = deepFreeze(cmd('c1', 'PlaceOrder', { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' }));
    const a = decideInput(commerce, input, viewOf(state));
    const b = decideInput(commerce, input, viewOf(state));
    expect(a).toEqual(b);
    expect(a.accepted).toBe(true);
    const frozenBatch = deepFreeze(profileWithGallery);
    expect(decideInput(profiles, frozenBatch, viewOf({}))).toEqual(decideInput(profiles, frozenBatch, viewOf({})));
  });
  it('evolves on deep-frozen aggregates without mutating them', () => {
    const agg = deepFreeze({ profileId: 'p1', userId: 'ada', title: 't', bio: 'b', name, gallery: ['a'], updatedAt: 1 });
    const next = profiles.evolve(agg, { type: 'GalleryImageAdded', data: { profileId: 'p1', imageRef: 'b' } });
    expect(next.gallery).toEqual(['a', 'b']);
    expect(agg.gallery).toEqual(['a']);
  });
  it('reads no clock or random source', () => {
    const realNow = Date.now;
    const realRandom = Math.random;
    Date.now = () => {
      throw new Error('clock read');
    };
    Math.random = () => {
      throw new Error('random read');
    };
    try {
      given(profiles).when(profileWithGallery).then(given(profiles).when(profileWithGallery).outcome.events.map((e) => ({ type: e.type, data: e.data })));
      given(commerce).when({ type: 'RestockItem', data: { sku: 'a', qty: 1 } }).then([{ type: 'ItemRestocked', data: { sku: 'a', qty: 1, warehouse: 'main' } }]);
    } finally {
      Date.now = realNow;
      Math.random = realRandom;
    }
  });
});

describe('schemas', () => {
  it('reject a command with a wrong field, naming the field', () => {
    const errors = commerce.commandCheck('PlaceOrder')!.problems({ orderId: 'o1', customerId: 'u', sku: 'tee', qty: 'two' }, 'data');
    expect(errors).toEqual([{ path: 'data.qty', message: 'expected an integer >= 1, got "two"' }]);
  });
  it('name missing, unknown and nested fields', () => {
    const errors = profiles.commandCheck('AddProfile')!.problems({ profileId: 'p1', userId: 'u', title: 't', bio: 'b', name: { first: 1 }, colour: 'red' }, 'commands[0].data');
    expect(errors.map((e) => e.path)).toEqual(['commands[0].data.name.first', 'commands[0].data.name.last', 'commands[0].data.colour']);
  });
  it('fill defaults', () => {
    expect(commerce.commandCheck('RestockItem')!.withDefaults({ sku: 'a', qty: 1 })).toEqual({ sku: 'a', qty: 1, warehouse: 'main' });
  });
  it('exist for every command and event of every domain, and validate what the domain emits', () => {
    for (const d of bundledDomains) {
      for (const s of Object.values(d.commandSchemas)) expect(s.type).toBe('object');
      expect(Object.keys(d.eventSchemas).length).toBeGreaterThan(3);
    }
    const { events } = given(profiles).when(profileWithGallery).outcome;
    for (const e of events) expect(profiles.eventCheck(e.type)!.problems(e.data, 'data')).toEqual([]);
  });
});

describe('given/when/then says both sides', () => {
  it('an expected list of events met by a rejection shows the events expected and the rejection', () => {
    const commerce = bundledDomain('commerce')!;
    const expected = [{ type: 'OrderPlaced', data: { orderId: 'o1' } }];
    expect(() => given(commerce).when({ type: 'PlaceOrder', data: { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' } }).then(expected)).toThrow(/^expected events\n[\s\S]*OrderPlaced[\s\S]*but the decision was rejected:\n[\s\S]*out-of-stock/);
  });
});
