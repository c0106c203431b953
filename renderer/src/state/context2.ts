/** Typed context getters for the compare/timeline/log/workspace state (kept apart from context.ts). */
import { getContext, setContext } from 'svelte';
import type { Selection } from './Selection.svelte';
import type { Workspace } from './Workspace.svelte';
import type { Inspector } from './Inspector.svelte';

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

/** The selected command or event of a run (timeline, event log, graph, history). */
export const [provideSelection, useSelection] = stateContext<Selection>('Selection');
/** The workspace file and the logs worker. */
export const [provideWorkspace, useWorkspace] = stateContext<Workspace>('Workspace');
/** The log inspector (imports, the inspected log). */
export const [provideInspector, useInspector] = stateContext<Inspector>('Inspector');
