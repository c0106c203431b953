/**
 * Opening what the workspace holds: a stored scenario (into the editor, with its latest run of
 * the version stored: renderer/lib/workspace/runVersions.ts), or a stored run (its stored
 * scenario too, and its result in Compare). Either links the open scenario to the stored one
 * (ScenarioDoc.entry: a Save after a rename renames it). Each asks about unsaved edits first and reads
 * the stored scenario only after the answer ({@link replaceWithRead}): Save in that question
 * stores the open scenario, maybe over the very one being opened, so a copy read before it would
 * open stale text and lose the edits just saved.
 */
import { tick } from 'svelte';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import type { Scenario } from '../../../../src/engine/types';
import type { RunSummary } from '../../../../src/store/runs';
import { scenarioInputs } from '../../../lib/resultFreshness';
import { runToReopen } from '../../../lib/workspace/runVersions';
import { sharedIdNotice } from '../../../lib/modules/moduleOfId';
import { fileSlug } from '../../../lib/scenarioFileName';
import { scenarioOfText } from '../../../lib/scenarioOfText';
import { runAwaitsModule, storedRunReading, storedScenarioProblem, storedScenarioProblemText, type AwaitedModule, type StoredRunReading } from '../../../lib/workspace/storedScenarioCheck';
import type { DomainModules } from '../../state/DomainModules.svelte';
import { replaceWithRead } from '../../state/openScenario';
import type { RunSession } from '../../state/RunSession.svelte';
import type { ScenarioDoc } from '../../state/ScenarioDoc.svelte';
import type { Workbench } from '../../state/Workbench.svelte';
import type { Workspace } from '../../state/Workspace.svelte';

/** The app state opening from the workspace changes. */
export interface WorkspaceOpening {
  readonly doc: ScenarioDoc;
  readonly workbench: Workbench;
  readonly workspace: Workspace;
  readonly session: RunSession;
  readonly modules: DomainModules;
}

/** The file name a stored scenario opens under (it has no file of its own). */
const storedFileName = (name: string): string => `${fileSlug(name, 'scenario')}.json`;

/** A stored scenario's JSON text, as the workspace holds it now (undefined: none of that name). */
const storedJson = async (workspace: Workspace, name: string): Promise<string | undefined> => (await workspace.client.api.loadScenario(name)).json;

/** Why stored text does not open: it is no scenario object (said as its badge in the list says it). */
function wontOpen(doc: ScenarioDoc, name: string, json: string): string {
  const problem = storedScenarioProblem(json, (r) => doc.parseOptions(r));
  return `“${name}” won't open${problem ? `: ${storedScenarioProblemText(problem)}` : ''}`;
}

/**
 * Opens the stored scenario `name` in the editor, after the unsaved-edits question, with the
 * result of its latest stored run of this version; the latest run of another version is said
 * (WorkspaceNotice) and offered. Resolves to why it did not open (said beside the list), or
 * undefined (opened, or Cancel pressed).
 */
export async function openStoredScenario(app: WorkspaceOpening, name: string): Promise<string | undefined> {
  const { doc, workspace } = app;
  const before = await storedJson(workspace, name);
  if (before === undefined) return undefined;
  // text that is no JSON object has nothing to edit: nothing is asked
  if (!scenarioOfText(before)) return wontOpen(doc, name, before);
  let problem: string | undefined;
  const opened = await replaceWithRead(doc, app.workbench, name, async () => {
    const json = await storedJson(workspace, name);
    const raw = json === undefined ? undefined : scenarioOfText(json);
    if (!raw) problem = json === undefined ? `“${name}” is no longer in the workspace` : wontOpen(doc, name, json);
    return raw && { raw, fileName: storedFileName(name) };
  });
  if (!opened) return problem;
  doc.entry = { workspace: workspace.generation, name };
  const parsed = doc.result?.ok ? doc.result.scenario : undefined;
  const raw = doc.raw;
  const reopen = runToReopen(workspace.contents.runs, name, parsed && scenarioInputs(parsed));
  if (reopen?.kind === 'this version' && parsed) {
    await showStoredRun(app, reopen.run, parsed);
  } else if (reopen?.kind === 'other version') {
    const run = reopen.run;
    workspace.notice = {
      text: `The latest stored run of “${name}” (${new Date(run.created).toLocaleString()}) was run on another version of it, so its results are not shown with this one.`,
      raw,
      action: { label: 'Open that run', run: () => openStoredRun(app, run.runId, name) },
    };
  }
  return undefined;
}

