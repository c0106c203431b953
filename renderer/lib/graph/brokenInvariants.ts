/**
 * The invariants a causation-graph node broke, in words and gathered for groups: a node says
 * "broke stock-non-negative", a group "2 inside broke stock-non-negative", counting each
 * violation once (a command and the event it decided share theirs). Pure.
 */
import { counted } from '../../../src/engine/report/counted';
import type { BrokenInvariant } from '../reader/graphSource';
import type { GraphNode } from './causationGraph';

/** Every violation the nodes broke, each once, in the nodes' order. */
export function brokeAmong(nodes: Iterable<Pick<GraphNode, 'broke'>>): BrokenInvariant[] {
  const seen = new Set<string>();
  const out: BrokenInvariant[] = [];
  for (const n of nodes) {
    for (const b of n.broke ?? []) {
      const key = `${b.event}\n${b.invariant}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(b);
    }
  }
  return out;
}

/** The `broke` field of a group of `nodes`: what they broke, or nothing when they broke nothing. */
export function brokeField(nodes: Iterable<Pick<GraphNode, 'broke'>>): { readonly broke?: readonly BrokenInvariant[] } {
  const broke = brokeAmong(nodes);
  return broke.length > 0 ? { broke } : {};
}

/** The names of the invariants broken, each once, in order. */
export const invariantNames = (broke: readonly BrokenInvariant[]): string[] => [...new Set(broke.map((b) => b.invariant))];

/** What a node's violation marker says ("broke stock-non-negative"; a group: "2 inside broke …"); undefined when it broke nothing. */
export function brokeText(node: Pick<GraphNode, 'kind' | 'broke'>): string | undefined {
  const broke = node.broke;
  if (!broke || broke.length === 0) return undefined;
  const names = invariantNames(broke).join(', ');
  return node.kind === 'group' ? `${broke.length} inside broke ${names}` : `broke ${names}`;
}

/** Characters of a marker that surely fit on one line of a node (11 px bold, 196 px of room; FlowNode.svelte): past it the marker wraps. */
export const MARKER_LINE_CHARS = 28;

/** How many lines a node's violation marker takes ("⚠ " and its text; at most 2, the rest elided): 0 when it broke nothing. */
export function markerLines(node: Pick<GraphNode, 'kind' | 'broke'>): number {
  const text = brokeText(node);
  return text === undefined ? 0 : Math.min(2, Math.ceil((text.length + 2) / MARKER_LINE_CHARS));
}

/** The heading of a node's broken invariants in its details: "Broke an invariant", "Broke 2 invariants"; a group: "3 violations inside". */
export function brokeHeading(node: Pick<GraphNode, 'kind'> & { readonly broke: readonly BrokenInvariant[] }): string {
  const n = node.broke.length;
  if (node.kind === 'group') return `${counted(n, 'violation')} inside`;
  return n === 1 ? 'Broke an invariant' : `Broke ${counted(n, 'invariant')}`;
}

/** The node to show for what the drawn nodes broke: an event that broke an invariant, else a group holding one, else a command (undefined: none broke anything). */
export function firstBroken<N extends Pick<GraphNode, 'kind' | 'broke'>>(nodes: readonly N[]): N | undefined {
  const broke = nodes.filter((n) => (n.broke?.length ?? 0) > 0);
  return broke.find((n) => n.kind === 'event') ?? broke.find((n) => n.kind === 'group') ?? broke[0];
}

/** What the graph's button to that node says, for the `count` violations drawn: "Show the invariant violation", "Show the first of 3 invariant violations". */
export const showBrokenLabel = (count: number): string => (count === 1 ? 'Show the invariant violation' : `Show the first of ${counted(count, 'invariant violation')}`);
