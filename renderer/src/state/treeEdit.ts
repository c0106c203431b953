/** Tree edits applied to the open scenario: each goes on the undo stack, moves the selection and is said. */
import { removeNode, type TreeEdit } from '../../lib/tree/commandTree';
import { getAt, parentOf, type NodePath } from '../../lib/tree/nodePath';
import { describeNode } from '../../lib/tree/treeRows';
import { announcer } from './Announcer.svelte';
import type { Editor } from './Editor.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { ScenarioUndo } from './ScenarioUndo.svelte';

/**
 * What a tree edit labelled `label` is said as, for a screen reader (the focus stays on the tree,
 * which does not say a row moved): the edit, the node it was about (`subject`, as it was), and the
 * container it is now in ("Nested: CancelOrder, in Batch"); an addition names what it added already.
 */
export function treeEditWords(raw: unknown, selected: NodePath | undefined, label: string, subject: unknown): string {
  if (label.startsWith('Added') || selected === undefined) return label;
  const name = describeNode(subject).label;
  const now = getAt(raw, selected);
  // wrapped (in a new batch, a repeat, an offline group): the wrapper is selected
  const wrapper = now !== subject && describeNode(now).label !== name ? now : undefined;
  const parent = parentOf(selected);
  const container = wrapper ?? (parent === undefined ? undefined : getAt(raw, parent));
  return `${label}: ${name}${container !== undefined ? `, in ${describeNode(container).label}` : ''}`;
}

/** Applies a tree edit as one undoable step labelled `label`, and says it; `subject`: the node it is about (the selected one unless told), false when the caller says it its own way. */
export function applyTreeEdit(doc: ScenarioDoc, editor: Editor, edit: TreeEdit, label: string, subject: unknown = doc.raw && getAt(doc.raw, editor.selected)): void {
  if (edit.doc === doc.raw) return;
  doc.edit(edit.doc, label);
  editor.select(edit.selected);
  if (subject !== false) announcer.say(treeEditWords(edit.doc, edit.selected, label, subject));
}

/** Deletes the selected node (not a root list) and says so, offering Undo (`history`'s notice). */
export function deleteSelected(doc: ScenarioDoc, editor: Editor, history: Pick<ScenarioUndo, 'removed'>): void {
  const path = editor.selected;
  if (!doc.raw || path.length < 2) return;
  const label = `Deleted ${describeNode(getAt(doc.raw, path)).label}`;
  applyTreeEdit(doc, editor, removeNode(doc.raw, path), label, false);
  history.removed(label);
}