/** Shows stored run `run` (read now) as the result of the open scenario, `scenario` as parsed, in its module's worker when it has one (ModuleResolver). */
async function showStoredRun(app: WorkspaceOpening, run: RunSummary, scenario: Scenario): Promise<void> {
  const r = await app.workspace.client.api.loadRun(run.runId);
  if (!r.report) return;
  // the new document clears the session (App's effect): the stored result is shown after that
  await tick();
  const shown = await app.session.show(r.report, r.traces, scenario, undefined, { inputs: run.inputs });
  app.workspace.markStored(shown.report, run.runId);
}

/**
 * The domain module a stored run waits for before it can be read: the file its stored scenario
 * (`json`) names, or — no scenario stored — a module of its report's domain id (`byId`, the run's
 * reading); undefined when nothing is missing.
 */
function awaitedModule(modules: DomainModules, json: string | undefined, byId: () => StoredRunReading): AwaitedModule | undefined {
  const reference = runAwaitsModule(json, (ref) => modules.byReference(ref) !== undefined);
  if (reference !== undefined) return { reference };
  if (json !== undefined) return undefined;
  const reading = byId();
  return reading.kind === 'awaits' ? { id: reading.id } : undefined;
}

/**
 * Opens stored run `runId` of the stored scenario `scenario`: the scenario (after the
 * unsaved-edits question, read after the answer) and the run's result, then Compare. Resolves to
 * the domain module it waits for (the app asks for it beside the run), or undefined.
 */
export async function openStoredRun(app: WorkspaceOpening, runId: number, scenario: string): Promise<AwaitedModule | undefined> {
  const { doc, workbench, workspace, session, modules } = app;
  const r = await workspace.client.api.loadRun(runId);
  if (!r.report) return undefined;
  const report = r.report;
  const before = await storedJson(workspace, scenario);
  // how the run is read by its domain id, worked out once when first needed: with no scenario stored at once (no question comes between), else after the unsaved-edits question
  let reading: StoredRunReading | undefined;
  const byId = (): StoredRunReading => (reading ??= storedRunReading(report.domain, (id) => bundledDomain(id) !== undefined, modules.ids));
  const first = awaitedModule(modules, before, byId);
  // a problem of an earlier module is not this one's
  if (first) return ((modules.error = undefined), first);
  let stored = false;
  let awaited: AwaitedModule | undefined;
  if (before !== undefined) {
    const opened = await replaceWithRead(doc, workbench, scenario, async () => {
      const json = await storedJson(workspace, scenario);
      // the scenario as stored after the answer may name another module
      awaited = awaitedModule(modules, json, byId);
      const raw = awaited || json === undefined ? undefined : scenarioOfText(json);
      return raw && { raw, fileName: storedFileName(scenario) };
    });
    if (awaited) return ((modules.error = undefined), awaited);
    if (!opened) return undefined;
    doc.entry = { workspace: workspace.generation, name: scenario };
    stored = true;
  }
  // the editor's check of the scenario now open, with the open domain module it names (its result is then kept in the module's worker)
  const parsed = stored ? doc.result : undefined;
  const checked = parsed?.ok ? parsed.scenario : undefined;
  // no scenario to tell the worker: the open module of the report's domain id reads it (the first on the Domains view, said when others have the id)
  const read = byId();
  const module = !checked && read.kind === 'module' ? modules.modules.find((m) => m.name === read.name)?.client : undefined;
  const notice = module && read.kind === 'module' ? sharedIdNotice(report.domain, read) : undefined;
  // the new document clears the session (App's effect): the stored result is shown after that
  await tick();
  // what it ran from, when the workspace kept it: a run of an earlier version of the scenario shows as such
  const inputs = stored ? workspace.contents.runs.find((run) => run.runId === runId)?.inputs : undefined;
  const shown = await session.show(report, r.traces, checked, module, { notice, inputs });
  workspace.markStored(shown.report, runId);
  workbench.show('compare');
  return undefined;
}
