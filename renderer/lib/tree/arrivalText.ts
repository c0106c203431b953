/**
 * What the editor says of the selected node's arrival in virtual time ("Arrives at t = 5 ms",
 * "40 arrivals, t = 0 … 78 ms"). Times come from the engine's expansion only
 * (./resolvedNodes.ts): without it (an invalid scenario, or one not resolved yet) nothing is
 * said. Pure.
 */
import { counted } from '../../../src/engine/report/counted';
import { getAt, keyOf, kindOf, type NodePath, type RawDoc, type RawNode } from './nodePath';
import type { ResolvedNode, ResolvedNodes } from './resolvedNodes';

const ms = (t: number): string => t.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** "t = 5 ms", "t = 0 … 78 ms". */
const times = (r: ResolvedNode): string => (r.first === r.last ? `t = ${ms(r.first)} ms` : `t = ${ms(r.first)} … ${ms(r.last)} ms`);

/** The nodes from the top-level one down to the one at `path` (a batch's items, a repeat's template). */
function nodesOn(doc: RawDoc, path: NodePath): RawNode[] {
  const nodes: RawNode[] = [];
  for (let n = 2; n <= path.length; n++) if (typeof path[n - 1] === 'number' || path[n - 1] === 'template') nodes.push(getAt(doc, path.slice(0, n)) as RawNode);
  return nodes;
}

/** Nodes listed above a top-level node that arrive (some of their copies) after its first arrival. */
export interface ArrivingLater {
  /** How many of them. */
  readonly count: number;
  /** The latest arrival among them, in virtual ms. */
  readonly latest: number;
}

/**
 * When the top-level node `commands/<index>` starts arriving before nodes listed above it (a
 * command given an earlier `at` than what precedes it, or moved above a later repeat): how many
 * and the latest of their arrivals; undefined when it arrives in list order (or the expansion
 * does not say). The engine decides in arrival order, not list order.
 */
export function arrivesBeforeAbove(resolved: ResolvedNodes | undefined, index: number): ArrivingLater | undefined {
  const own = resolved?.[`commands/${index}`];
  if (!own || own.count === 0) return undefined;
  let count = 0;
  let latest = -Infinity;
  for (let i = 0; i < index; i++) {
    const above = resolved![`commands/${i}`];
    if (!above || above.count === 0 || above.last <= own.first) continue;
    count++;
    if (above.last > latest) latest = above.last;
  }
  return count === 0 ? undefined : { count, latest };
}

/** "before 2 nodes listed above it (up to t = 20 ms)": the nodes above arriving later, in words. */
export const beforeAboveText = (later: ArrivingLater): string =>
  later.count === 1 ? `before a node listed above it (t = ${ms(later.latest)} ms)` : `before ${later.count} nodes listed above it (up to t = ${ms(later.latest)} ms)`;

/** " · before a node listed above it (t = 298 ms): …" for a top-level node out of list order, else ''. */
function outOfListOrder(path: NodePath, resolved: ResolvedNodes): string {
  if (path.length !== 2 || typeof path[1] !== 'number') return '';
  const later = arrivesBeforeAbove(resolved, path[1]);
  return later === undefined ? '' : ` · ${beforeAboveText(later)}: commands are decided in arrival order, not list order`;
}

/** One short line on when the node at `path` arrives, or undefined when `resolved` does not say (or it is no node). */
export function arrivalText(doc: RawDoc, path: NodePath, resolved: ResolvedNodes | undefined): string | undefined {
  if (!resolved || path.length < 2) return undefined;
  if (path[0] === 'setup') return 'Setup: decided in order before t = 0';
  // what the top-level node on the path expands to: every node below it arrives with it
  const top = resolved[keyOf(path.slice(0, 2))];
  if (path[0] !== 'commands' || !top) return undefined;
  const nodes = nodesOn(doc, path);
  const [topNode, self] = [nodes[0], nodes.at(-1)];
  if (nodes.slice(0, -1).some((n) => kindOf(n) === 'batch'))
    return top.count === 1 ? `Arrives with its batch at ${times(top)}` : `Arrives with its batch: ${counted(top.count, 'copy', 'copies')}, ${times(top)}`;
  if (kindOf(topNode) === 'offline') {
    const syncs = `when ${String(topNode.offline)} syncs`;
    const item = path.length === 4 ? resolved[keyOf(path)] : undefined;
    return item ? `Arrives at ${times(item)}, ${syncs}` : `${counted(top.count, 'arrival')} at ${times(top)}, ${syncs}`;
  }
  const jitter = [...nodes].reverse().find((n) => kindOf(n) === 'repeat' && typeof n.jitterMs === 'number' && n.jitterMs > 0)?.jitterMs;
  const jittered = jitter === undefined ? '' : ` · jitter: each copy 0–${ms(Number(jitter))} ms late`;
  if (top.count === 0) return 'No arrivals: the repeat makes 0 copies';
  const order = outOfListOrder(path, resolved);
  if (top.count === 1) return `Arrives at ${times(top)}${jittered}${order}`;
  const what = self === topNode ? counted(top.count, 'arrival') : `${counted(top.count, 'copy', 'copies')} arrive`;
  return `${what}, ${top.first === top.last ? 'all at ' : ''}${times(top)}${jittered}${order}`;
}
