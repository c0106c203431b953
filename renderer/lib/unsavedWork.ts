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

/** The top bar's badge of the open scenario: its text and tooltip, or undefined when nothing is unsaved. */
export interface ScenarioBadge {
  readonly text: string;
  readonly title: string;
}

/**
 * The badge for a scenario with unsaved edits (`edited`); `downloadedAs`: the file name the
 * edits were downloaded as (web), when the value shown is the one downloaded. A download is a
 * file of its own in the user's downloads (the app goes on editing its own copy), not a save, so the edits stay unsaved: the badge says "downloaded", its tooltip that nothing is saved.
 */
export function scenarioBadge(edited: boolean, downloadedAs?: string): ScenarioBadge | undefined {
  if (!edited) return undefined;
  if (downloadedAs === undefined) return { text: 'unsaved', title: 'Unsaved changes' };
  return { text: 'downloaded', title: `Downloaded as ${downloadedAs}, a file of its own in your downloads: the edits are not saved in the app (Save keeps them in the workspace)` };
}
