/**
 * Undo and redo as plain data: the states before each edit (undo) and the states an undo left
 * (redo), each with what the edit did. A new edit clears redo. Generic over the state kept, so
 * the scenario editor keeps its value and its unparsed JSON text together. Pure.
 */
import { keyAction, type KeyCombo, type KeyPress } from './keys';

/** One step of history: the state to go back (or forward) to and what the edit did. */
export interface HistoryEntry<S> {
  readonly state: S;
  readonly label: string;
  /** Consecutive edits with the same merge key (typing into one field) undo as one. */
  readonly mergeKey?: string;
}

/** Undo and redo stacks, the newest entry last. */
export interface EditHistory<S> {
  readonly undo: readonly HistoryEntry<S>[];
  readonly redo: readonly HistoryEntry<S>[];
}

/** How many edits undo remembers. */
export const HISTORY_LIMIT = 200;

/** A history with nothing to undo or redo. */
export const emptyHistory = <S>(): EditHistory<S> => ({ undo: [], redo: [] });

/** The history after an edit from `before`: one undo entry per run of same-`mergeKey` edits; redo is cleared. */
export function recorded<S>(history: EditHistory<S>, before: S, label: string, mergeKey?: string): EditHistory<S> {
  const last = history.undo.at(-1);
  const merges = mergeKey !== undefined && last?.mergeKey === mergeKey;
  return { undo: merges ? history.undo : [...history.undo.slice(-(HISTORY_LIMIT - 1)), { state: before, label, ...(mergeKey !== undefined ? { mergeKey } : {}) }], redo: [] };
}

/** What undo or redo moved to: the state, the edit's label and the history after it. */
export interface HistoryStep<S> {
  readonly state: S;
  readonly label: string;
  readonly history: EditHistory<S>;
}

/** Goes back one edit from `current` (which becomes redoable), or undefined when there is nothing to undo. */
export function undone<S>(history: EditHistory<S>, current: S): HistoryStep<S> | undefined {
  const last = history.undo.at(-1);
  if (!last) return undefined;
  return { state: last.state, label: last.label, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, { state: current, label: last.label }] } };
}

/** Goes forward one undone edit from `current` (which becomes undoable again), or undefined when there is nothing to redo. */
export function redone<S>(history: EditHistory<S>, current: S): HistoryStep<S> | undefined {
  const next = history.redo.at(-1);
  if (!next) return undefined;
  // no merge key: an edit after a redo starts an undo step of its own
  return { state: next.state, label: next.label, history: { undo: [...history.undo, { state: current, label: next.label }], redo: history.redo.slice(0, -1) } };
}

/** The keys of undo and redo: Ctrl (⌘ on macOS) + Z undoes; Ctrl + Shift + Z (⌘⇧Z) and Ctrl + Y redo. */
export const HISTORY_KEYS: Readonly<Record<'undo' | 'redo', readonly KeyCombo[]>> = {
  undo: [{ key: 'z', ctrl: true }],
  redo: [{ key: 'z', ctrl: true, shift: true }, { key: 'y', ctrl: true }],
};

/** Undo or redo for a key press (HISTORY_KEYS), or undefined. */
export const historyKey = (e: KeyPress): 'undo' | 'redo' | undefined => keyAction(HISTORY_KEYS, e);

/** A key press as a view sees it: also whether a control on the way has handled it already. */
export interface ViewKeyPress extends KeyPress {
  readonly defaultPrevented: boolean;
}

/**
 * Undo or redo of the scenario for a key press in a view that edits it, or undefined: never in a
 * text field (`inTextField`: an input, textarea or select), where the browser's own undo and redo
 * work on the text, nor for a key a control has handled already.
 */
export function scenarioHistoryKey(e: ViewKeyPress, inTextField: boolean): 'undo' | 'redo' | undefined {
  return inTextField || e.defaultPrevented ? undefined : historyKey(e);
}
