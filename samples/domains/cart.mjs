/**
 * A shopping cart written as an Emmett decider, in plain JavaScript (domain-modules.md: the
 * shape is recognised by `initialState` being a function). Each cart is its own stream;
 * `streamOf(command)` names it. `decide` returns events and throws to reject: the rejection's
 * code is the error's `code`, else its class name in kebab case without `Error`
 * (`CartClosedError` → `cart-closed`). Time reaches it only as `command.metadata.now`.
 */

class CartClosedError extends Error {}
class EmptyCartError extends Error {}

const initialState = () => ({ status: 'empty', items: {}, confirmedAt: null });

/** @param {{ type: string, data: any, metadata: { now: Date } }} command */
function decide(command, state) {
  const { type, data, metadata } = command;
  if (state.status === 'confirmed') throw new CartClosedError(`cart ${data.cartId} was confirmed at ${state.confirmedAt}`);
  switch (type) {
    case 'AddProductItem':
      return { type: 'ProductItemAdded', data: { cartId: data.cartId, productId: data.productId, quantity: data.quantity } };
    case 'RemoveProductItem': {
      const have = state.items[data.productId] ?? 0;
      if (have < data.quantity) throw Object.assign(new Error(`the cart has ${have} of ${data.productId}`), { code: 'not-enough-items' });
      return { type: 'ProductItemRemoved', data: { cartId: data.cartId, productId: data.productId, quantity: data.quantity } };
    }
    case 'ConfirmShoppingCart':
      if (Object.keys(state.items).length === 0) throw new EmptyCartError('an empty cart cannot be confirmed');
      return [{ type: 'ShoppingCartConfirmed', data: { cartId: data.cartId, confirmedAt: metadata.now.toISOString() } }];
    default:
      throw new Error(`unknown command ${type}`);
  }
}

function evolve(state, { type, data }) {
  switch (type) {
    case 'ProductItemAdded': {
      const items = { ...state.items, [data.productId]: (state.items[data.productId] ?? 0) + data.quantity };
      return { ...state, status: 'open', items };
    }
    case 'ProductItemRemoved': {
      const left = state.items[data.productId] - data.quantity;
      const items = { ...state.items };
      if (left > 0) items[data.productId] = left;
      else delete items[data.productId];
      return { ...state, items };
    }
    case 'ShoppingCartConfirmed':
      return { ...state, status: 'confirmed', confirmedAt: data.confirmedAt };
    default:
      return state;
  }
}

const cartId = { type: 'string', minLength: 1, description: 'cart id' };
const item = {
  type: 'object',
  properties: { cartId, productId: { type: 'string', minLength: 1 }, quantity: { type: 'integer', minimum: 1 } },
  required: ['cartId', 'productId', 'quantity'],
  additionalProperties: false,
};

export default {
  id: 'cart',
  title: 'Shopping cart (Emmett)',
  summary: 'An Emmett-style decider: add and remove items, confirm the cart; a confirmed cart takes nothing more.',
  decide,
  evolve,
  initialState,
  streamOf: (command) => `shopping_cart-${command.data.cartId}`,
  commandSchemas: {
    AddProductItem: item,
    RemoveProductItem: item,
    ConfirmShoppingCart: { type: 'object', properties: { cartId }, required: ['cartId'], additionalProperties: false },
  },
  eventSchemas: {
    ProductItemAdded: item,
    ProductItemRemoved: item,
    ShoppingCartConfirmed: {
      type: 'object',
      properties: { cartId, confirmedAt: { type: 'string', description: 'ISO time, from the command' } },
      required: ['cartId', 'confirmedAt'],
      additionalProperties: false,
    },
  },
  invariants: [
    {
      name: 'no-negative-quantities',
      description: 'a cart never holds a negative quantity of a product',
      violation: (_stream, cart) => (Object.values(cart.items).some((q) => q < 0) ? 'a product has a negative quantity' : undefined),
    },
  ],
};
