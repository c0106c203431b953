import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../../src/engine/types';
import { brokeAmong, brokeHeading, brokeText, firstBroken, markerLines, showBrokenLabel } from '../../../../renderer/lib/graph/brokenInvariants';
import { causationGraph, type GraphNode } from '../../../../renderer/lib/graph/causationGraph';
import { collapseRepeats } from '../../../../renderer/lib/graph/collapseRepeats';
import { groupGraph } from '../../../../renderer/lib/graph/groupGraph';
import { layoutGraph, NODE_SIZE } from '../../../../renderer/lib/graph/layoutGraph';
import { minimapPaint } from '../../../../renderer/lib/graph/minimapPaint';
import { nodeName } from '../../../../renderer/lib/graph/nodeName';
import type { CausalRecord } from '../../../../renderer/lib/reader/graphSource';
import { TraceGraph } from '../../../../renderer/lib/reader/traceGraph';
import { TraceIndex } from '../../../../renderer/lib/reader/traceIndex';
import { bigTrace } from './fixtures';

/** The records of `trace` with the enactments of events `seqs` breaking "copies-available" (as a run report lists them). */
const recordsBreaking = (trace: Trace, seqs: readonly number[]): readonly CausalRecord[] =>
  new TraceGraph(
    new TraceIndex(trace, () => undefined),
    seqs.map((seq) => ({ invariant: 'copies-available', atMs: seq, eventSeq: seq, message: `lent more copies than there are (event ${seq})` })),
  ).window(undefined, Number.MAX_SAFE_INTEGER).records;

const node = (g: { nodes: readonly GraphNode[] }, id: string) => g.nodes.find((n) => n.id === id)!;

describe('the invariants a graph node broke', () => {
  it('marks the event whose enactment broke an invariant and the command that decided it, nothing else', () => {
    const g = causationGraph(recordsBreaking(bigTrace(4), [3]));
    expect(g.nodes.filter((n) => n.broke).map((n) => n.id)).toEqual(['cmd:c3', 'ev:3']);
    expect(node(g, 'ev:3').broke).toEqual([{ invariant: 'copies-available', stream: 'order:o3', message: 'lent more copies than there are (event 3)', event: 'ev:3' }]);
    expect(node(g, 'cmd:c3').broke).toEqual(node(g, 'ev:3').broke);
  });

  it('says "broke <invariant>" in the accessible name, and on the canvas in one line', () => {
    const g = causationGraph(recordsBreaking(bigTrace(4), [3]));
    expect(nodeName(node(g, 'ev:3'))).toBe('Event OrderPlaced #3 on order:o3, broke copies-available');
    expect(nodeName(node(g, 'cmd:c3'))).toBe('Command PlaceOrder c3, accepted, broke copies-available');
    expect(nodeName(node(g, 'cmd:c2'))).toBe('Command PlaceOrder c2, accepted');
    expect(markerLines(node(g, 'ev:3'))).toBe(1);
    expect(markerLines(node(g, 'ev:2'))).toBe(0);
    expect(brokeHeading({ kind: 'event', broke: node(g, 'ev:3').broke! })).toBe('Broke an invariant');
  });

  it('draws a decision that broke an invariant on its own, not in a group of repeats "like the one above"', () => {
    const shown = collapseRepeats(causationGraph(recordsBreaking(bigTrace(12), [6])));
    expect(shown.nodes.map((n) => n.label)).toEqual(['PlaceOrder', 'OrderPlaced', 'state', 'PlaceOrder ×4 more', 'PlaceOrder', 'OrderPlaced', 'state', 'PlaceOrder', 'OrderPlaced', 'state', 'PlaceOrder ×5 more']);
    expect(shown.nodes.filter((n) => n.broke).map((n) => n.id)).toEqual(['cmd:c6', 'ev:6']);
    expect(shown.nodes.filter((n) => n.kind === 'group').every((n) => n.broke === undefined)).toBe(true);
  });

  it('marks a group of repeats that all broke it, counting each violation once (not a command and its event twice)', () => {
    const shown = collapseRepeats(causationGraph(recordsBreaking(bigTrace(4), [1, 2, 3, 4])));
    const group = shown.nodes.find((n) => n.kind === 'group')!;
    expect(group.label).toBe('PlaceOrder ×3 more');
    expect(group.broke?.map((b) => b.event)).toEqual(['ev:2', 'ev:3', 'ev:4']);
    expect(brokeText(group)).toBe('3 inside broke copies-available');
    expect(nodeName(group)).toBe('Group PlaceOrder ×3 more, like the one above, 9 nodes, 3 inside broke copies-available');
    expect(brokeHeading({ kind: 'group', broke: group.broke! })).toBe('3 violations inside');
    expect(markerLines(group)).toBe(2);
  });

  it('marks the groups of a big graph that hold a node that broke an invariant, with how many', () => {
    const grouped = groupGraph(causationGraph(recordsBreaking(bigTrace(200), [150])), 'type');
    expect(grouped.nodes.map((n) => [n.label, brokeText(n)])).toEqual([
      ['PlaceOrder ×200', '1 inside broke copies-available'],
      ['OrderPlaced ×200', '1 inside broke copies-available'],
      ['state ×200', undefined],
    ]);
  });

  it('lists each violation once across nodes, and several invariants by name', () => {
    const a = { invariant: 'copies-available', stream: 'book:b1', message: 'm1', event: 'ev:1' };
    const b = { invariant: 'one-loan-per-member', stream: 'member:m1', message: 'm2', event: 'ev:1' };
    expect(brokeAmong([{ broke: [a] }, { broke: [a, b] }, {}])).toEqual([a, b]);
    expect(brokeText({ kind: 'event', broke: [a, b] })).toBe('broke copies-available, one-loan-per-member');
    expect(brokeText({ kind: 'event', broke: [] })).toBeUndefined();
    expect(brokeHeading({ kind: 'event', broke: [a, b] })).toBe('Broke 2 invariants');
  });

  it('finds the node to show for what broke: its event first, else a group holding it, else its command', () => {
    const g = causationGraph(recordsBreaking(bigTrace(4), [3]));
    expect(firstBroken(g.nodes)?.id).toBe('ev:3');
    expect(firstBroken(g.nodes.filter((n) => n.kind === 'command'))?.id).toBe('cmd:c3');
    const grouped = groupGraph(causationGraph(recordsBreaking(bigTrace(200), [150])), 'type');
    expect(firstBroken(grouped.nodes)?.label).toBe('PlaceOrder ×200');
    expect(firstBroken(causationGraph(recordsBreaking(bigTrace(4), [])).nodes)).toBeUndefined();
    expect(showBrokenLabel(1)).toBe('Show the invariant violation');
    expect(showBrokenLabel(3)).toBe('Show the first of 3 invariant violations');
  });

  it('gives a marked node room for its marker, and paints it red in the minimap', () => {
    const g = causationGraph(recordsBreaking(bigTrace(2), [2]));
    const boxes = layoutGraph(g);
    expect(boxes.get('ev:1')!.height).toBe(NODE_SIZE.event.height);
    expect(boxes.get('ev:2')!.height).toBeGreaterThan(NODE_SIZE.event.height);
    expect(minimapPaint(node(g, 'ev:2')).fill).toBe('var(--bad)');
    expect(minimapPaint(node(g, 'ev:1')).fill).toBe('var(--border-strong)');
  });
});
