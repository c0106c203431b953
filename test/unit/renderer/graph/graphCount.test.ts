/** The line beside the graph's controls says what is drawn: the records' nodes, the causes beside them, the groups, and whether the view shows it all. */
import { describe, expect, it } from 'vitest';
import { graphCounts, graphCountText } from '../../../../renderer/lib/graph/graphCount';

const plain = { repeated: 0, grouped: false, groups: 0, collapsed: 0, whole: true };

describe('the graph count', () => {
  it('counts the records apart from the causes drawn beside them: not in this log, or outside this view', () => {
    const counts = graphCounts([{}, {}, { outside: true, missing: true }, { outside: true }, { outside: true }]);
    expect(counts).toEqual({ records: 2, missing: 1, outside: 2 });
    expect(graphCountText(counts, plain)).toBe('2 nodes · 1 cause not in this log · 2 causes outside this view');
  });

  it('says how the nodes are grouped or collapsed, the ids drawn once, and when the view shows only part', () => {
    const counts = { records: 1200, missing: 0, outside: 0 };
    expect(graphCountText(counts, { ...plain, grouped: true, groups: 9 })).toBe('1,200 nodes in 9 groups (over 500); open a group (click it, or Enter), then “Show”');
    expect(graphCountText(counts, { ...plain, collapsed: 40, repeated: 1 })).toBe('1,200 nodes (1 repeated id drawn once); 40 in groups of repeats (open one, then “Show”)');
    expect(graphCountText(counts, { ...plain, whole: false })).toBe('1,200 nodes · shown at a readable size: drag or use the arrow keys to see the rest, or zoom out');
  });
});
