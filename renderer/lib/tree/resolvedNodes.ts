/**
 * When the nodes of a scenario's `commands` arrive and which ids they get, read off the engine's
 * expansion (src/engine/scenario/expand.ts): `at`, `every` and `jitterMs` are never resolved a
 * second time here. A top-level node's arrivals are the run of depth-first positions (`order`)
 * it expands to ({@link arrivalsOf}); the items of a batch are found in its envelope. Pure.
 */
import type { DecisionInput } from '../../../domain/kernel';
import type { Arrival } from '../../../src/engine/types';
import { kindOf, type RawNode } from './nodePath';
import { arrivalsOf } from './treeRows';

/** What one node of the tree stands for once expanded. */
export interface ResolvedNode {
  /** How many inputs it stands for: a repeat one per copy, an offline group one per item (each its own arrival); a batch item arrives with its batch. */
  readonly count: number;
  /** The earliest and the latest of those arrival times, in virtual ms (jitter included). */
  readonly first: number;
  readonly last: number;
  /** The id the engine gave the command or batch (its own `id`, else c<n> / b<n>), when it is one input. */
  readonly id?: string;
}

/** Resolved nodes by tree key ("commands/0", "commands/2/items/1"); repeat templates have none (see their repeat). */
export type ResolvedNodes = Readonly<Record<string, ResolvedNode>>;

/** Resolves the top-level nodes of `commands`, the items of their batches and of offline groups, from the expansion's `arrivals`. */
export function resolvedNodes(commands: readonly unknown[], arrivals: readonly Arrival[]): ResolvedNodes {
  const byOrder: Arrival[] = [];
  for (const arrival of arrivals) byOrder[arrival.order] = arrival;
  const out: Record<string, ResolvedNode> = {};
  let from = 0;
  for (const [i, node] of commands.entries()) {
    const key = `commands/${i}`;
    const count = arrivalsOf(node);
    const resolved = spanOf(byOrder, from, count);
    // a count the expansion does not bear out (never for a valid scenario): nothing from here on is known
    if (!resolved) break;
    out[key] = resolved;
    const own = byOrder[from];
    if (count === 1 && kindOf(node) === 'batch') batchItems(node as RawNode, own.input, key, own.at, out);
    if (kindOf(node) === 'offline')
      for (let k = 0; k < count; k++) out[`${key}/items/${k}`] = spanOf(byOrder, from + k, 1)!;
    from += count;
  }
  return out;
}

/** The `count` arrivals from depth-first position `from`, or undefined when some are missing. */
function spanOf(byOrder: readonly (Arrival | undefined)[], from: number, count: number): ResolvedNode | undefined {
  let first = count === 0 ? 0 : Infinity;
  let last = count === 0 ? 0 : -Infinity;
  for (let order = from; order < from + count; order++) {
    const arrival = byOrder[order];
    if (!arrival) return undefined;
    first = Math.min(first, arrival.at);
    last = Math.max(last, arrival.at);
  }
  return { count, first, last, ...(count === 1 ? { id: byOrder[from]!.input.id } : {}) };
}

/** The items of a batch arriving at `at`, with the ids of its envelope's items (a repeat item stands for `repeat` of them). */
function batchItems(node: RawNode, envelope: DecisionInput, key: string, at: number, out: Record<string, ResolvedNode>): void {
  if (!('items' in envelope) || !Array.isArray(node.items)) return;
  let index = 0;
  node.items.forEach((item: unknown, k) => {
    const itemKey = `${key}/items/${k}`;
    const count = arrivalsOf(item);
    const input = envelope.items[index];
    if (count === 1 && input) {
      out[itemKey] = { count: 1, first: at, last: at, id: input.id };
      if (kindOf(item) === 'batch') batchItems(item as RawNode, input, itemKey, at, out);
    } else out[itemKey] = { count, first: at, last: at };
    index += count;
  });
}
