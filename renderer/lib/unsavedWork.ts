/** What a reload, Back past the first view, or closing the window would lose. Pure. */

/** The parts of the session that can hold unsaved work. */
export interface WorkState {
  /** The open scenario has edits not written to the workspace or a file. */
  readonly scenarioEdited: boolean;
  /** The workspace has changes not written to its file. */
  readonly workspaceChanged: boolean;
  /** A run result that is not in the workspace. */
  readonly runNotKept: boolean;
}

/** The unsaved work, each as a phrase for a prompt; empty when leaving loses nothing. */
export function unsavedWork(state: WorkState): string[] {
  const work: string[] = [];
  if (state.scenarioEdited) work.push('scenario edits');
  if (state.runNotKept) work.push('a run that is not in the workspace');
  if (state.workspaceChanged) work.push('workspace changes not saved to its file');
  return work;
}
