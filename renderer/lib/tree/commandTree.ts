/**
 * Edits of a raw scenario's command tree. Each operation returns a new scenario value (the
 * input is never mutated) and the path of the node to select afterwards. Pure.
 */
import { getAt, kindOf, parentOf, slotOf, updateAt, type NodePath, type RawDoc, type RawNode } from './nodePath';

/** The result of an edit: the new scenario and where the edited node is now. */
export interface TreeEdit {
  readonly doc: RawDoc;
  readonly selected: NodePath | undefined;
}

/** A batch's mode. */
export type BatchMode = 'all-or-nothing' | 'allow-partial';

const listAt = (doc: RawDoc, list: NodePath): unknown[] => {
  const v = getAt(doc, list);
  return Array.isArray(v) ? v : [];
};

const withList = (doc: RawDoc, list: NodePath, change: (items: unknown[]) => unknown[]): RawDoc =>
  updateAt(doc, list, (old) => change(Array.isArray(old) ? [...old] : [])) as RawDoc;

/** True when the path lies inside a batch (items there may not have their own `at`). */
export const insideBatch = (doc: RawDoc, path: NodePath): boolean => {
  for (let p = parentOf(path); p; p = parentOf(p)) if (kindOf(getAt(doc, p)) === 'batch') return true;
  return false;
};

/** A node fit for `list`: without its own `at` inside a batch. */
function fitFor(doc: RawDoc, list: NodePath, node: unknown): unknown {
  const probe = [...list, 0];
  if (!insideBatch(doc, probe) || typeof node !== 'object' || node === null || !('at' in node)) return node;
  const { at: _at, ...rest } = node as RawNode;
  return rest;
}

/** Inserts `node` into `list` at `index` (clamped); selects it. */
export function insertNode(doc: RawDoc, list: NodePath, index: number, node: unknown): TreeEdit {
  const items = listAt(doc, list);
  const at = Math.max(0, Math.min(index, items.length));
  const fitted = fitFor(doc, list, node);
  return { doc: withList(doc, list, (l) => (l.splice(at, 0, fitted), l)), selected: [...list, at] };
}

/** Where a new node goes relative to the selection: after it, or into it when it is a container. */
export function insertionPoint(doc: RawDoc, selected: NodePath | undefined, rootList: 'setup' | 'commands' = 'commands'): { list: NodePath; index: number } {
  if (!selected || selected.length === 1) {
    const list = selected ? selected : [rootList];
    return { list, index: listAt(doc, list).length };
  }
  const kind = kindOf(getAt(doc, selected));
  if (kind === 'batch' || kind === 'offline') {
    const list = [...selected, 'items'];
    return { list, index: listAt(doc, list).length };
  }
  const slot = slotOf(selected);
  if (slot) return { list: slot.list, index: slot.index + 1 };
  // A repeat's template: insert after the repeat itself.
  return insertionPoint(doc, parentOf(selected), rootList);
}

/** Removes the node at `path`; selects its next sibling, else the previous, else the parent. */
export function removeNode(doc: RawDoc, path: NodePath): TreeEdit {
  const slot = slotOf(path);
  if (!slot) {
    // A repeat's template cannot be removed alone: remove the repeat.
    const parent = parentOf(path);
    return parent ? removeNode(doc, parent) : { doc, selected: path };
  }
  const next = withList(doc, slot.list, (l) => (l.splice(slot.index, 1), l));
  const left = listAt(next, slot.list).length;
  const selected = left === 0 ? (parentOf(path) ?? slot.list) : [...slot.list, Math.min(slot.index, left - 1)];
  return { doc: next, selected };
}

/** Whether the node at `path` can move by `delta` in its list (the first cannot go up, the last or an only child cannot go down). */
export function canMove(doc: RawDoc, path: NodePath, delta: -1 | 1): boolean {
  const slot = slotOf(path);
  if (!slot) return false;
  const target = slot.index + delta;
  return target >= 0 && target < listAt(doc, slot.list).length;
}

/** Moves a node one place up (-1) or down (+1) among its siblings. */
export function moveNode(doc: RawDoc, path: NodePath, delta: -1 | 1): TreeEdit {
  const slot = slotOf(path);
  if (!slot || !canMove(doc, path, delta)) return { doc, selected: path };
  const target = slot.index + delta;
  const next = withList(doc, slot.list, (l) => {
    [l[slot.index], l[target]] = [l[target], l[slot.index]];
    return l;
  });
  return { doc: next, selected: [...slot.list, target] };
}

