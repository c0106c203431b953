/**
 * Addressing nodes of a raw scenario's command tree. A path is the JSON path of a node from
 * the scenario root, e.g. ["commands", 0, "items", 1] or ["setup", 2, "template"]. Pure.
 */

/** A node's JSON path from the scenario root. */
export type NodePath = readonly (string | number)[];

/** A raw (as written) node: a command, batch, repeat or offline group. */
export type RawNode = Readonly<Record<string, unknown>>;

/** A raw scenario value. */
export type RawDoc = Readonly<Record<string, unknown>>;

/** The node lists at the root of a scenario. */
export type RootList = 'setup' | 'commands';

/** A stable string key for a path ("commands/0/items/1"). */
export const keyOf = (path: NodePath): string => path.join('/');

/** The path of a key made by {@link keyOf}. */
export const pathOf = (key: string): NodePath => key.split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The JSON path as users read it: commands[0].items[1]. */
export const jsonPathOf = (path: NodePath): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: NodePath): unknown {
  let v: unknown = root;
  for (const step of path) {
    if (typeof step === 'number') v = Array.isArray(v) ? v[step] : undefined;
    else v = isRecord(v) ? v[step] : undefined;
  }
  return v;
}

/** A copy of `root` with the value at `path` replaced by `update(old)`; copies only along the path. */
export function updateAt(root: unknown, path: NodePath, update: (old: unknown) => unknown): unknown {
  if (path.length === 0) return update(root);
  const [step, ...rest] = path;
  if (typeof step === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[step] = updateAt(list[step], rest, update);
    return list;
  }
  const obj = isRecord(root) ? { ...root } : {};
  obj[step] = updateAt(obj[step], rest, update);
  return obj;
}

/** The kind of a raw node, from its discriminating key. */
export type NodeKind = 'command' | 'batch' | 'repeat' | 'offline' | 'unknown';

/** Which kind of node a raw value is. */
export function kindOf(node: unknown): NodeKind {
  if (!isRecord(node)) return 'unknown';
  if ('batch' in node) return 'batch';
  if ('repeat' in node) return 'repeat';
  if ('offline' in node) return 'offline';
  if ('type' in node) return 'command';
  return 'unknown';
}

/** The paths of a node's children: items of a batch/offline group, the template of a repeat. */
export function childPaths(node: unknown, path: NodePath): NodePath[] {
  const kind = kindOf(node);
  if (kind === 'repeat') return [[...path, 'template']];
  if (kind === 'batch' || kind === 'offline') {
    const items = (node as RawNode).items;
    return Array.isArray(items) ? items.map((_, i) => [...path, 'items', i]) : [];
  }
  return [];
}

/** The path of the node's parent node, or undefined for a root-list entry. */
export function parentOf(path: NodePath): NodePath | undefined {
  if (path.length <= 2) return undefined;
  return path.at(-1) === 'template' ? path.slice(0, -1) : path.slice(0, -2);
}

/** The list a node sits in and its index there; undefined for a repeat's template. */
export function slotOf(path: NodePath): { list: NodePath; index: number } | undefined {
  const last = path.at(-1);
  return typeof last === 'number' ? { list: path.slice(0, -1), index: last } : undefined;
}
