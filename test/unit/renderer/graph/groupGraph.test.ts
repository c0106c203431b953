import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { drawnGraph, drillInto, GROUP_THRESHOLD, groupGraph, groupHolding, groupSub, windowFor } from '../../../../renderer/lib/graph/groupGraph';
import { GROUP_MAX_WIDTH, layoutGraph, NODE_SIZE, nodeSize, SUB_CHAR_PX } from '../../../../renderer/lib/graph/layoutGraph';
import { bigTrace, recordsOf, smallInputs, smallTrace } from './fixtures';

/** 200 orders whose state consumer failed 5 enactments (every 40th). */
function failingEnactments(): ReturnType<typeof bigTrace> {
  const trace = bigTrace(200);
  return { ...trace, attempts: trace.attempts.map((a, i) => (i % 40 === 0 ? { ...a, outcome: 'failed' as const } : a)) };
}

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

  it('says how many of a group failed or were rejected before where they are from, and no count for rejections (each is one)', () => {
    const grouped = groupGraph(causationGraph(recordsOf(failingEnactments())), 'type');
    expect(grouped.nodes.find((n) => n.label === 'state ×200')?.sub).toBe('enactment · 5 failed · from PlaceOrder');
    expect(grouped.nodes.find((n) => n.label === 'PlaceOrder ×200')?.sub).toBe('command');
    expect(groupSub('command', '', 46)).toBe('command · 46 rejected');
    expect(groupSub('rejection', 'from PlaceOrder', 46)).toBe('rejection · from PlaceOrder');
    expect(groupSub('event', 't 0–20 ms', 0)).toBe('event · t 0–20 ms');
  });

  it('draws a group as wide as its detail line, from its kind\'s width up to GROUP_MAX_WIDTH', () => {
    const grouped = groupGraph(causationGraph(recordsOf(failingEnactments())), 'type');
    const boxes = layoutGraph(grouped);
    const state = grouped.nodes.find((n) => n.label === 'state ×200')!;
    // "enactment · 5 failed · from PlaceOrder": 38 characters of 11 px text, and the node's padding
    expect(boxes.get(state.id)!.width).toBeGreaterThanOrEqual(state.sub.length * SUB_CHAR_PX + 23);
    expect(boxes.get(grouped.nodes.find((n) => n.label === 'PlaceOrder ×200')!.id)!.width).toBe(NODE_SIZE.group.width);
    expect(nodeSize('group', 0, 'x'.repeat(200)).width).toBe(GROUP_MAX_WIDTH);
    expect(nodeSize('event', 0, 'x'.repeat(200)).width).toBe(NODE_SIZE.event.width);
  });

  it('drills into a group: its members plus their direct causes and effects', () => {
    const g = causationGraph(recordsOf(bigTrace(200)));
    const group = groupGraph(g, 'time').nodes[0];
    const part = drillInto(g, group.members!);
    expect(part.nodes.filter((n) => n.kind === 'command')).toHaveLength(group.count!);
    expect(part.nodes.length).toBe(group.count! * 2);
  });

  it('draws a big graph grouped, a small one with its repeats collapsed, and a drilled-into part as it is', () => {
    const big = causationGraph(recordsOf(bigTrace(200)));
    expect(drawnGraph(big, 'type', false)).toMatchObject({ grouped: true, collapsed: 0 });
    const small = causationGraph(recordsOf(bigTrace(20)));
    const collapsed = drawnGraph(small, 'type', false);
    expect(collapsed.grouped).toBe(false);
    expect(collapsed.collapsed).toBeGreaterThan(0);
    expect(drawnGraph(small, 'type', true)).toMatchObject({ grouped: false, collapsed: 0, nodes: small.nodes });
  });

  it('finds the drawn group that holds a node, in a grouped graph and among collapsed repeats; none for a node drawn', () => {
    const big = causationGraph(recordsOf(bigTrace(200)));
    const event = big.nodes.find((n) => n.kind === 'event' && n.label === 'OrderPlaced')!;
    expect(groupHolding(drawnGraph(big, 'type', false).nodes, event.id)?.label).toBe('OrderPlaced ×200');
    const small = drawnGraph(causationGraph(recordsOf(bigTrace(20))), 'type', false);
    const last = causationGraph(recordsOf(bigTrace(20))).nodes.at(-1)!;
    expect(small.nodes.some((n) => n.id === last.id)).toBe(false);
    expect(groupHolding(small.nodes, last.id)?.id).toMatch(/^repeat:/);
    expect(groupHolding(small.nodes, small.nodes[0].id)).toBeUndefined();
    expect(groupHolding(small.nodes, 'ev:99999')).toBeUndefined();
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
