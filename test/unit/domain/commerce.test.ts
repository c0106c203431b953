import { describe, expect, it } from 'vitest';
import { commerce } from '../../../domain';
import { given } from '../../../domain/kernel/testing';
import { authorize, viewOf, evolveRecord } from '../../../domain/kernel';
import { envelope } from '../../../domain/kernel/testing';

const restocked = (qty: number, sku = 'tee', warehouse = 'main') => ({ type: 'ItemRestocked', data: { sku, qty, warehouse } });
const placed = (orderId: string, qty = 1, customerId = 'u1') => ({ type: 'OrderPlaced', data: { orderId, customerId, sku: 'tee', qty, warehouse: 'main' } });
const reserved = (orderId: string, qty = 1) => ({ type: 'StockReserved', data: { sku: 'tee', warehouse: 'main', qty, orderId } });
const place = (orderId: string, qty = 1, extra: Record<string, unknown> = {}) => ({ type: 'PlaceOrder', data: { orderId, customerId: 'u1', sku: 'tee', qty, ...extra } });

describe('commerce: RestockItem', () => {
  it('restocks into the main warehouse by default', () => {
    given(commerce).when({ type: 'RestockItem', data: { sku: 'tee', qty: 5 } }).then([restocked(5)]);
  });
  it('restocks a named warehouse', () => {
    given(commerce).when({ type: 'RestockItem', data: { sku: 'tee', qty: 2, warehouse: 'north' } }).then([restocked(2, 'tee', 'north')]);
  });
  it.each([0, -3, 1.5])('rejects qty %s with invalid-quantity', (qty) => {
    given(commerce).when({ type: 'RestockItem', data: { sku: 'tee', qty } }).thenRejects('invalid-quantity');
  });
});

describe('commerce: PlaceOrder', () => {
  it('places an order and reserves stock', () => {
    given(commerce, [restocked(3)]).when(place('o1', 2)).then([placed('o1', 2), reserved('o1', 2)]);
  });
  it('accepts an order for exactly the stock left', () => {
    given(commerce, [restocked(1)]).when(place('o1', 1)).then([placed('o1'), reserved('o1')]);
  });
  it('rejects invalid-quantity', () => {
    given(commerce, [restocked(3)]).when(place('o1', 0)).thenRejects('invalid-quantity');
  });
  it('rejects duplicate-order', () => {
    given(commerce, [restocked(3), placed('o1'), reserved('o1')]).when(place('o1')).thenRejects('duplicate-order');
  });
  it('rejects out-of-stock when the stock read is below qty', () => {
    given(commerce, [restocked(1)]).when(place('o1', 2)).thenRejects('out-of-stock');
  });
  it('rejects out-of-stock for an unknown sku or another warehouse', () => {
    given(commerce, [restocked(5)]).when(place('o1', 1, { warehouse: 'north' })).thenRejects('out-of-stock');
  });
});

describe('commerce: CancelOrder and ShipOrder', () => {
  const history = [restocked(3), placed('o1', 2), reserved('o1', 2)];
  it('cancels and releases the stock', () => {
    given(commerce, history)
      .when({ type: 'CancelOrder', data: { orderId: 'o1' } })
      .then([{ type: 'OrderCancelled', data: { orderId: 'o1' } }, { type: 'StockReleased', data: { sku: 'tee', warehouse: 'main', qty: 2, orderId: 'o1' } }]);
  });
  it('rejects cancelling an unknown-order', () => {
    given(commerce).when({ type: 'CancelOrder', data: { orderId: 'x' } }).thenRejects('unknown-order');
  });
  it('rejects cancelling a shipped order (already-shipped)', () => {
    given(commerce, [...history, { type: 'OrderShipped', data: { orderId: 'o1' } }]).when({ type: 'CancelOrder', data: { orderId: 'o1' } }).thenRejects('already-shipped');
  });
  it('rejects cancelling twice (already-cancelled)', () => {
    given(commerce, [...history, { type: 'OrderCancelled', data: { orderId: 'o1' } }]).when({ type: 'CancelOrder', data: { orderId: 'o1' } }).thenRejects('already-cancelled');
  });
  it('ships a placed order', () => {
    given(commerce, history).when({ type: 'ShipOrder', data: { orderId: 'o1' } }).then([{ type: 'OrderShipped', data: { orderId: 'o1' } }]);
  });
  it('rejects shipping an unknown-order', () => {
    given(commerce).when({ type: 'ShipOrder', data: { orderId: 'x' } }).thenRejects('unknown-order');
  });
  it('rejects shipping a cancelled order (order-cancelled)', () => {
    given(commerce, [...history, { type: 'OrderCancelled', data: { orderId: 'o1' } }]).when({ type: 'ShipOrder', data: { orderId: 'o1' } }).thenRejects('order-cancelled');
  });
  it('rejects shipping twice (already-shipped)', () => {
    given(commerce, [...history, { type: 'OrderShipped', data: { orderId: 'o1' } }]).when({ type: 'ShipOrder', data: { orderId: 'o1' } }).thenRejects('already-shipped');
  });
});

