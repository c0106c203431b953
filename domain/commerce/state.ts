/** Commerce: events, aggregates and `evolve`. Pure. */
import type { DomainEvent, StreamId } from '../kernel';

export interface StockLevel {
  readonly sku: string;
  readonly warehouse: string;
  readonly stock: number;
}
export type OrderStatus = 'placed' | 'cancelled' | 'shipped';
export interface Order {
  readonly orderId: string;
  readonly customerId: string;
  readonly sku: string;
  readonly qty: number;
  readonly warehouse: string;
  readonly status: OrderStatus;
}
/** One aggregate per stream: a stock level (`stock:<sku>@<warehouse>`) or an order (`order:<id>`). */
export type CommerceAggregate = StockLevel | Order;

export type ItemRestocked = DomainEvent<'ItemRestocked', { sku: string; qty: number; warehouse: string }>;
export type OrderPlaced = DomainEvent<'OrderPlaced', { orderId: string; customerId: string; sku: string; qty: number; warehouse: string }>;
export type StockReserved = DomainEvent<'StockReserved', { sku: string; warehouse: string; qty: number; orderId: string }>;
export type OrderCancelled = DomainEvent<'OrderCancelled', { orderId: string }>;
export type StockReleased = DomainEvent<'StockReleased', { sku: string; warehouse: string; qty: number; orderId: string }>;
export type OrderShipped = DomainEvent<'OrderShipped', { orderId: string }>;
export type CommerceEvent = ItemRestocked | OrderPlaced | StockReserved | OrderCancelled | StockReleased | OrderShipped;

export const stockStream = (sku: string, warehouse: string): StreamId => `stock:${sku}@${warehouse}`;
export const orderStream = (orderId: string): StreamId => `order:${orderId}`;

/** The stream an event belongs to. */
export function streamOf(event: CommerceEvent): StreamId {
  switch (event.type) {
    case 'ItemRestocked':
    case 'StockReserved':
    case 'StockReleased':
      return stockStream(event.data.sku, event.data.warehouse);
    case 'OrderPlaced':
    case 'OrderCancelled':
    case 'OrderShipped':
      return orderStream(event.data.orderId);
    default: {
      const never: never = event;
      throw new Error(`unknown commerce event ${(never as CommerceEvent).type}`);
    }
  }
}

// Aggregates are written as literals with their keys in sorted order: every one has one shape,
// and its canonical JSON (the state hash's) is its plain JSON, with no copy to sort.
const adjust = (agg: CommerceAggregate | undefined, sku: string, warehouse: string, delta: number): StockLevel => ({
  sku,
  stock: ((agg as StockLevel | undefined)?.stock ?? 0) + delta,
  warehouse,
});

const withStatus = (agg: CommerceAggregate | undefined, status: OrderStatus): Order => {
  if (agg === undefined) return { status } as Order;
  const o = agg as Order;
  return { customerId: o.customerId, orderId: o.orderId, qty: o.qty, sku: o.sku, status, warehouse: o.warehouse };
};

/** Folds one event into its stream's aggregate. */
export function evolve(agg: CommerceAggregate | undefined, event: CommerceEvent): CommerceAggregate {
  switch (event.type) {
    case 'ItemRestocked':
      return adjust(agg, event.data.sku, event.data.warehouse, event.data.qty);
    case 'StockReserved':
      return adjust(agg, event.data.sku, event.data.warehouse, -event.data.qty);
    case 'StockReleased':
      return adjust(agg, event.data.sku, event.data.warehouse, event.data.qty);
    case 'OrderPlaced': {
      const d = event.data;
      return { customerId: d.customerId, orderId: d.orderId, qty: d.qty, sku: d.sku, status: 'placed', warehouse: d.warehouse };
    }
    case 'OrderCancelled':
      return withStatus(agg, 'cancelled');
    case 'OrderShipped':
      return withStatus(agg, 'shipped');
    default: {
      const never: never = event;
      throw new Error(`unknown commerce event ${(never as CommerceEvent).type}`);
    }
  }
}
