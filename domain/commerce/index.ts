/** The `commerce` domain: orders against limited stock. */
import { int, object, str, type Decider, type SqlStatement } from '../kernel';
import { decide, orderOf, stockOf, type CommerceCommand } from './decide';
import { evolve, orderStream, streamOf, type CommerceAggregate, type CommerceEvent, type StockLevel } from './state';

export * from './state';
export * from './decide';

const sku = str('product id');
const warehouse = str('warehouse id', { default: 'main' });
const stockEvent = object({ sku, warehouse: str('warehouse id'), qty: int('units', { minimum: 1 }), orderId: str('order id') });

const sql = (s: string, ...params: (string | number)[]): SqlStatement => ({ sql: s, params });

function statementsFor(e: CommerceEvent): SqlStatement[] {
  const upsertStock = 'INSERT INTO stock (sku, warehouse, stock) VALUES (?, ?, ?) ON CONFLICT (sku, warehouse) DO UPDATE SET stock = stock + excluded.stock';
  switch (e.type) {
    case 'ItemRestocked':
    case 'StockReleased':
      return [sql(upsertStock, e.data.sku, e.data.warehouse, e.data.qty)];
    case 'StockReserved':
      return [sql(upsertStock, e.data.sku, e.data.warehouse, -e.data.qty)];
    case 'OrderPlaced':
      return [
        sql(
          "INSERT INTO orders (order_id, customer_id, sku, qty, warehouse, status) VALUES (?, ?, ?, ?, ?, 'placed')",
          e.data.orderId, e.data.customerId, e.data.sku, e.data.qty, e.data.warehouse,
        ),
      ];
    case 'OrderCancelled':
      return [sql("UPDATE orders SET status = 'cancelled' WHERE order_id = ?", e.data.orderId)];
    case 'OrderShipped':
      return [sql("UPDATE orders SET status = 'shipped' WHERE order_id = ?", e.data.orderId)];
    default: {
      const never: never = e;
      throw new Error(`unknown commerce event ${(never as CommerceEvent).type}`);
    }
  }
}

/** The commerce decider with its schemas, partition key, invariant, authorization and capacity hook. */
export const commerce = {
  id: 'commerce',
  title: 'Commerce',
  summary: 'Orders against limited stock: restock, place, cancel and ship orders.',
  decide,
  evolve,
  streamOf,
  commandSchemas: {
    RestockItem: object({ sku, qty: int('units to add', { minimum: 1 }), warehouse }, ['warehouse']),
    PlaceOrder: object({ orderId: str('order id'), customerId: str('customer id'), sku, qty: int('units to order', { minimum: 1 }), warehouse }, ['warehouse']),
    CancelOrder: object({ orderId: str('order id') }),
    ShipOrder: object({ orderId: str('order id') }),
  },
  eventSchemas: {
    ItemRestocked: object({ sku, qty: int('units', { minimum: 1 }), warehouse: str('warehouse id') }),
    OrderPlaced: object({ orderId: str('order id'), customerId: str('customer id'), sku, qty: int('units', { minimum: 1 }), warehouse: str('warehouse id') }),
    StockReserved: stockEvent,
    OrderCancelled: object({ orderId: str('order id') }),
    StockReleased: stockEvent,
    OrderShipped: object({ orderId: str('order id') }),
  },
  // The stock's key first (what `partitioned` and `capacity-aware` route by), then the order's:
  // a place creates the order, so it holds `order:<id>` too; a cancel or ship of an order not
  // (yet) in the state holds only the order's key, so it waits for a place still in flight.
  partitionKey(c, state) {
    switch (c.type) {
      case 'RestockItem':
        return `${c.data.sku}@${c.data.warehouse ?? 'main'}`;
      case 'PlaceOrder':
        return [`${c.data.sku}@${c.data.warehouse ?? 'main'}`, orderStream(c.data.orderId)];
      case 'CancelOrder':
      case 'ShipOrder': {
        const order = orderOf(state, c.data.orderId);
        return order ? [`${order.sku}@${order.warehouse}`, orderStream(c.data.orderId)] : [orderStream(c.data.orderId)];
      }
    }
  },
  invariants: [
    {
      name: 'stock-non-negative',
      description: 'every stock level is >= 0',
      violation: (stream, agg) => {
        const level = agg as StockLevel;
        return stream.startsWith('stock:') && level.stock < 0 ? `stock of ${level.sku}@${level.warehouse} is ${level.stock}` : undefined;
      },
    },
  ],
  authorization: {
    CancelOrder(command, state) {
      const order = orderOf(state, command.data.orderId);
      if (!order || command.actor === 'admin' || command.actor === order.customerId) return undefined;
      return `only the order's customer (${order.customerId}) or admin may cancel it, not ${command.actor}`;
    },
  },
  capacity: {
    capacityOf: (key, state) => {
      const at = key.lastIndexOf('@');
      return at < 0 ? 0 : stockOf(state, key.slice(0, at), key.slice(at + 1));
    },
    demandOf: (command) => (command.type === 'PlaceOrder' ? command.data.qty : 0),
  },
  sql: {
    tables: [
      { name: 'stock', create: 'CREATE TABLE stock (sku TEXT NOT NULL, warehouse TEXT NOT NULL, stock INTEGER NOT NULL, PRIMARY KEY (sku, warehouse))' },
      {
        name: 'orders',
        create: 'CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL, warehouse TEXT NOT NULL, status TEXT NOT NULL)',
      },
    ],
    statementsFor,
  },
} satisfies Decider<CommerceCommand, CommerceEvent, CommerceAggregate>;
