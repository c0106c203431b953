import { describe, expect, it } from 'vitest';
import { canMove, insertNode, insertionPoint, moveNode, moveNodeTo, nestNode, removeNode, unnestNode, wrapInBatch, wrapInOffline, wrapInRepeat } from '../../../../renderer/lib/tree/commandTree';
import { getAt } from '../../../../renderer/lib/tree/nodePath';
import { parseScenario } from '../../../../src/engine/scenario/parse';

const cmd = (type: string, extra: Record<string, unknown> = {}) => ({ type, data: {}, ...extra });
const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
};
const doc = () => deepFreeze({ name: 's', commands: [cmd('A', { at: 5 }), cmd('B'), { batch: 'all-or-nothing', items: [cmd('C'), cmd('D')] }] });
const types = (d: unknown, path: (string | number)[] = ['commands']) => (getAt(d, path) as { type?: string; batch?: string }[]).map((n) => n.type ?? `batch:${n.batch}`);

describe('commandTree', () => {
  it('inserts after the selection, or at the end of a selected batch, never mutating the input', () => {
    const d = doc();
    expect(insertionPoint(d, ['commands', 0])).toEqual({ list: ['commands'], index: 1 });
    expect(insertionPoint(d, ['commands', 2])).toEqual({ list: ['commands', 2, 'items'], index: 2 });
    expect(insertionPoint(d, undefined)).toEqual({ list: ['commands'], index: 3 });
    const { doc: next, selected } = insertNode(d, ['commands'], 1, cmd('X'));
    expect(types(next)).toEqual(['A', 'X', 'B', 'batch:all-or-nothing']);
    expect(selected).toEqual(['commands', 1]);
    expect(types(d)).toEqual(['A', 'B', 'batch:all-or-nothing']);
  });

  it('drops a command\'s own `at` when it goes into a batch', () => {
    const { doc: next } = insertNode(doc(), ['commands', 2, 'items'], 0, cmd('X', { at: 9 }));
    expect(getAt(next, ['commands', 2, 'items', 0])).toEqual({ type: 'X', data: {} });
  });

  it('removes a node and selects its neighbour', () => {
    const { doc: next, selected } = removeNode(doc(), ['commands', 1]);
    expect(types(next)).toEqual(['A', 'batch:all-or-nothing']);
    expect(selected).toEqual(['commands', 1]);
  });

  it('reorders among siblings and stops at the ends', () => {
    const up = moveNode(doc(), ['commands', 1], -1);
    expect(types(up.doc)).toEqual(['B', 'A', 'batch:all-or-nothing']);
    expect(up.selected).toEqual(['commands', 0]);
    expect(moveNode(doc(), ['commands', 0], -1).doc).toEqual(doc());
  });

  it('says where a node can move: not the first up, not the last down, an only child (a Repeat\'s) neither way', () => {
    expect([canMove(doc(), ['commands', 0], -1), canMove(doc(), ['commands', 0], 1)]).toEqual([false, true]);
    expect([canMove(doc(), ['commands', 2], -1), canMove(doc(), ['commands', 2], 1)]).toEqual([true, false]);
    const repeated = wrapInRepeat(doc(), ['commands', 1]);
    const only = [...(repeated.selected ?? []), 'template'];
    expect(getAt(repeated.doc, only)).toMatchObject({ type: 'B' });
    expect([canMove(repeated.doc, only, -1), canMove(repeated.doc, only, 1)]).toEqual([false, false]);
    expect(canMove(doc(), ['commands'], 1)).toBe(false);
  });

  it('moves a node into a later batch (drag and drop) with the shifted path', () => {
    const { doc: next, selected } = moveNodeTo(doc(), ['commands', 0], ['commands', 2, 'items'], 1);
    expect(types(next)).toEqual(['B', 'batch:all-or-nothing']);
    expect(types(next, ['commands', 1, 'items'])).toEqual(['C', 'A', 'D']);
    expect(selected).toEqual(['commands', 1, 'items', 1]);
  });

  it('refuses to move a batch into itself', () => {
    const d = doc();
    expect(moveNodeTo(d, ['commands', 2], ['commands', 2, 'items'], 0).doc).toBe(d);
  });

  it('nests into the previous batch, or wraps in a new one; un-nests after the parent', () => {
    const d = insertNode(doc(), ['commands'], 3, cmd('E')).doc;
    const nested = nestNode(d, ['commands', 3]);
    expect(types(nested.doc, ['commands', 2, 'items'])).toEqual(['C', 'D', 'E']);
    expect(nested.selected).toEqual(['commands', 2, 'items', 2]);
    const wrapped = nestNode(doc(), ['commands', 0], 'allow-partial');
    expect(getAt(wrapped.doc, ['commands', 0])).toEqual({ batch: 'allow-partial', at: 5, items: [{ type: 'A', data: {} }] });
    const out = unnestNode(doc(), ['commands', 2, 'items', 0]);
    expect(types(out.doc)).toEqual(['A', 'B', 'batch:all-or-nothing', 'C']);
    expect(out.selected).toEqual(['commands', 3]);
  });

  it('wraps in a repeat and an offline group, and unwraps a repeat', () => {
    const r = wrapInRepeat(doc(), ['commands', 1], 3, 2);
    expect(getAt(r.doc, ['commands', 1])).toEqual({ repeat: 3, every: 2, template: { type: 'B', data: {} } });
    expect(getAt(unnestNode(r.doc, ['commands', 1, 'template']).doc, ['commands', 1])).toEqual({ type: 'B', data: {} });
    const o = wrapInOffline(doc(), ['commands', 1], 'phone', 50);
    expect(getAt(o.doc, ['commands', 1])).toEqual({ offline: 'phone', syncAt: 50, items: [{ type: 'B', data: {} }] });
    expect(wrapInBatch(doc(), ['commands', 1], 'all-or-nothing').selected).toEqual(['commands', 1]);
  });

  it('wraps a batch item in a repeat without timing (no at, every or jitterMs), which the scenario check accepts', () => {
    const r = wrapInRepeat(doc(), ['commands', 2, 'items', 1]);
    expect(getAt(r.doc, ['commands', 2, 'items', 1])).toEqual({ repeat: 10, template: { type: 'D', data: {} } });
    expect(r.selected).toEqual(['commands', 2, 'items', 1]);
    const scenario = { format: 'purestream/scenario@1', name: 's', domain: 'commerce', commands: [{ batch: 'allow-partial', items: [{ type: 'ShipOrder', data: { orderId: 'o-{n}' } }] }] };
    const wrapped = wrapInRepeat(scenario, ['commands', 0, 'items', 0]).doc;
    expect(parseScenario(wrapped).ok).toBe(true);
    expect(parseScenario(wrapInRepeat(scenario, ['commands', 0]).doc)).toMatchObject({ ok: true });
  });
});
