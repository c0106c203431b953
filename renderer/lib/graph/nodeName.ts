/** What a causation-graph node is called to a screen reader: its kind, title, id and outcome in words, never an internal node id. Pure. */
import { brokeText } from './brokenInvariants';
import type { GraphNode } from './causationGraph';
import { parseNodeId } from './nodeIds';

/** The accessible name of a node: "Command PlaceOrder o3, accepted", "Event OrderPlaced #3 on order:o-3", then what it broke ("…, broke stock-non-negative"). */
export function nodeName(n: GraphNode): string {
  const broke = brokeText(n);
  return broke ? `${described(n)}, ${broke}` : described(n);
}

/** The node in words, without what it broke. */
function described(n: GraphNode): string {
  const id = parseNodeId(n.id);
  const sub = n.sub.replaceAll(' · ', ', ');
  if (n.outside && n.kind === 'command') return `Command ${n.label}, its cause outside this view`;
  switch (n.kind) {
    case 'command':
      return id?.kind === 'command' ? `Command ${n.label} ${id.id}, ${n.outcome}` : `Command ${n.label}, ${n.outcome}, ${sub}`;
    case 'event':
      return id?.kind === 'event' ? `Event ${n.label} #${id.seq}${n.stream ? ` on ${n.stream}` : ''}` : `Event ${n.label}, ${sub}`;
    case 'rejection':
      return id?.kind === 'rejection' ? `Rejection ${n.label} of command ${id.id}: ${n.sub}` : `Rejection ${n.label}: ${n.sub}`;
    case 'enactment':
      return id?.kind === 'enactment' ? `Consumer ${n.label} on event #${id.seq}: ${sub}` : `Consumer ${n.label}: ${sub}`;
    case 'batch':
      return `${n.label}, ${n.outcome}, ${sub}`;
    case 'cause':
      return `Cause ${n.label}, ${n.missing ? 'not in this log' : 'outside this view'}`;
    case 'group':
      return `Group ${n.label}, ${sub}`;
  }
}

/** A node in a few words, as an edge names its ends: "PlaceOrder c3", "OrderPlaced #5", "consumer notifier on #5", "group RestockItem". */
function shortName(n: GraphNode): string {
  const id = parseNodeId(n.id);
  if (n.kind === 'group') return `group ${n.label}`;
  if (id?.kind === 'command') return `${n.label} ${id.id}`;
  if (id?.kind === 'event') return `${n.label} #${id.seq}`;
  if (id?.kind === 'rejection') return `rejection ${n.label}`;
  if (id?.kind === 'enactment') return `consumer ${n.label} on #${id.seq}`;
  return n.label;
}

/**
 * The accessible name of a causation edge, in words and without internal ids: "PlaceOrder c3
 * caused OrderPlaced #5", "OrderPlaced #5 was handled by consumer notifier on #5", an edge
 * between groups with its count ("group RestockItem caused group ItemRestocked, 3 times").
 */
export function edgeName(source: GraphNode | undefined, target: GraphNode | undefined, count?: number): string {
  const from = source ? shortName(source) : 'a cause not drawn';
  const to = target ? shortName(target) : 'a node not drawn';
  const verb = target?.kind === 'enactment' ? 'was handled by' : 'caused';
  return `${from} ${verb} ${to}${count && count > 1 ? `, ${count} times` : ''}`;
}
