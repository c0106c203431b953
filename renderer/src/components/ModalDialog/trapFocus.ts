/**
 * Keeps Tab and Shift+Tab inside a modal dialog: from its last control Tab goes to its first, and
 * Shift+Tab from its first to its last (Chromium's modal `<dialog>` otherwise lets the focus leave
 * for the page's body). A Svelte attachment (`{@attach trapFocus}`); controls disabled or not shown
 * are skipped (focus/tabOrder).
 */
import { focusables } from '../focus/tabOrder';

export function trapFocus(dialog: HTMLElement): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab') return;
    const items = focusables(dialog);
    const at = document.activeElement;
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return e.preventDefault();
    const inside = at instanceof Node && dialog.contains(at) && at !== dialog;
    if (e.shiftKey && (!inside || at === first)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (!inside || at === last)) {
      e.preventDefault();
      first.focus();
    }
  };
  dialog.addEventListener('keydown', onKey);
  return () => dialog.removeEventListener('keydown', onKey);
}
