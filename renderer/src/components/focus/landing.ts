/**
 * Where the keyboard focus lands when the control that had it goes away, one rule for the app:
 * - a view shown lands on its heading: the element marked `data-landing`, else its first h1/h2
 *   (made focusable by script: tabindex -1), else the main area;
 * - a control that navigated to a target names it (`landOn`): the element of that name takes
 *   the focus when it appears (`takeFocus`), from the view's heading that held it meanwhile;
 * - a control swapped for another (Run ↔ Cancel) hands the focus to the one that appears
 *   (`takeFocus` without a name: it takes the focus only when it was lost).
 * Focus is "lost" when it sits on the page's body: the element that had it was removed or disabled.
 */

/** Whether the focus is nowhere (on the body): the control that had it is gone. */
export const focusLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

/** The landing of the view shown: its `data-landing` element, else its first h1/h2, else the main area. */
export function viewLanding(): HTMLElement | null {
  const main = document.getElementById('main-content');
  return main?.querySelector<HTMLElement>('[data-landing]') ?? main?.querySelector<HTMLElement>('h1, h2') ?? main ?? null;
}

/** Whether the focus is on the view's landing (put there while a target is awaited). */
const onLanding = (): boolean => document.activeElement !== null && document.activeElement === viewLanding();

/** Focuses `el` (made focusable by script when it is not a control) without scrolling: a graph's canvas must not scroll, and a heading is in sight. */
export function focusOn(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

/** Focuses the view's landing (its heading). */
export function focusViewLanding(): void {
  focusOn(viewLanding());
}

/** The target a control that navigated named, until it appears or the user does something else. */
let asked: string | undefined;

/** Asks that the element `takeFocus(target)` marks takes the focus when it appears. */
export function landOn(target: string): void {
  asked = target;
}

/** The user pressed a key or a pointer: a target asked before is no longer awaited. */
export function forgetLanding(): void {
  asked = undefined;
}

/**
 * An attachment: the element takes the focus when it appears, if it is the target `name` a
 * control asked for (landOn), or if the focus was lost (the control that had it was swapped for it).
 */
export const takeFocus =
  (name?: string) =>
  (el: HTMLElement): void => {
    if (name !== undefined && asked === name && (focusLost() || onLanding())) {
      asked = undefined;
      focusOn(el);
    } else if (focusLost()) focusOn(el);
  };

/** After an action that took time (a module loaded, a log read): focuses `el` unless the user has moved the focus on meanwhile. */
export function landAfter(el: HTMLElement | null | undefined): void {
  if (focusLost() || onLanding()) focusOn(el);
}

/**
 * The window's focusout: the focused control removed or disabled (a panel closed, a button
 * swapped, a list redrawn) leaves the focus on the view's heading rather than on the page's body,
 * unless the view gave it a place of its own meanwhile (a task later: after Svelte's updates).
 */
export function landLostFocus(event: FocusEvent): void {
  const gone = event.target;
  if (event.relatedTarget !== null || !(gone instanceof HTMLElement)) return;
  setTimeout(() => {
    if (focusLost() && (!gone.isConnected || gone.matches(':disabled'))) focusViewLanding();
  });
}
