/** What Add command adds into, for its label. Pure. */
import { getAt, keyOf, kindOf, type NodePath, type RawDoc, type RawNode } from './nodePath';
import type { ResolvedNodes } from './resolvedNodes';

/**
 * What Add command adds into, said after "Add command to ": a selected batch (by its id, its own
 * else the engine's, unknown while the scenario is invalid) or offline group; undefined when it
 * adds after the selection.
 */
export function addCommandInto(doc: RawDoc | undefined, path: NodePath, resolved: ResolvedNodes | undefined): string | undefined {
  const node = doc && path.length > 1 ? (getAt(doc, path) as RawNode | undefined) : undefined;
  const kind = kindOf(node);
  if (kind === 'offline') return `offline ${String(node?.offline)}`;
  if (kind !== 'batch') return undefined;
  const id = typeof node?.id === 'string' && node.id !== '' ? node.id : resolved?.[keyOf(path)]?.id;
  return id === undefined ? 'the selected batch' : `batch ${id}`;
}
