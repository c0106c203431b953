/**
 * Where the lesson panel shows folded to its strip. Views apart from the open scenario (another
 * log, the domain modules, the workspace's files) have it folded out of the way unless the user
 * unfolds it there; the scenario's views show it as the user left it — for the whole session:
 * the user's fold is kept (in sessionStorage, as `remembered` writes it) across the samples
 * opened and reloads of the tab. A view may fold it for the room it needs for a while
 * (`foldingGives`: the graph beside a node's details), never kept. Pure.
 */

/** The views that have nothing to do with the open scenario. */
const APART_FROM_SCENARIO: readonly string[] = ['logs', 'domains', 'workspace'];

/** The user's folding: folded in the scenario's views, and the view apart where it was unfolded. */
export interface LessonFolding {
  readonly folded: boolean;
  readonly unfoldedIn?: string;
}

const apart = (view: string): boolean => APART_FROM_SCENARIO.includes(view);

/** Whether the lesson shows as its strip in `view`. */
export const foldedIn = (f: LessonFolding, view: string): boolean => f.folded || (apart(view) && f.unfoldedIn !== view);

/** The folding once the user unfolds the lesson in `view` (in a view apart, for that view). */
export const unfolded = (view: string): LessonFolding => (apart(view) ? { folded: false, unfoldedIn: view } : { folded: false });

/** The folding once the user folds the lesson in `view`: in a view apart, for that view alone. */
export const foldedAt = (f: LessonFolding, view: string): LessonFolding => (apart(view) ? { folded: f.folded } : { folded: true });

/** The width of the folded lesson's strip (LessonPanel.svelte). */
export const LESSON_STRIP = 34;

/** Of the width the lesson gives up, the share the graph's canvas gets at least: the node details beside it take at most 32% of their row (CausationGraph.svelte). */
const CANVAS_SHARE = 0.68;

/**
 * Whether folding the lesson, `width` px wide, gives a canvas `short` px too narrow for its graph
 * at readable labels the room it lacks. Only then is it folded for the graph: folding it for a
 * graph that would still not show whole takes the lesson away for nothing.
 */
export const foldingGives = (short: number, width: number): boolean => short > 0 && short <= (width - LESSON_STRIP) * CANVAS_SHARE;

/** The sessionStorage key of the user's fold. */
export const LESSON_FOLDED_KEY = 'purestream.lesson.folded';

/** The folding a session starts with, from what `remembered` stored (null: nothing: unfolded). */
export const storedFolding = (stored: string | null): LessonFolding => ({ folded: stored === 'true' });

/** What is stored of a folding: the user's fold in the scenario's views ("true" or "false"). */
export const remembered = (f: LessonFolding): string => String(f.folded);
