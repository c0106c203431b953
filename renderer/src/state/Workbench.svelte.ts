/** Which view the workbench shows; the one piece of navigation state. */

/** The views of the workbench, in navigation order. */
export const VIEWS = [
  { id: 'start', label: 'Start' },
  { id: 'editor', label: 'Scenario' },
  { id: 'runs', label: 'Runs' },
  { id: 'graph', label: 'Graph' },
  { id: 'history', label: 'History' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'compare', label: 'Compare' },
  { id: 'sweep', label: 'Sweep' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'eventlog', label: 'Event log' },
  { id: 'consumers', label: 'Consumers' },
  { id: 'logs', label: 'Logs' },
  { id: 'domains', label: 'Domains' },
  { id: 'workspace', label: 'Workspace' },
] as const;

/** A view id. */
export type ViewId = (typeof VIEWS)[number]['id'];

/** Navigation state: the current view. */
export class Workbench {
  view = $state.raw<ViewId>('start');

  /** Switches to a view. */
  show(view: ViewId): void {
    this.view = view;
  }
}
