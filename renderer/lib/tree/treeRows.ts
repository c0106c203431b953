/** The command tree flattened into visible rows for an accessible tree (role="tree"). Pure. */
import { truncate } from '../text/truncate';
import { counted } from '../../../src/engine/report/counted';
import { childPaths, getAt, keyOf, kindOf, type NodeKind, type NodePath, type RawDoc, type RootList } from './nodePath';

/** One visible row of the tree. */
export interface TreeRow {
  readonly key: string;
  readonly path: NodePath;
  /** aria-level, from 1 (the "Setup" / "Commands" roots). */
  readonly level: number;
  readonly kind: NodeKind | 'root';
  /** Main text: command type, "Batch", "Repeat ×150", "Offline client-a", "Commands". */
  readonly label: string;
  /** Secondary text: a data summary, the mode, times. */
  readonly detail: string;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  readonly posinset: number;
  readonly setsize: number;
  readonly parentKey?: string;
}

const ROOT_LABELS: Record<RootList, string> = { setup: 'Setup', commands: 'Commands' };

const short = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '' : truncate(s, 24);
};

/** A one-line summary of command data: its scalar fields. */
export function dataSummary(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  return Object.entries(data)
    .filter(([, v]) => typeof v !== 'object' || v === null)
    .slice(0, 4)
    .map(([k, v]) => `${k}=${short(v)}`)
    .join(' ');
}

const at = (n: Record<string, unknown>): string => (typeof n.at === 'number' ? `@${n.at}ms` : '');

/** Label and detail of one node. */
export function describeNode(node: unknown): { kind: NodeKind; label: string; detail: string } {
  const kind = kindOf(node);
  const n = (node ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'command':
      return { kind, label: String(n.type), detail: [at(n), n.actor ? `by ${String(n.actor)}` : '', dataSummary(n.data)].filter(Boolean).join(' · ') };
    case 'batch':
      return { kind, label: 'Batch', detail: [String(n.batch), n.id ? `id ${String(n.id)}` : '', at(n)].filter(Boolean).join(' · ') };
    case 'repeat':
      return { kind, label: `Repeat ×${String(n.repeat)}`, detail: [at(n), n.every ? `every ${String(n.every)}ms` : '', n.jitterMs ? `jitter ${String(n.jitterMs)}ms` : ''].filter(Boolean).join(' · ') };
    case 'offline':
      return { kind, label: `Offline ${String(n.offline)}`, detail: `syncs @${String(n.syncAt)}ms` };
    default:
      return { kind, label: 'Unknown node', detail: short(node) };
  }
}

/** The visible rows: roots always, children of expanded rows (keys in `collapsed` are closed). */
export function treeRows(doc: RawDoc, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const lists: RootList[] = ['setup', 'commands'];
  lists.forEach((list, i) => {
    const items = getAt(doc, [list]);
    const children = Array.isArray(items) ? items.map((_, k) => [list, k] as NodePath) : [];
    const expanded = !collapsed.has(list);
    rows.push({
      key: list, path: [list], level: 1, kind: 'root', label: ROOT_LABELS[list],
      detail: `${counted(children.length, 'node')}${list === 'setup' ? ' · decided before time 0' : ''}`,
      hasChildren: children.length > 0, expanded, posinset: i + 1, setsize: lists.length,
    });
    if (expanded) addRows(doc, children, 2, list, collapsed, rows);
  });
  return rows;
}

function addRows(doc: RawDoc, paths: readonly NodePath[], level: number, parentKey: string, collapsed: ReadonlySet<string>, rows: TreeRow[]): void {
  paths.forEach((path, i) => {
    const node = getAt(doc, path);
    const key = keyOf(path);
    const children = childPaths(node, path);
    const expanded = children.length > 0 && !collapsed.has(key);
    rows.push({ key, path, level, ...describeNode(node), hasChildren: children.length > 0, expanded, posinset: i + 1, setsize: paths.length, parentKey });
    if (expanded) addRows(doc, children, level + 1, key, collapsed, rows);
  });
}

/**
 * The index of the arrival a top-level node's first input has in depth-first order (the
 * expansion's `order`): commands and batches count one, offline groups one per item,
 * repeats `repeat` times their template.
 */
export function arrivalOrderOf(doc: RawDoc, path: NodePath): number | undefined {
  if (path[0] !== 'commands' || typeof path[1] !== 'number') return undefined;
  const list = getAt(doc, ['commands']);
  if (!Array.isArray(list)) return undefined;
  let order = 0;
  for (let i = 0; i < path[1]; i++) order += arrivalsOf(list[i]);
  // Inside an offline group each item is its own arrival.
  if (kindOf(list[path[1]]) === 'offline' && path[2] === 'items' && typeof path[3] === 'number') order += path[3];
  return order;
}

/** How many arrivals a top-level node expands to. */
export function arrivalsOf(node: unknown): number {
  const n = (node ?? {}) as Record<string, unknown>;
  switch (kindOf(node)) {
    case 'offline':
      return Array.isArray(n.items) ? n.items.length : 0;
    case 'repeat':
      return Math.max(0, Number(n.repeat) || 0) * arrivalsOf(n.template);
    default:
      return 1;
  }
}
