/** The command tree's keys as data (CommandTree handles them; the shortcut list and the toolbar's hints read them). Pure. */
import { keyAction, type KeyCombo, type KeyPress } from '../keys';

/** What a key does in the command tree. */
export type TreeAction = 'move-up' | 'move-down' | 'nest' | 'unnest' | 'previous' | 'next' | 'open-or-child' | 'close-or-parent' | 'first' | 'last' | 'edit' | 'delete';

/** Each action's keys and what it does, in the order the shortcut list shows them. */
export const TREE_KEYS: Readonly<Record<TreeAction, { readonly does: string; readonly keys: readonly KeyCombo[] }>> = {
  previous: { does: 'Select the row above', keys: [{ key: 'ArrowUp' }] },
  next: { does: 'Select the row below', keys: [{ key: 'ArrowDown' }] },
  'open-or-child': { does: 'Open a batch or group, or go into it', keys: [{ key: 'ArrowRight' }] },
  'close-or-parent': { does: 'Close a batch or group, or go to the one it is in', keys: [{ key: 'ArrowLeft' }] },
  first: { does: 'Select the first row', keys: [{ key: 'Home' }] },
  last: { does: 'Select the last row', keys: [{ key: 'End' }] },
  edit: { does: "Edit the selected node's fields", keys: [{ key: 'Enter' }] },
  'move-up': { does: 'Move the selected node up', keys: [{ key: 'ArrowUp', alt: true }] },
  'move-down': { does: 'Move the selected node down', keys: [{ key: 'ArrowDown', alt: true }] },
  nest: { does: 'Nest it into the batch above, or wrap it in a new batch', keys: [{ key: 'ArrowRight', alt: true }] },
  unnest: { does: 'Move it out of its batch or group', keys: [{ key: 'ArrowLeft', alt: true }] },
  delete: { does: 'Delete the selected node (Ctrl+Z undoes)', keys: [{ key: 'Delete' }, { key: 'Backspace' }] },
};

const ACTION_KEYS = Object.fromEntries(Object.entries(TREE_KEYS).map(([a, v]) => [a, v.keys])) as Record<TreeAction, readonly KeyCombo[]>;

/** The tree action of a key press, or undefined (Ctrl+Enter is the editor's dry run, not Enter's edit). */
export const treeAction = (e: KeyPress): TreeAction | undefined => keyAction(ACTION_KEYS, e);
