import { describe, expect, it } from 'vitest';
import { arrivalOrderOf, treeRows } from '../../../../renderer/lib/tree/treeRows';

const doc = {
  setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 100 } }],
  commands: [
    { repeat: 3, template: { type: 'PlaceOrder', data: {} } },
    { batch: 'all-or-nothing', items: [{ type: 'A', data: {} }, { type: 'B', data: {} }] },
    { offline: 'phone', syncAt: 10, items: [{ type: 'C', data: {} }, { type: 'D', data: {} }] },
    { type: 'E', data: {} },
  ],
};

describe('treeRows', () => {
  it('flattens roots and expanded children with levels, positions and set sizes', () => {
    const rows = treeRows(doc, new Set());
    expect(rows.map((r) => `${r.level}:${r.label}`)).toEqual([
      '1:Setup', '2:RestockItem', '1:Commands', '2:Repeat ×3', '3:PlaceOrder', '2:Batch', '3:A', '3:B', '2:Offline phone', '3:C', '3:D', '2:E',
    ]);
    const batch = rows.find((r) => r.label === 'Batch')!;
    expect(batch).toMatchObject({ posinset: 2, setsize: 4, hasChildren: true, expanded: true, detail: 'all-or-nothing' });
    expect(rows[1].detail).toBe('sku=tee qty=100');
  });

  it('hides the children of collapsed rows', () => {
    const rows = treeRows(doc, new Set(['commands/1', 'setup']));
    expect(rows.map((r) => r.label)).toEqual(['Setup', 'Commands', 'Repeat ×3', 'PlaceOrder', 'Batch', 'Offline phone', 'C', 'D', 'E']);
    expect(rows.find((r) => r.label === 'Batch')!.expanded).toBe(false);
  });

  it('counts arrivals depth-first: repeats per copy, offline groups per item', () => {
    expect(arrivalOrderOf(doc, ['commands', 0])).toBe(0);
    expect(arrivalOrderOf(doc, ['commands', 1])).toBe(3);
    expect(arrivalOrderOf(doc, ['commands', 1, 'items', 1])).toBe(3);
    expect(arrivalOrderOf(doc, ['commands', 2, 'items', 1])).toBe(5);
    expect(arrivalOrderOf(doc, ['commands', 3])).toBe(6);
    expect(arrivalOrderOf(doc, ['setup', 0])).toBeUndefined();
  });
});
