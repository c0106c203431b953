/** The main process's confirmation dialogs as data (Electron's MessageBoxOptions shape); plain. */

/** A message box's options, and which button index means yes. */
export interface Confirmation {
  readonly options: { readonly type: 'question' | 'warning'; readonly buttons: string[]; readonly defaultId: number; readonly cancelId: number; readonly title: string; readonly message: string; readonly detail: string };
  readonly yes: number;
}

/** Asked before a documentation link opens in the browser. */
export const confirmExternalLink = (url: string): Confirmation => ({
  options: { type: 'question', buttons: ['Open in Browser', 'Cancel'], defaultId: 0, cancelId: 1, title: 'Open link', message: 'Open this page in your browser?', detail: url },
  yes: 0,
});

/** Asked when the page holds unsaved work and the window is closed or reloaded (the page's beforeunload said so). */
export const confirmLeave = (): Confirmation => ({
  options: {
    type: 'warning',
    buttons: ['Leave', 'Stay'],
    defaultId: 1,
    cancelId: 1,
    title: 'Unsaved work',
    message: 'Leave Purestream with unsaved work?',
    detail: 'The workspace has changes that are not saved to its file, or a run that is not in the workspace. Stay and choose File › Save to keep them.',
  },
  yes: 0,
});
