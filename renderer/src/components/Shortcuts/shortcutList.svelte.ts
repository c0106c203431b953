/** Whether the keyboard shortcut list is shown (by ? or F1, or the top bar's "Keyboard shortcuts"). */
class ShortcutList {
  shown = $state(false);
}

/** The page's one shortcut list. */
export const shortcutList = new ShortcutList();
