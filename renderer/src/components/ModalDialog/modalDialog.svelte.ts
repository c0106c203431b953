/**
 * The app's one modal-dialog behaviour for a `<dialog>` of its own markup (the questions of
 * QuestionDialog, Mapping, Connect): a Svelte attachment, `{@attach modalDialog({ … })}`.
 *
 * - shown as a modal (`showModal`) while `open()` is true, closed when it turns false;
 * - on opening, the control `focus` picks has the focus (the first useful field, or the safe
 *   answer), once the dialog's content is rendered;
 * - Tab and Shift+Tab go round its controls and never leave it (trapFocus);
 * - Escape asks `oncancel` (which closes it or not), and does nothing while `busy()`;
 * - on closing, the focus goes back to the control that had it when it opened (Chromium's own
 *   dialog focusing steps; nothing to do here), when that control is still there and enabled.
 *
 * Every option is a function, read when needed: the attachment is not made again as state changes.
 */
import { tick, untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { trapFocus } from './trapFocus';

/** What a modal dialog needs from the component that shows it. */
export interface ModalDialogOptions {
  /** Whether it is shown. */
  readonly open: () => boolean;
  /** The control that has the focus when it opens. */
  readonly focus: (dialog: HTMLDialogElement) => HTMLElement | null | undefined;
  /** Escape (or another close request): the caller closes it (`open` turns false) or keeps it. */
  readonly oncancel: () => void;
  /** While true, Escape is not taken: the dialog is doing what it was asked (saving, connecting). */
  readonly busy?: () => boolean;
  /** Each time it opens, before it is shown (to reset its fields). */
  readonly onopen?: () => void;
}

/** The attachment making a `<dialog>` the app's modal dialog (see the file's comment). */
export function modalDialog(options: ModalDialogOptions): Attachment<HTMLDialogElement> {
  return (dialog) => {
    $effect(() => {
      const open = options.open();
      untrack(() => {
        if (open && !dialog.open) {
          options.onopen?.();
          dialog.showModal();
          void tick().then(() => {
            if (dialog.open) options.focus(dialog)?.focus();
          });
        } else if (!open && dialog.open) dialog.close();
      });
    });
    const cancel = (): void => {
      if (!options.busy?.()) options.oncancel();
    };
    // Escape taken before it becomes the dialog's `cancel`: Chromium closes a dialog at the third
    // Escape whatever `cancel`'s handler says, and a dialog closed while busy would outlive `open`
    const escape = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      cancel();
    };
    // any other close request the browser lets the page refuse
    const closeRequest = (e: Event): void => {
      e.preventDefault();
      cancel();
    };
    dialog.addEventListener('keydown', escape);
    dialog.addEventListener('cancel', closeRequest);
    const untrap = trapFocus(dialog);
    return () => {
      dialog.removeEventListener('keydown', escape);
      dialog.removeEventListener('cancel', closeRequest);
      untrap();
    };
  };
}
