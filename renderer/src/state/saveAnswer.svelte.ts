/**
 * The Save button of a "replace it?" question (the unsaved-scenario and unsaved-workspace
 * dialogs): saves as Ctrl+S does (saveAndAnswer), answers the question Save was pressed for once
 * the changes are kept, and otherwise holds why not for the dialog to show. One press at a time.
 */
import type { RunSession } from './RunSession.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workspace } from './Workspace.svelte';
import { saveAndAnswer } from './saveWorkspace';

/** A question a dialog asks: answered `true` to replace (after a save or a discard), `false` to cancel. */
interface Asked {
  answer(replace: boolean): void;
}

export class SaveAnswer {
  /** True while Save is writing (the dialog's buttons wait, Escape is not taken). */
  saving = $state(false);
  /** Why the last Save did not keep the changes (a Save dialog cancelled, a failed write, a name taken). */
  notSaved = $state<string | undefined>(undefined);

  /** `question` reads the question now asked; `kept` says whether the changes are kept after a save. */
  constructor(
    private readonly app: { readonly doc: ScenarioDoc; readonly session: RunSession; readonly workspace: Workspace },
    private readonly question: () => Asked | undefined,
    private readonly kept: () => boolean,
  ) {}

  /** Saves as Ctrl+S does; goes on only once the changes are kept (a newer question may replace the one asked meanwhile). */
  async save(): Promise<void> {
    const asked = this.question();
    if (!asked || this.saving) return;
    this.saving = true;
    try {
      this.notSaved = await saveAndAnswer(this.app.doc, this.app.session, this.app.workspace, asked, this.kept);
    } finally {
      this.saving = false;
    }
  }
}
