/**
 * The one typed API the preload exposes on `window.purestream` (contextBridge), and the IPC
 * channel names main and preload share. The renderer treats it as optional: on the web it is absent.
 */

/** IPC channels, shared by main and preload. */
export const Channel = {
  openFile: 'purestream:open-file',
  saveFile: 'purestream:save-file',
  recentFiles: 'purestream:recent-files',
  menuCommand: 'purestream:menu-command',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** A file the user picked: its path and contents (text, or bytes for workspaces). */
export interface OpenedFile {
  readonly path: string;
  readonly name: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

export type FileKind = 'scenario' | 'log' | 'workspace';

/** The result of a file handler: the value, or a readable error naming the file. */
export type FileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface PurestreamApi {
  /** Shows the native Open dialog; resolves null when the user cancels. */
  openFile(kind: FileKind): Promise<FileResult<OpenedFile | null>>;
  /** Saves to `path`, or shows the native Save dialog when path is undefined; resolves the path written, or null when cancelled. */
  saveFile(kind: FileKind, contents: string | Uint8Array, path?: string, suggestedName?: string): Promise<FileResult<string | null>>;
  recentFiles(): Promise<readonly string[]>;
  /** Subscribes to application-menu commands (new, open, save, save-as); returns an unsubscribe function. */
  onMenuCommand(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    purestream?: PurestreamApi;
  }
}
