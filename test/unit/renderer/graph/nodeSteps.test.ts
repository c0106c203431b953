import { describe, expect, it } from 'vitest';
import { nodeStep, tabStep } from '../../../../renderer/lib/graph/nodeSteps';

describe('nodeStep: ] and [ on the causation graph', () => {
  const order = ['c1', 'e1', 'e2', 'c2', 'e3'];

  it('goes to the next and the previous node in causal order', () => {
    expect(nodeStep(order, 'e1', 1)).toBe('e2');
    expect(nodeStep(order, 'c2', -1)).toBe('e2');
  });

  it('from the canvas itself (or a node no longer in the graph) starts at the first node, or the last going back', () => {
    expect(nodeStep(order, undefined, 1)).toBe('c1');
    expect(nodeStep(order, undefined, -1)).toBe('e3');
    expect(nodeStep(order, 'gone', 1)).toBe('c1');
  });

  it('stops at either end, without wrapping round', () => {
    expect(nodeStep(order, 'e3', 1)).toBeUndefined();
    expect(nodeStep(order, 'c1', -1)).toBeUndefined();
    expect(nodeStep([], undefined, 1)).toBeUndefined();
  });
});

describe('tabStep: Tab on the causation graph goes through the nodes in the pane, in causal order', () => {
  const order = ['c1', 'e1', 'e2', 'c2', 'e3'];
  const inPane = new Set(['e3', 'e1', 'c2']);

  it('from the canvas Tab goes to the first node in the pane in causal order, whatever order they are drawn in', () => {
    expect(tabStep(order, inPane, undefined, 1)).toEqual({ node: 'e1' });
  });

  it('goes on to the next node in the pane, skipping those out of it, and back the same way', () => {
    expect(tabStep(order, inPane, 'e1', 1)).toEqual({ node: 'c2' });
    expect(tabStep(order, inPane, 'c2', -1)).toEqual({ node: 'e1' });
    // a node focused out of the pane (reached with ]) goes on from its place in the order
    expect(tabStep(order, inPane, 'e2', 1)).toEqual({ node: 'c2' });
  });

  it('leaves the graph after the last node, back to the canvas before the first: no loop', () => {
    expect(tabStep(order, inPane, 'e3', 1)).toBe('out');
    expect(tabStep(order, inPane, 'e1', -1)).toBe('canvas');
    expect(tabStep(order, new Set(), undefined, 1)).toBe('out');
    expect(tabStep(order, inPane, undefined, -1)).toBe('out');
  });
});
