/**
 * Opening what the workspace holds: a stored scenario (into the editor), or a stored run (its
 * stored scenario too, and its result in Compare). Each asks about unsaved edits first and reads
 * the stored scenario only after the answer ({@link replaceWithRead}): Save in that question
 * stores the open scenario, maybe over the very one being opened, so a copy read before it would
 * open stale text and lose the edits just saved.
 */
import { tick } from 'svelte';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import type { Report } from '../../../../src/engine/types';
import { fileSlug } from '../../../lib/scenarioFileName';
import { scenarioOfText } from '../../../lib/scenarioOfText';
import { runAwaitsModule, storedRunReading, storedScenarioProblem, storedScenarioProblemText, type AwaitedModule } from '../../../lib/workspace/storedScenarioCheck';
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
 * Opens the stored scenario `name` in the editor, after the unsaved-edits question; resolves to
 * why it did not open (said beside the list), or undefined (opened, or Cancel pressed).
 */
export async function openStoredScenario(app: WorkspaceOpening, name: string): Promise<string | undefined> {
  const before = await storedJson(app.workspace, name);
  if (before === undefined) return undefined;
  // text that is no JSON object has nothing to edit: nothing is asked
  if (!scenarioOfText(before)) return wontOpen(app.doc, name, before);
  let problem: string | undefined;
  await replaceWithRead(app.doc, app.workbench, name, async () => {
    const json = await storedJson(app.workspace, name);
    const raw = json === undefined ? undefined : scenarioOfText(json);
    if (!raw) problem = json === undefined ? `“${name}” is no longer in the workspace` : wontOpen(app.doc, name, json);
    return raw && { raw, fileName: storedFileName(name) };
  });
  return problem;
}

/**
 * The domain module a stored run waits for before it can be read: the file its stored scenario
 * (`json`) names, or — no scenario stored — a module of its report's domain id; undefined when
 * nothing is missing.
 */
function awaitedModule(modules: DomainModules, report: Report, json: string | undefined): AwaitedModule | undefined {
  const reference = runAwaitsModule(json, (ref) => modules.byReference(ref) !== undefined);
  if (reference !== undefined) return { reference };
  if (json !== undefined) return undefined;
  const byId = storedRunReading(report.domain, (id) => bundledDomain(id) !== undefined, modules.modules.map((m) => ({ name: m.name, id: m.description.id })));
  return byId.kind === 'awaits' ? { id: byId.id } : byId.kind === 'several' ? { id: byId.id, several: byId.names } : undefined;
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
  const first = awaitedModule(modules, report, await storedJson(workspace, scenario));
  // a problem of an earlier module is not this one's
  if (first) return ((modules.error = undefined), first);
  let stored = false;
  let awaited: AwaitedModule | undefined;
  if ((await storedJson(workspace, scenario)) !== undefined) {
    const opened = await replaceWithRead(doc, workbench, scenario, async () => {
      const json = await storedJson(workspace, scenario);
      // the scenario as stored after the answer may name another module
      awaited = awaitedModule(modules, report, json);
      const raw = awaited || json === undefined ? undefined : scenarioOfText(json);
      return raw && { raw, fileName: storedFileName(scenario) };
    });
    if (awaited) return ((modules.error = undefined), awaited);
    if (!opened) return undefined;
    stored = true;
  }
  // the editor's check of the scenario now open, with the open domain module it names (its result is then kept in the module's worker)
  const parsed = stored ? doc.result : undefined;
  // no scenario to tell the worker: the one open module of the report's domain id reads it
  const byId = storedRunReading(report.domain, (id) => bundledDomain(id) !== undefined, modules.modules.map((m) => ({ name: m.name, id: m.description.id })));
  const module = byId.kind === 'module' ? modules.modules.find((m) => m.name === byId.name)?.client : undefined;
  // the new document clears the session (App's effect): the stored result is shown after that
  await tick();
  const shown = await session.show(report, r.traces, parsed?.ok ? parsed.scenario : undefined, module);
  workspace.markStored(shown.report);
  workbench.show('compare');
  return undefined;
}
