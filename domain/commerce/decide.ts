/** Commerce: commands and `decide`, one small function per command. Pure. */
import { accept, reject, type Command, type CommandEnvelope, type Decision, type StateView } from '../kernel';
import { orderStream, stockStream, type CommerceAggregate, type CommerceEvent, type Order, type StockLevel } from './state';

export type RestockItem = Command<'RestockItem', { sku: string; qty: number; warehouse?: string }>;
export type PlaceOrder = Command<'PlaceOrder', { orderId: string; customerId: string; sku: string; qty: number; warehouse?: string }>;
export type CancelOrder = Command<'CancelOrder', { orderId: string }>;
export type ShipOrder = Command<'ShipOrder', { orderId: string }>;
export type CommerceCommand = RestockItem | PlaceOrder | CancelOrder | ShipOrder;

type State = StateView<CommerceAggregate>;
const DEFAULT_WAREHOUSE = 'main';

const validQty = (qty: number) => Number.isInteger(qty) && qty > 0;

export const stockOf = (state: State, sku: string, warehouse: string): number =>
  (state.get(stockStream(sku, warehouse)) as StockLevel | undefined)?.stock ?? 0;
export const orderOf = (state: State, orderId: string): Order | undefined => state.get(orderStream(orderId)) as Order | undefined;

function restockItem({ data }: CommandEnvelope<RestockItem>): Decision<CommerceEvent> {
  if (!validQty(data.qty)) return reject('invalid-quantity', `qty must be an integer > 0, got ${data.qty}`);
  return accept({ type: 'ItemRestocked', data: { sku: data.sku, qty: data.qty, warehouse: data.warehouse ?? DEFAULT_WAREHOUSE } });
}

function placeOrder({ data }: CommandEnvelope<PlaceOrder>, state: State): Decision<CommerceEvent> {
  const warehouse = data.warehouse ?? DEFAULT_WAREHOUSE;
  if (!validQty(data.qty)) return reject('invalid-quantity', `qty must be an integer > 0, got ${data.qty}`);
  if (orderOf(state, data.orderId)) return reject('duplicate-order', `order ${data.orderId} already exists`);
  const stock = stockOf(state, data.sku, warehouse);
  if (stock < data.qty) return reject('out-of-stock', `${data.sku}@${warehouse} has ${stock}, order wants ${data.qty}`);
  const { orderId, customerId, sku, qty } = data;
  return accept(
    { type: 'OrderPlaced', data: { orderId, customerId, sku, qty, warehouse } },
    { type: 'StockReserved', data: { sku, warehouse, qty, orderId } },
  );
}

function cancelOrder({ data }: CommandEnvelope<CancelOrder>, state: State): Decision<CommerceEvent> {
  const order = orderOf(state, data.orderId);
  if (!order) return reject('unknown-order', `no order ${data.orderId}`);
  if (order.status === 'shipped') return reject('already-shipped', `order ${data.orderId} has shipped`);
  if (order.status === 'cancelled') return reject('already-cancelled', `order ${data.orderId} is already cancelled`);
  const { orderId, sku, warehouse, qty } = order;
  return accept({ type: 'OrderCancelled', data: { orderId } }, { type: 'StockReleased', data: { sku, warehouse, qty, orderId } });
}

function shipOrder({ data }: CommandEnvelope<ShipOrder>, state: State): Decision<CommerceEvent> {
  const order = orderOf(state, data.orderId);
  if (!order) return reject('unknown-order', `no order ${data.orderId}`);
  if (order.status === 'cancelled') return reject('order-cancelled', `order ${data.orderId} was cancelled`);
  if (order.status === 'shipped') return reject('already-shipped', `order ${data.orderId} has shipped`);
  return accept({ type: 'OrderShipped', data: { orderId: data.orderId } });
}

/** Decides a commerce command against the state. */
export function decide(command: CommandEnvelope<CommerceCommand>, state: State): Decision<CommerceEvent> {
  switch (command.type) {
    case 'RestockItem':
      return restockItem(command);
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    case 'ShipOrder':
      return shipOrder(command, state);
    default: {
      const never: never = command;
      return reject('unknown-command', `unknown command ${(never as Command).type}`);
    }
  }
}
