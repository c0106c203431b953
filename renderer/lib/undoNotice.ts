/**
 * The brief notice a view that edits the scenario shows after an edit that removed something (with
 * Undo), an undo or a redo: what it says, whether it offers Undo and how long it stays. Pure.
 */

/** A notice: its text, and whether it names a removal that Undo takes back. */
export interface UndoNotice {
  readonly text: string;
  readonly undoable: boolean;
}

/** The notice after an edit labelled `label` that removed something (a node, a run): it offers Undo. */
export const removedNotice = (label: string): UndoNotice => ({ text: label, undoable: true });

/** The notice after an undo or a redo of the edit labelled `label`; none when there was nothing to undo or redo. */
export const historyNotice = (step: 'undo' | 'redo', label: string | undefined): UndoNotice | undefined =>
  label ? { text: `${step === 'undo' ? 'Undid' : 'Redid'}: ${label}`, undoable: false } : undefined;

/** How long a notice stays on screen: one that offers Undo 10 s, any other 4 s. */
export const noticeLifetimeMs = (notice: UndoNotice): number => (notice.undoable ? 10_000 : 4_000);

/**
 * Whether the notice's Undo button shows: only while the removal it names is still the last edit
 * (`undoLabel`), since Undo would otherwise take back a later edit under the removal's name.
 */
export const offersUndo = (notice: UndoNotice | undefined, undoLabel: string | undefined): boolean => notice?.undoable === true && notice.text === undoLabel;
