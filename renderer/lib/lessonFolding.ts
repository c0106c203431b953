/**
 * Where the lesson panel shows folded to its strip. Views apart from the open scenario (another
 * log, the domain modules, the workspace's files) have it folded out of the way unless the user
 * unfolds it there; the scenario's views show it as the user left it — for the whole session:
 * the user's fold is kept (in sessionStorage, as `remembered` writes it) across the samples
 * opened and reloads of the tab. Views may fold it for the room they need for a while
 * (`foldingGives`: the graph beside a node's details; two graph panes may need it at once: a
 * `RoomFold`), never kept. Pure.
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

/**
 * Whether a graph `short` px too narrow for its columns at readable labels (negative: with px to
 * spare) needs the room of the lesson, `width` px wide unfolded. With the lesson folded for room
 * already (`given`: by another graph pane) the graph was measured with that room: it needs it when
 * it fits now and would not with the lesson back, the least it gets from the fold taken from it.
 */
export function needsRoom(short: number, width: number, given: boolean): boolean {
  if (!given) return foldingGives(short, width);
  return short <= 0 && short + (width - LESSON_STRIP) * CANVAS_SHARE > 0;
}

/**
 * The lesson folded for views' room: the views holding it folded (each graph pane by an id), the
 * width it had unfolded, and whether the user unfolded it while held. It is folded while any holds
 * it and the user has not unfolded it; it unfolds when the last lets go, so one pane letting go
 * while another still needs the room does not unfold it in between.
 */
export interface RoomFold {
  readonly holders: readonly string[];
  /** The lesson's width unfolded when the first holder folded it (shown folded, it has none). */
  readonly width: number;
  readonly refused: boolean;
}

/** No view holds the lesson folded. */
export const NO_ROOM_FOLD: RoomFold = { holders: [], width: 0, refused: false };

/** Whether the lesson shows folded for the views' room. */
export const foldedForRoom = (room: RoomFold): boolean => room.holders.length > 0 && !room.refused;

/** `holder` holds the lesson folded (it was `width` px wide unfolded); holding it again changes nothing. */
export const roomHeld = (room: RoomFold, holder: string, width: number): RoomFold =>
  room.holders.includes(holder) ? room : { ...room, holders: [...room.holders, holder], width: room.holders.length > 0 ? room.width : width };

/** `holder` lets go: when no view holds it any more the lesson shows as the user left it, and a later hold folds it again. */
export function roomReleased(room: RoomFold, holder: string): RoomFold {
  const holders = room.holders.filter((h) => h !== holder);
  return holders.length === 0 ? NO_ROOM_FOLD : { ...room, holders };
}

/** The user unfolded the lesson: it stays unfolded until every holder has let go. */
export const roomRefused = (room: RoomFold): RoomFold => (room.holders.length > 0 ? { ...room, refused: true } : room);

/** The sessionStorage key of the user's fold. */
export const LESSON_FOLDED_KEY = 'purestream.lesson.folded';

/** The folding a session starts with, from what `remembered` stored (null: nothing: unfolded). */
export const storedFolding = (stored: string | null): LessonFolding => ({ folded: stored === 'true' });

/** What is stored of a folding: the user's fold in the scenario's views ("true" or "false"). */
export const remembered = (f: LessonFolding): string => String(f.folded);
