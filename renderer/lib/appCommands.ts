/**
 * The app's commands (what the desktop menu sends) and their keyboard shortcuts on the web,
 * the same accelerators as the menu in src/main/menu.ts. Pure.
 */

/**
 * A command of the File/Run menus. Save and Save As mean the workspace (which holds the
 * scenarios, runs and logs); the scenario alone is downloaded, and named so.
 */
export type AppCommand = 'new' | 'open' | 'open-log' | 'save' | 'save-as' | 'download-scenario' | 'run' | 'dry-run';

const COMMANDS: readonly AppCommand[] = ['new', 'open', 'open-log', 'save', 'save-as', 'download-scenario', 'run', 'dry-run'];

/** Narrows a menu message to a known command. */
export const isAppCommand = (value: unknown): value is AppCommand => COMMANDS.includes(value as AppCommand);

/** The parts of a key event a shortcut depends on. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * The command a key press stands for in the browser, or undefined. Ctrl (⌘ on macOS) + S saves
 * the workspace (in every view), + Shift + S saves it as, + O opens, + Shift + O opens a log, + Enter runs, + D dry-runs.
 * Ctrl+N is left to the browser (it cannot be taken from it); the desktop menu has it.
 */
export function commandForKey(e: KeyPress): AppCommand | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 's') return e.shiftKey ? 'save-as' : 'save';
  if (key === 'o') return e.shiftKey ? 'open-log' : 'open';
  if (key === 'enter' && !e.shiftKey) return 'run';
  if (key === 'd' && !e.shiftKey) return 'dry-run';
  return undefined;
}
