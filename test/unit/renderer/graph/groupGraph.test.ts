import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { drillInto, GROUP_THRESHOLD, groupGraph, windowFor } from '../../../../renderer/lib/graph/groupGraph';
import { layoutGraph } from '../../../../renderer/lib/graph/layoutGraph';
import { bigTrace, recordsOf, smallInputs, smallTrace } from './fixtures';

describe('groupGraph', () => {
  it('draws up to 500 nodes one by one and groups from 501 on', () => {
    expect(GROUP_THRESHOLD).toBe(500);
    const exactly = { nodes: causationGraph(recordsOf(bigTrace(167))).nodes.slice(0, 500), edges: [] };
    expect(exactly.nodes).toHaveLength(500);
    expect(groupGraph(exactly, 'type').grouped).toBe(false);
    const over = causationGraph(recordsOf(bigTrace(167))); // 501 nodes
    expect(over.nodes).toHaveLength(501);
    const grouped = groupGraph(over, 'type');
    expect(grouped.grouped).toBe(true);
    expect(grouped.nodes.map((n) => n.label)).toEqual(['PlaceOrder ×167', 'OrderPlaced ×167', 'state ×167']);
    expect(grouped.edges.map((e) => e.count)).toEqual([167, 167]);
  });

  it('groups by time window and by stream', () => {
    const g = causationGraph(recordsOf(bigTrace(200)));
    expect(windowFor(g.nodes)).toBe(20);
    expect(groupGraph(g, 'time').nodes.filter((n) => n.label.startsWith('PlaceOrder'))).toHaveLength(10);
    expect(groupGraph(g, 'stream').nodes.filter((n) => n.label.startsWith('OrderPlaced'))).toHaveLength(200);
  });

  it('drills into a group: its members plus their direct causes and effects', () => {
    const g = causationGraph(recordsOf(bigTrace(200)));
    const group = groupGraph(g, 'time').nodes[0];
    const part = drillInto(g, group.members!);
    expect(part.nodes.filter((n) => n.kind === 'command')).toHaveLength(group.count!);
    expect(part.nodes.length).toBe(group.count! * 2);
  });
});

describe('layoutGraph', () => {
  it('places every node, children relative to their batch box', () => {
    const g = causationGraph(recordsOf(smallTrace(), smallInputs()));
    const boxes = layoutGraph(g);
    expect(boxes.size).toBe(g.nodes.length);
    const batch = boxes.get('batch:b1')!;
    const child = boxes.get('cmd:c1')!;
    expect(child.x).toBeGreaterThan(0);
    expect(child.x + child.width).toBeLessThanOrEqual(batch.width);
    expect(boxes.get('ev:1')!.x).toBeGreaterThan(batch.x);
  });
  it('stacks separate pieces top to bottom in time order', () => {
    const g = causationGraph(recordsOf(smallTrace(), smallInputs()));
    const boxes = layoutGraph(g);
    const batch = boxes.get('batch:b1')!;
    const later = boxes.get('cmd:c3')!;
    expect(later.y).toBeGreaterThanOrEqual(batch.y + batch.height);
  });
});
