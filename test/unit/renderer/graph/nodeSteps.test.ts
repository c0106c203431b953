import { describe, expect, it } from 'vitest';
import { nodeStep } from '../../../../renderer/lib/graph/nodeSteps';

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
