/**
 * A view's keydown handler: Escape cancels the work the view runs (a run, a sweep), when `cancel`
 * says it did — unless the focus is in a field that uses Escape itself (a text field, a list).
 */
export const cancelsOnEscape =
  (cancel: () => boolean) =>
  (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if ((event.target as HTMLElement | null)?.closest?.('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, [contenteditable="true"], dialog')) return;
    if (cancel()) event.preventDefault();
  };
