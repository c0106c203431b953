/**
 * Undo and redo of the open scenario for every view that edits it (Scenario, Runs): the keys on
 * its one history and the notice of what was removed (with Undo), undone or redone. The views
 * show it through the UndoRedo component; the rules are plain data in lib/ (editHistory, undoNotice).
 */
import { scenarioHistoryKey } from '../../lib/editHistory';
import { historyNotice, offersUndo, removedNotice, type UndoNotice } from '../../lib/undoNotice';
import type { ScenarioDoc } from './ScenarioDoc.svelte';

/** Elements whose own undo and redo (the browser's) work on the text typed in them. */
const TEXT_FIELDS = 'input, textarea, select';

/** The scenario's undo, redo and their notice; one for the app. */
export class ScenarioUndo {
  constructor(private readonly doc: Pick<ScenarioDoc, 'undo' | 'redo' | 'undoLabel'>) {}

  /** The notice on screen, if any (the UndoRedo component takes it away after a while). */
  notice = $state.raw<UndoNotice | undefined>(undefined);

  /** Whether the notice offers Undo: it names a removal that is still the last edit. */
  get offersUndo(): boolean {
    return offersUndo(this.notice, this.doc.undoLabel);
  }

  /** Says that the edit labelled `label` (just made) removed something, and offers to undo it. */
  removed(label: string): void {
    this.notice = removedNotice(label);
  }

  /** Undoes the last edit and says what was undone. */
  undo(): void {
    this.notice = historyNotice('undo', this.doc.undo());
  }

  /** Redoes the last undone edit and says what was redone. */
  redo(): void {
    this.notice = historyNotice('redo', this.doc.redo());
  }

  /** Takes the notice away. */
  dismiss(): void {
    this.notice = undefined;
  }

  /** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘Z, ⌘⇧Z), outside text fields and unless a control took the key. */
  keydown(event: KeyboardEvent): void {
    const inTextField = event.target instanceof HTMLElement && event.target.matches(TEXT_FIELDS);
    const step = scenarioHistoryKey(event, inTextField);
    if (!step) return;
    event.preventDefault();
    if (step === 'undo') this.undo();
    else this.redo();
  }
}
