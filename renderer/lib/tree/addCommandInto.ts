/** What Add command adds into, for its label. Pure. */
import { getAt, keyOf, kindOf, type NodePath, type RawDoc, type RawNode } from './nodePath';
import type { ResolvedNodes } from './resolvedNodes';

/**
 * What Add command adds into, said after "Add command to ", from the list it inserts into (its
 * `insertionPoint`, ./commandTree): a batch's items — the batch selected, or a command inside it —
 * by the batch's id (its own, else the engine's; unknown while the scenario is invalid), or an
 * offline group's; undefined for the scenario's own `setup` or `commands`.
 */
export function addCommandInto(doc: RawDoc | undefined, list: NodePath, resolved: ResolvedNodes | undefined): string | undefined {
  if (!doc || list.length < 2 || list[list.length - 1] !== 'items') return undefined;
  const container = list.slice(0, -1);
  const node = getAt(doc, container) as RawNode | undefined;
  const kind = kindOf(node);
  if (kind === 'offline') return `offline ${String(node?.offline)}`;
  if (kind !== 'batch') return undefined;
  const id = typeof node?.id === 'string' && node.id !== '' ? node.id : resolved?.[keyOf(container)]?.id;
  return id === undefined ? 'the selected batch' : `batch ${id}`;
}
