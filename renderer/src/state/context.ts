/** Typed context getters for the app state; each throws a clear message when missing. */
import { getContext, setContext } from 'svelte';
import type { Workbench } from './Workbench.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import type { ScenarioUndo } from './ScenarioUndo.svelte';
import type { Editor } from './Editor.svelte';
import type { RunSession } from './RunSession.svelte';
import type { Inspection } from './Inspection.svelte';
import type { Selection } from './Selection.svelte';
import type { Workspace } from './Workspace.svelte';
import type { Inspector } from './Inspector.svelte';
import type { DomainModules } from './DomainModules.svelte';
import type { Beside } from './Beside.svelte';

/** A provide/use pair for one piece of app state. */
function stateContext<T>(name: string): [provide: (value: T) => T, use: () => T] {
  const key = Symbol(name);
  return [
    (value) => setContext(key, value),
    () => {
      const value = getContext<T | undefined>(key);
      if (value === undefined) throw new Error(`no ${name} in context: App.svelte must provide it before this component is created`);
      return value;
    },
  ];
}

/** Navigation state (current view). */
export const [provideWorkbench, useWorkbench] = stateContext<Workbench>('Workbench');
/** The open scenario. */
export const [provideScenarioDoc, useScenarioDoc] = stateContext<ScenarioDoc>('ScenarioDoc');
/** Undo and redo of the open scenario, with their keys and notice, for every view that edits it. */
export const [provideScenarioUndo, useScenarioUndo] = stateContext<ScenarioUndo>('ScenarioUndo');
/** Editor view state (selection, tabs, dry-run decision). */
export const [provideEditor, useEditor] = stateContext<Editor>('Editor');
/** The engine worker and the latest run. */
export const [provideRunSession, useRunSession] = stateContext<RunSession>('RunSession');
/** Selection in a run's result (run, graph node, history step). */
export const [provideInspection, useInspection] = stateContext<Inspection>('Inspection');
/** The selected command or event of a run (timeline, event log, graph, history). */
export const [provideSelection, useSelection] = stateContext<Selection>('Selection');
/** The workspace file and the logs worker. */
export const [provideWorkspace, useWorkspace] = stateContext<Workspace>('Workspace');
/** The log inspector (imports, the inspected log). */
export const [provideInspector, useInspector] = stateContext<Inspector>('Inspector');
/** The open domain modules, the trust prompt, the Rule change. */
export const [provideDomainModules, useDomainModules] = stateContext<DomainModules>('DomainModules');
/** The run shown beside the current one in the Graph, History and Timeline. */
export const [provideBeside, useBeside] = stateContext<Beside>('Beside');
