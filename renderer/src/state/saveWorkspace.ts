/**
 * Save — one meaning everywhere (Ctrl+S, File › Save, the Workspace view's button): the workspace
 * keeps everything, so the open scenario and the current run go into it, then its file is written.
 */
import type { RunSession } from './RunSession.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workspace } from './Workspace.svelte';

/** Saves the workspace with the open scenario (when valid) and the current run (once); Save As always asks. Resolves whether it was written. */
export async function saveWorkspace(doc: ScenarioDoc, session: RunSession, workspace: Workspace, as = false): Promise<boolean> {
  const scenario = doc.raw && doc.result?.ok ? doc.raw : undefined;
  if (scenario) await workspace.addScenario(String(scenario.name ?? doc.fileName), JSON.stringify(scenario, null, 2));
  const result = session.result;
  if (result && !workspace.holds(result.report)) await workspace.addRun(result.report, await session.engine.traces());
  const written = await workspace.save(as);
  if (written && scenario && scenario === doc.raw) doc.saved(doc.fileName);
  return written;
}

/**
 * Save in a "replace it?" question (the unsaved-scenario and unsaved-workspace dialogs): saves as
 * Ctrl+S does and answers `asked` (the question Save was pressed for) once `kept()` says the
 * changes are kept; otherwise leaves it open and resolves to why not (a Save dialog cancelled, a
 * failed write).
 */
export async function saveAndAnswer(doc: ScenarioDoc, session: RunSession, workspace: Workspace, asked: { answer(replace: boolean): void }, kept: () => boolean): Promise<string | undefined> {
  const written = await saveWorkspace(doc, session, workspace);
  if (written && kept()) {
    asked.answer(true);
    return undefined;
  }
  return workspace.error ?? 'Not saved: the workspace file was not written.';
}
