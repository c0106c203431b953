import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { collapseRepeats } from '../../../../renderer/lib/graph/collapseRepeats';
import { drillInto } from '../../../../renderer/lib/graph/groupGraph';
import { layoutGraph } from '../../../../renderer/lib/graph/layoutGraph';
import { bigTrace, recordsOf } from './fixtures';

describe('collapseRepeats', () => {
  it('draws the first of a run of same-shaped units and one group for the rest, which drills into them', () => {
    const full = causationGraph(recordsOf(bigTrace(12)));
    expect(full.nodes).toHaveLength(36);
    const shown = collapseRepeats(full);
    expect(shown.collapsed).toBe(33);
    expect(shown.nodes.map((n) => n.label)).toEqual(['PlaceOrder', 'OrderPlaced', 'state', 'PlaceOrder ×11 more']);
    const group = shown.nodes.at(-1)!;
    expect(group).toMatchObject({ kind: 'group', count: 33, labelTail: ' ×11 more' });
    expect(shown.edges).toHaveLength(2);
    expect(drillInto(full, group.members!).nodes).toHaveLength(33);
    expect(layoutGraph(shown).size).toBe(4);
  });

  it('keeps a graph without repeats as it is', () => {
    const two = causationGraph(recordsOf(bigTrace(2)));
    expect(collapseRepeats(two)).toEqual({ ...two, collapsed: 0 });
  });
});
