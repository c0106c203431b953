/** Typed context getters for the app state; each throws a clear message when missing. */
import { getContext, setContext } from 'svelte';
import type { Workbench } from './Workbench.svelte';

const WORKBENCH = Symbol('Workbench');

/** Makes the navigation state available to descendants. */
export const provideWorkbench = (w: Workbench): Workbench => setContext(WORKBENCH, w);

/** The navigation state; throws when no ancestor provided it. */
export function useWorkbench(): Workbench {
  const w = getContext<Workbench | undefined>(WORKBENCH);
  if (!w) throw new Error('useWorkbench(): no Workbench in context — call provideWorkbench() in App.svelte');
  return w;
}
