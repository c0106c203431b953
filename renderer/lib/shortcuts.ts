/**
 * The keyboard shortcut list (the "Keyboard shortcuts" dialog): every key the app handles, by
 * where it works, written from the tables the handlers match against (APP_COMMANDS,
 * HISTORY_KEYS, TREE_KEYS, EDITOR_KEYS, SHORTCUT_LIST_KEYS, NOTICE_KEYS), so the list cannot
 * drift from what the keys do. The graph's and the timeline's keys, handled by their own
 * components, are described here from them. Pure.
 */
import { APP_COMMANDS, type AppCommand } from './appCommands';
import { HISTORY_KEYS } from './editHistory';
import { combosText, type KeyCombo } from './keys';
import { TREE_KEYS } from './tree/treeKeys';

/** `?` (outside a text field) and F1 show the shortcut list. */
export const SHORTCUT_LIST_KEYS: readonly KeyCombo[] = [{ key: '?' }, { key: 'F1' }];

/** The Scenario view's own keys: Ctrl+Enter dry-runs the selected command there (elsewhere it runs). */
export const EDITOR_KEYS: Readonly<Record<'dry-run', readonly KeyCombo[]>> = { 'dry-run': [{ key: 'Enter', ctrl: true }] };

/** Escape closes the workspace notice (a Save's), when the focus is not in a field or dialog that uses Escape. */
export const NOTICE_KEYS: readonly KeyCombo[] = [{ key: 'Escape' }];

/** One line of the list: the keys, as read, and what they do. */
export interface ShortcutLine {
  readonly keys: string;
  readonly does: string;
}

/** The lines of one place where keys work. */
export interface ShortcutGroup {
  readonly where: string;
  readonly lines: readonly ShortcutLine[];
}

const line = (combos: readonly KeyCombo[], does: string): ShortcutLine => ({ keys: combosText(combos), does });

/** The app commands with keys in the browser, in the desktop menu's order. */
const WEB_COMMANDS: readonly AppCommand[] = ['open', 'open-log', 'save', 'save-as', 'run', 'dry-run'];

/** The whole list, by place. */
export function shortcutGroups(): ShortcutGroup[] {
  return [
    {
      where: 'Anywhere',
      lines: [
        line(SHORTCUT_LIST_KEYS, 'Show this list of keyboard shortcuts'),
        ...WEB_COMMANDS.map((c) => line(APP_COMMANDS[c].keys, APP_COMMANDS[c].does)),
        line(NOTICE_KEYS, 'Close the workspace notice (after a Save), or cancel a dialog'),
      ],
    },
    {
      where: 'Scenario view',
      lines: [
        line(EDITOR_KEYS['dry-run'], 'Dry-run the selected command and see its decision'),
        line(HISTORY_KEYS.undo, 'Undo an edit of the scenario (outside a text field)'),
        line(HISTORY_KEYS.redo, 'Redo it'),
      ],
    },
    { where: 'Command tree (Scenario view)', lines: Object.values(TREE_KEYS).map((t) => line(t.keys, t.does)) },
    {
      where: 'Graph (the canvas focused)',
      lines: [
        { keys: '↑ ↓ ← →', does: 'Move the view (with Shift: further)' },
        { keys: '+ or −', does: 'Zoom in or out' },
        { keys: 'Enter or Space', does: 'Select the focused node and show its details' },
        { keys: 'Esc', does: 'Close the node details' },
      ],
    },
    {
      where: 'Timeline (the chart focused)',
      lines: [
        { keys: '← → ↑ ↓', does: 'Select the next bar in time, or in the lane above or below' },
        { keys: 'Shift+← or Shift+→', does: 'Move the time window' },
        { keys: '+ or −', does: 'Zoom in or out' },
        { keys: '0', does: 'Fit the whole run' },
      ],
    },
    {
      where: 'Tabs and dialogs',
      lines: [
        { keys: '← → Home End', does: 'Move between tabs' },
        { keys: 'Esc', does: 'Cancel a dialog (the focus goes back where it was); stop a run or a sweep' },
      ],
    },
  ];
}