/** True when `inner` is `outer` or lies inside it. */
export const isWithin = (inner: NodePath, outer: NodePath): boolean => outer.length <= inner.length && outer.every((s, i) => inner[i] === s);

/** Moves a node into `list` at `index` (drag and drop); refuses to move a node into itself. */
export function moveNodeTo(doc: RawDoc, from: NodePath, list: NodePath, index: number): TreeEdit {
  const slot = slotOf(from);
  if (!slot || isWithin(list, from)) return { doc, selected: from };
  const node = getAt(doc, from);
  const removed = withList(doc, slot.list, (l) => (l.splice(slot.index, 1), l));
  // Removing the node shifts later siblings (and their descendants' paths) in the same list up by one.
  const sameList = list.length > slot.list.length && isWithin(list, slot.list) && typeof list[slot.list.length] === 'number' && (list[slot.list.length] as number) > slot.index;
  const target: NodePath = sameList ? list.map((s, i) => (i === slot.list.length ? (s as number) - 1 : s)) : list;
  const at = list.length === slot.list.length && isWithin(list, slot.list) && index > slot.index ? index - 1 : index;
  return insertNode(removed, target, at, node);
}

/** Wraps the node in a new batch of the given mode (the batch takes over its `at`). */
export function wrapInBatch(doc: RawDoc, path: NodePath, mode: BatchMode): TreeEdit {
  const node = getAt(doc, path) as RawNode;
  const { at, ...rest } = node;
  const batch = { batch: mode, ...(at !== undefined && !insideBatch(doc, path) ? { at } : {}), items: [rest] };
  return { doc: updateAt(doc, path, () => batch) as RawDoc, selected: path };
}

/** Nests the node into its previous sibling when that is a batch or offline group, else wraps it in a new batch. */
export function nestNode(doc: RawDoc, path: NodePath, mode: BatchMode = 'all-or-nothing'): TreeEdit {
  const slot = slotOf(path);
  if (slot && slot.index > 0) {
    const prevPath = [...slot.list, slot.index - 1];
    const prevKind = kindOf(getAt(doc, prevPath));
    const node = getAt(doc, path);
    if (prevKind === 'batch' || (prevKind === 'offline' && kindOf(node) === 'command')) {
      const list = [...prevPath, 'items'];
      return moveNodeTo(doc, path, list, listAt(doc, list).length);
    }
  }
  return wrapInBatch(doc, path, mode);
}

/** Moves the node out of its batch or offline group, to just after that group. Repeats are unwrapped. */
export function unnestNode(doc: RawDoc, path: NodePath): TreeEdit {
  const parent = parentOf(path);
  if (!parent) return { doc, selected: path };
  if (kindOf(getAt(doc, parent)) === 'repeat') return { doc: updateAt(doc, parent, () => getAt(doc, path)) as RawDoc, selected: parent };
  const parentSlot = slotOf(parent);
  if (!parentSlot) return { doc, selected: path };
  return moveNodeTo(doc, path, parentSlot.list, parentSlot.index + 1);
}

/** Wraps the node in a repeat of `count` copies arriving `every` ms apart; inside a batch, a repeat without timing (what the scenario check accepts there). */
export function wrapInRepeat(doc: RawDoc, path: NodePath, count = 10, every = 1): TreeEdit {
  const node = getAt(doc, path) as RawNode;
  const { at, ...rest } = node;
  // inside a batch the copies are items of the batch, decided together: a repeat there has no timing (no at, every or jitterMs)
  const timing = insideBatch(doc, path) ? {} : { ...(at !== undefined ? { at } : {}), every };
  const repeat = { repeat: count, ...timing, template: rest };
  return { doc: updateAt(doc, path, () => repeat) as RawDoc, selected: path };
}

/** Wraps a top-level command in an offline group of client `client` syncing at `syncAt`. */
export function wrapInOffline(doc: RawDoc, path: NodePath, client = 'client-a', syncAt = 100): TreeEdit {
  const node = getAt(doc, path);
  if (kindOf(node) !== 'command' || path.length !== 2) return { doc, selected: path };
  return { doc: updateAt(doc, path, () => ({ offline: client, syncAt, items: [node] })) as RawDoc, selected: path };
}

/** Replaces the node at `path` (form edits). */
export const replaceNode = (doc: RawDoc, path: NodePath, node: unknown): RawDoc => updateAt(doc, path, () => node) as RawDoc;
