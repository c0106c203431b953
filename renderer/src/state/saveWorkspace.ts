/**
 * Save — one meaning everywhere (Ctrl+S, File › Save, the Workspace view's button): the workspace
 * keeps everything, so the open scenario and the current run go into it, then its file is written.
 * The open scenario is kept as the stored scenario it was opened from or saved as: renamed, it
 * renames that one (its runs stay its runs) rather than adding a second; a run is stored once.
 */
import type { RunSession } from './RunSession.svelte';
import type { RawScenario, ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workspace } from './Workspace.svelte';
import { desktopApi } from '../../lib/desktop';

/** What keeping the open scenario in the workspace did: the value kept, its stored name, and the stored scenario it renamed (with how many runs went with it). */
export interface KeptScenario {
  readonly raw: RawScenario;
  readonly name: string;
  readonly renamed?: { readonly from: string; readonly runs: number };
}

/** The open scenario's name as stored (a scenario without one is stored by its file name). */
const storedName = (doc: ScenarioDoc, raw: RawScenario): string => String(raw.name ?? doc.fileName);

/**
 * Stores the open scenario in the workspace (whatever its problems: callers choose) and links it
 * to what it is stored as (ScenarioDoc.entry). When it was kept as a stored scenario of another
 * name (it was renamed since), that one is renamed with its runs — unless another stored scenario
 * has the new name: nothing changes then, and the reason is the answer.
 */
export async function keepScenario(doc: ScenarioDoc, workspace: Workspace): Promise<KeptScenario | string | undefined> {
  const raw = doc.raw;
  if (!raw) return undefined;
  const name = storedName(doc, raw);
  const from = workspace.entryOf(doc.entry);
  let renamed: KeptScenario['renamed'];
  if (from !== undefined && from !== name) {
    if (workspace.contents.scenarios.some((s) => s.name === name))
      return `Not saved: the workspace already has another scenario named “${name}”. Rename this one, or remove that one from the workspace first.`;
    const runs = workspace.contents.runs.filter((r) => r.scenario === from).length;
    try {
      await workspace.renameScenario(from, name);
    } catch (e) {
      return `Not saved: ${e instanceof Error ? e.message : String(e)}`;
    }
    renamed = { from, runs };
  }
  const entry = await workspace.addScenario(name, JSON.stringify(raw, null, 2));
  // another scenario may have been opened meanwhile: only the one kept is linked
  if (doc.raw === raw) doc.entry = entry;
  return renamed ? { raw, name, renamed } : { raw, name };
}

/** Stores the current run once (Workspace.addRun), as a run of the stored scenario `scenario` (by default the one the open scenario is kept as, else the report's). */
export async function keepRun(doc: ScenarioDoc, session: RunSession, workspace: Workspace, scenario?: string): Promise<void> {
  const result = session.result;
  if (!result) return;
  const link = { scenario: scenario ?? workspace.entryOf(doc.entry) ?? result.report.scenario, ...(session.inputs === undefined ? {} : { inputs: session.inputs }) };
  await workspace.addRun(result.report, () => session.engine.traces(), link);
}

/** Saves as Ctrl+S does; resolves whether the file was written, and why not when the scenario could not be kept. */
async function save(doc: ScenarioDoc, session: RunSession, workspace: Workspace, as: boolean): Promise<{ readonly written: boolean; readonly why?: string }> {
  const kept = doc.raw && doc.result?.ok ? await keepScenario(doc, workspace) : undefined;
  if (typeof kept === 'string') return { written: false, why: kept };
  await keepRun(doc, session, workspace, kept?.name);
  const written = await workspace.save(as);
  if (written && kept && kept.raw === doc.raw) doc.saved(doc.fileName);
  if (kept) noteRename(doc, workspace, kept);
  return { written };
}

/** Saves the workspace with the open scenario (when valid) and the current run (once); Save As always asks. Resolves whether it was written; why not is said over every view (WorkspaceNotice). */
export async function saveWorkspace(doc: ScenarioDoc, session: RunSession, workspace: Workspace, as = false): Promise<boolean> {
  const before = workspace.notice;
  const { written, why } = await save(doc, session, workspace, as);
  if (why) workspace.notice = { text: why, tone: 'error', raw: doc.raw };
  // written, and said so (a rename Save did says more, and stays): Ctrl+S in any view is seen and heard to have saved
  else if (written && workspace.notice === before) workspace.notice = { text: `Saved the workspace as ${workspace.name}${desktopApi() ? '' : ' (downloaded)'}.`, raw: doc.raw };
  return written;
}

/**
 * Save in a "replace it?" question (the unsaved-scenario and unsaved-workspace dialogs): saves as
 * Ctrl+S does and answers `asked` (the question Save was pressed for) once `kept()` says the
 * changes are kept; otherwise leaves it open and resolves to why not (a Save dialog cancelled, a
 * failed write, a name another stored scenario has).
 */
export async function saveAndAnswer(doc: ScenarioDoc, session: RunSession, workspace: Workspace, asked: { answer(replace: boolean): void }, kept: () => boolean): Promise<string | undefined> {
  const { written, why } = await save(doc, session, workspace, false);
  if (written && kept()) {
    asked.answer(true);
    return undefined;
  }
  return why ?? workspace.error ?? 'Not saved: the workspace file was not written.';
}

/** Says (WorkspaceNotice) that keeping the scenario renamed the stored one, with its runs, and offers to undo it while the open scenario is as kept; nothing when it renamed none. */
export function noteRename(doc: ScenarioDoc, workspace: Workspace, kept: KeptScenario): void {
  if (!kept.renamed) return;
  const { from, runs } = kept.renamed;
  const withRuns = runs === 0 ? '' : `, with its ${runs === 1 ? 'run result' : `${runs} run results`}`;
  workspace.notice = {
    text: `Renamed “${from}” to “${kept.name}” in the workspace${withRuns}.`,
    raw: kept.raw,
    action: { label: 'Undo rename', run: () => undoRename(doc, workspace, from) },
  };
}

/**
 * Undoes a rename Save made: the open scenario takes its old name again (an edit of its own, so
 * Undo takes it back too) and the stored scenario is renamed back with its runs. The workspace
 * then has changes its file does not (its badge says so; Save writes them).
 */
async function undoRename(doc: ScenarioDoc, workspace: Workspace, from: string): Promise<void> {
  if (!doc.raw) return;
  doc.edit({ ...doc.raw, name: from }, `Renamed back to “${from}”`);
  const kept = await keepScenario(doc, workspace);
  if (typeof kept === 'string') {
    workspace.notice = { text: kept, tone: 'error', raw: doc.raw };
    return;
  }
  if (kept && kept.raw === doc.raw) doc.saved(doc.fileName);
  workspace.notice = { text: `“${from}” has its name again, in the workspace too; Save writes that to the workspace file.`, raw: doc.raw };
}
