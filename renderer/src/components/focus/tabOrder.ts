/**
 * The controls Tab reaches, in the page's order: what a widget that takes Tab over (a modal
 * dialog's trap, the causation graph's nodes) hands the focus on to. Controls disabled or not
 * shown are skipped.
 */
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The controls inside `root` that Tab reaches, in order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** The first control Tab reaches after `el` and all inside it; undefined at the page's end. */
export function tabbableAfter(el: HTMLElement): HTMLElement | undefined {
  return focusables(document).find((c) => !el.contains(c) && (el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
}
