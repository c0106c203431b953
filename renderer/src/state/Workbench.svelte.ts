/**
 * Which view the workbench shows; the one piece of navigation state. Each view has its own URL
 * (`#/runs`), so Back and Forward move between views inside the page and keep the session. A
 * URL that names no view (`#/events`) shows Start, and says so with the view it likely meant.
 */
import { hashOfView, unknownRoute, viewOfHash, type UnknownRoute } from '../../lib/route';

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
  { id: 'rules', label: 'Rule change' },
  { id: 'workspace', label: 'Workspace' },
] as const;

/** A view id. */
export type ViewId = (typeof VIEWS)[number]['id'];

const VIEW_IDS: readonly ViewId[] = VIEWS.map((v) => v.id);

/** The view the page's URL names. */
const viewOfLocation = (): ViewId => viewOfHash(location.hash, VIEW_IDS, 'start');

/** The route the page's URL asks for when it names no view. */
const unknownOfLocation = (): UnknownRoute<ViewId> | undefined => unknownRoute(location.hash, VIEWS);

/** Navigation state: the current view, kept in step with the URL's hash. */
export class Workbench {
  view = $state.raw<ViewId>(typeof location === 'undefined' ? 'start' : viewOfLocation());
  /** A URL that named no view, shown as a notice on Start until dismissed or another view is shown. */
  unknown = $state.raw<UnknownRoute<ViewId> | undefined>(typeof location === 'undefined' ? undefined : unknownOfLocation());

  constructor() {
    if (typeof window === 'undefined') return;
    // Back, Forward, or a hash typed into the address bar.
    const follow = () => {
      this.view = viewOfLocation();
      this.unknown = unknownOfLocation();
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
  }

  /** Switches to a view, as a new history entry (Back returns to the one before). */
  show(view: ViewId): void {
    this.unknown = undefined;
    if (view === this.view && location.hash === hashOfView(view)) return;
    this.view = view;
    if (typeof history !== 'undefined') history.pushState(null, '', hashOfView(view));
  }

  /** Takes away the notice of a URL that named no view. */
  dismissUnknown(): void {
    this.unknown = undefined;
  }
}
