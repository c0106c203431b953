/** Where a key press happened, for the app's shortcuts: keys that type or that a field uses itself are left to it. */

const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="range"]), textarea, select, [contenteditable="true"], [role="textbox"], [role="combobox"]';

/** Whether `target` takes typed text or uses the keys itself (a text field, a list box, an editor). */
export const typesText = (target: EventTarget | null): boolean => target instanceof Element && target.closest(TEXT_ENTRY) !== null;

/** Whether `target` is inside an open dialog (its Escape and keys are its own). */
export const inDialog = (target: EventTarget | null): boolean => target instanceof Element && target.closest('dialog[open], [role="dialog"], [role="alertdialog"]') !== null;
