/**
 * The app's commands (what the desktop menu sends) and their keyboard shortcuts on the web,
 * the same accelerators as the menu in src/main/menu.ts. Pure.
 */
import { keyAction, type KeyCombo, type KeyPress } from './keys';

export type { KeyPress } from './keys';

/**
 * A command of the File/Run menus. Save and Save As mean the workspace (which holds the
 * scenarios, runs and logs); the scenario alone is downloaded, and named so.
 */
export type AppCommand = 'new' | 'open' | 'open-log' | 'save' | 'save-as' | 'download-scenario' | 'run' | 'dry-run';

/** Each command: what it does, in the words of the desktop menu, and its keys on the web (none: Ctrl+N is the browser's, which the page cannot take). */
export const APP_COMMANDS: Readonly<Record<AppCommand, { readonly does: string; readonly keys: readonly KeyCombo[] }>> = {
  new: { does: 'New workspace (the desktop app; in the browser, New in the Workspace view)', keys: [] },
  open: { does: 'Open a workspace file', keys: [{ key: 'o', ctrl: true }] },
  'open-log': { does: 'Open a log (the Logs view)', keys: [{ key: 'o', ctrl: true, shift: true }] },
  save: { does: 'Save the workspace, with the open scenario and its run', keys: [{ key: 's', ctrl: true }] },
  'save-as': { does: 'Save the workspace as another file', keys: [{ key: 's', ctrl: true, shift: true }] },
  'download-scenario': { does: 'Download the scenario', keys: [] },
  run: { does: 'Run all runs of the scenario (in the Scenario view: dry-run the selected command)', keys: [{ key: 'Enter', ctrl: true }] },
  'dry-run': { does: 'Dry-run: go to the Scenario view, where Ctrl+Enter dry-runs the selected command', keys: [{ key: 'd', ctrl: true }] },
};

const COMMANDS = Object.keys(APP_COMMANDS) as AppCommand[];

/** Narrows a menu message to a known command. */
export const isAppCommand = (value: unknown): value is AppCommand => COMMANDS.includes(value as AppCommand);

/** Each command's keys, for matching. */
const COMMAND_KEYS = Object.fromEntries(COMMANDS.map((c) => [c, APP_COMMANDS[c].keys])) as Record<AppCommand, readonly KeyCombo[]>;

/**
 * The command a key press stands for in the browser, or undefined. Ctrl (⌘ on macOS) + S saves
 * the workspace (in every view), + Shift + S saves it as, + O opens, + Shift + O opens a log, + Enter runs, + D dry-runs.
 * Ctrl+N is left to the browser (it cannot be taken from it); the desktop menu has it.
 */
export const commandForKey = (e: KeyPress): AppCommand | undefined => keyAction(COMMAND_KEYS, e);
