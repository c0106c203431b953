/** Tree edits applied to the open scenario: each goes on the undo stack and moves the selection. */
import type { JsonSchema } from '../../../domain/kernel';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { blankOf } from '../../../src/engine/module/payloadSchema';
import { removeNode, type TreeEdit } from '../../lib/tree/commandTree';
import { getAt } from '../../lib/tree/nodePath';
import { describeNode } from '../../lib/tree/treeRows';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { Editor } from './Editor.svelte';

/** Applies a tree edit as one undoable step labelled `label`. */
export function applyTreeEdit(doc: ScenarioDoc, editor: Editor, edit: TreeEdit, label: string): void {
  if (edit.doc === doc.raw) return;
  doc.edit(edit.doc, label);
  editor.select(edit.selected);
}

/** The command types of the open scenario's domain with their schemas. */
export function commandSchemasOf(domain: unknown): Readonly<Record<string, JsonSchema>> {
  const decider = typeof domain === 'string' ? bundledDomain(domain) : undefined;
  return decider?.commandSchemas ?? {};
}

/** A new command of `type` with a blank payload from its schema. */
export function blankCommand(domain: unknown, type: string): Record<string, unknown> {
  const schema = commandSchemasOf(domain)[type];
  return { type, data: schema ? blankOf(schema) : {} };
}

/** Deletes the selected node (not a root list) and offers Undo in a toast. */
export function deleteSelected(doc: ScenarioDoc, editor: Editor): void {
  const path = editor.selected;
  if (!doc.raw || path.length < 2) return;
  const label = `Deleted ${describeNode(getAt(doc.raw, path)).label}`;
  applyTreeEdit(doc, editor, removeNode(doc.raw, path), label);
  editor.toast = label;
}

/** Undoes the last edit and says what was undone. */
export function undoLast(doc: ScenarioDoc, editor: Editor): void {
  const label = doc.undo();
  editor.toast = label ? `Undid: ${label}` : undefined;
}
