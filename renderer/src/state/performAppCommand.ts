/**
 * The File and Run menus' commands (AppCommand) carried out on the app's state: from the desktop
 * menu, or from their shortcuts on the web.
 */
import type { AppCommand } from '../../lib/appCommands';
import { desktopApi } from '../../lib/desktop';
import { downloadScenario } from './downloadScenario';
import { pickFile, WORKSPACE_FILE_TYPES } from './pickFile';
import type { RunSession } from './RunSession.svelte';
import { saveWorkspace } from './saveWorkspace';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workbench } from './Workbench.svelte';
import type { Workspace } from './Workspace.svelte';

/** The state a menu command acts on. */
export interface AppCommandTargets {
  readonly workbench: Workbench;
  readonly workspace: Workspace;
  readonly doc: ScenarioDoc;
  readonly session: RunSession;
}

/** Carries out `command`; resolves once it is done (a Save written, a run ended). */
export async function performAppCommand(command: AppCommand, { workbench, workspace, doc, session }: AppCommandTargets): Promise<void> {
  switch (command) {
    case 'new':
      if (await workspace.create()) workbench.show('workspace');
      return;
    case 'open': {
      // The desktop menu's meaning: the file dialog, then the workspace opened is shown; on the web the browser's file chooser (the Workspace view's Open…)
      if (desktopApi()) {
        if (await workspace.open()) workbench.show('workspace');
        return;
      }
      const file = await pickFile(WORKSPACE_FILE_TYPES);
      if (file && (await workspace.open(file))) workbench.show('workspace');
      return;
    }
    case 'open-log':
      workbench.show('logs');
      return;
    case 'save':
    case 'save-as':
      await saveWorkspace(doc, session, workspace, command === 'save-as');
      return;
    case 'download-scenario':
      await downloadScenario(doc);
      return;
    case 'run':
      if (!doc.result?.ok) return workbench.show('editor');
      workbench.show('runs');
      await session.run(doc.result.scenario);
      return;
    case 'dry-run':
      workbench.show('editor');
      return;
  }
}
