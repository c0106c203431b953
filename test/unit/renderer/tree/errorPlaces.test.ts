import { describe, expect, it } from 'vitest';
import { inWords, nodeOfPath, problemsByNode, repeatedIds, stepsOf } from '../../../../renderer/lib/tree/errorPlaces';

const raw = {
  commands: [
    { repeat: 15, template: { type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u-{n}', sku: 'tee', qty: 0 } } },
    { batch: 'all-or-nothing', items: [{ type: 'RestockItem', data: { sku: '', qty: 1 } }] },
  ],
};

describe('where problems belong', () => {
  it('finds the tree node of a JSON path, and counts problems per node', () => {
    expect(stepsOf('commands[0].template.data.orderId')).toEqual(['commands', 0, 'template', 'data', 'orderId']);
    expect(nodeOfPath(raw, 'commands[0].template.data.qty')).toEqual(['commands', 0, 'template']);
    expect(nodeOfPath(raw, 'commands[1].items[0].data.sku')).toEqual(['commands', 1, 'items', 0]);
    expect(nodeOfPath(raw, 'commands[1].batch')).toEqual(['commands', 1]);
    expect(nodeOfPath(raw, 'runs[0].scheduler')).toBeUndefined();
    const counts = problemsByNode(raw, [
      { path: 'commands[0].template.data.qty', message: 'expected an integer >= 1' },
      { path: 'commands[1].items[0].data.sku', message: 'must not be empty' },
      { path: 'commands[1].items[0].data.qty', message: 'x' },
    ]);
    expect([...counts]).toEqual([['commands/0/template', 1], ['commands/1/items/0', 2]]);
  });

  it('says a problem in words, naming its field', () => {
    expect(inWords({ path: 'commands[1].items[0].data.sku', message: 'must not be empty' })).toBe('sku: must not be empty');
  });

  it('names the list of a problem with a whole list: a new scenario says what it needs', () => {
    expect(inWords({ path: 'commands', message: 'expected at least one entry' })).toBe('commands: add at least one command');
    expect(inWords({ path: 'commands[1].items', message: 'expected at least one entry' })).toBe('items: add at least one item');
    expect(inWords({ path: 'runs', message: 'expected at least one entry' })).toBe('runs: add at least one run');
    expect(inWords({ path: 'setup', message: 'expected an array, got "x"' })).toBe('setup: expected an array, got "x"');
  });

  it("spots a repeat template that gives every copy the same ids", () => {
    expect(repeatedIds(raw.commands[0].template)).toEqual([{ key: 'orderId', value: 'o-1' }]);
    expect(repeatedIds({ batch: 'all-or-nothing', id: 'b', items: [{ type: 'X', data: { accountId: 'a1', amount: 10 } }] })).toEqual([{ key: 'id', value: 'b' }, { key: 'accountId', value: 'a1' }]);
    expect(repeatedIds({ type: 'X', id: 'c-{n}', data: { orderId: 'o-{i}' } })).toEqual([]);
  });
});