describe('commerce: state, partition keys, capacity', () => {
  it('keeps one aggregate per stream with the contract fields', () => {
    const state = given(commerce, [restocked(3), placed('o1', 2), reserved('o1', 2)]).state;
    expect(state).toEqual({
      'stock:tee@main': { sku: 'tee', warehouse: 'main', stock: 1 },
      'order:o1': { orderId: 'o1', customerId: 'u1', sku: 'tee', qty: 2, warehouse: 'main', status: 'placed' },
    });
  });
  it('keys every aggregate a command may touch: the stock first (sku@warehouse), then the order it creates or changes', () => {
    const state = viewOf(given(commerce, [restocked(3), placed('o1'), reserved('o1')]).state);
    expect(commerce.partitionKey(envelope({ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }), state)).toBe('tee@main');
    expect(commerce.partitionKey(envelope(place('o2', 1, { warehouse: 'north' })), state)).toEqual(['tee@north', 'order:o2']);
    expect(commerce.partitionKey(envelope({ type: 'ShipOrder', data: { orderId: 'o1' } }), state)).toEqual(['tee@main', 'order:o1']);
    expect(commerce.partitionKey(envelope({ type: 'CancelOrder', data: { orderId: 'o1' } }), state)).toEqual(['tee@main', 'order:o1']);
    // an order not in the state: only its own key, the one its place holds
    expect(commerce.partitionKey(envelope({ type: 'CancelOrder', data: { orderId: 'o9' } }), state)).toEqual(['order:o9']);
  });
  it('reports the stock as capacity and an order qty as demand', () => {
    const state = viewOf(given(commerce, [restocked(7)]).state);
    expect(commerce.capacity!.capacityOf('tee@main', state)).toBe(7);
    expect(commerce.capacity!.capacityOf('hat@main', state)).toBe(0);
    expect(commerce.capacity!.demandOf(envelope(place('o1', 3)))).toBe(3);
    expect(commerce.capacity!.demandOf(envelope({ type: 'RestockItem', data: { sku: 'tee', qty: 3 } }))).toBe(0);
  });
});

describe('commerce: invariant stock-non-negative', () => {
  const [inv] = commerce.invariants;
  it('holds at zero and breaks below zero (an oversell)', () => {
    expect(inv.name).toBe('stock-non-negative');
    const oversold = evolveRecord(commerce, {}, [restocked(1), reserved('o1'), reserved('o2')]);
    expect(inv.violation('stock:tee@main', oversold['stock:tee@main'] as never)).toBe('stock of tee@main is -1');
    const exact = evolveRecord(commerce, {}, [restocked(1), reserved('o1')]);
    expect(inv.violation('stock:tee@main', exact['stock:tee@main'] as never)).toBeUndefined();
  });
});

describe('commerce: authorization', () => {
  const state = viewOf(given(commerce, [restocked(3), placed('o1', 1, 'alice'), reserved('o1')]).state);
  const ctx = { now: 0 };
  const cancel = (actor?: string) => envelope({ type: 'CancelOrder', data: { orderId: 'o1' }, actor });
  it('lets the order customer and admin cancel', () => {
    expect(authorize(commerce, cancel('alice'), state, ctx)).toBeUndefined();
    expect(authorize(commerce, cancel('admin'), state, ctx)).toBeUndefined();
  });
  it('denies anyone else with unauthorized', () => {
    expect(authorize(commerce, cancel('mallory'), state, ctx)?.code).toBe('unauthorized');
  });
  it('denies a command without an actor (the default rule)', () => {
    expect(authorize(commerce, envelope(place('o9')), state, ctx)?.code).toBe('unauthorized');
    expect(authorize(commerce, envelope({ ...place('o9'), actor: '' }), state, ctx)?.code).toBe('unauthorized');
    expect(authorize(commerce, envelope({ ...place('o9'), actor: 'bob' }), state, ctx)).toBeUndefined();
  });
  it('rejects a denied command through the decision with code unauthorized', () => {
    given(commerce, [restocked(3), placed('o1', 1, 'alice'), reserved('o1')], { authorize: ctx })
      .when({ type: 'CancelOrder', data: { orderId: 'o1' }, actor: 'mallory' })
      .thenRejects('unauthorized');
  });
});
