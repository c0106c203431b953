/** The page's title (document.title) for a view: what a screen reader says on a change of page, and what a tab or window list shows. Pure. */

/** The views about the open scenario: their title names it. */
const SCENARIO_VIEWS: ReadonlySet<string> = new Set(['editor', 'runs', 'graph', 'history', 'metrics', 'compare', 'sweep', 'timeline', 'eventlog', 'consumers', 'rules']);

/** What the title names beside the view: the open scenario's name, the open log's, the workspace's. */
export interface TitleNames {
  readonly scenario?: string;
  readonly log?: string;
  readonly workspace?: string;
}

/** "Compare — Flash sale — Purestream"; a view with nothing open (or Start, Domains), "Compare — Purestream". */
export function pageTitle(view: string, label: string, names: TitleNames): string {
  const name = SCENARIO_VIEWS.has(view) ? names.scenario : view === 'logs' ? names.log : view === 'workspace' ? names.workspace : undefined;
  return [label, name, 'Purestream'].filter((part) => part !== undefined && part !== '').join(' — ');
}
