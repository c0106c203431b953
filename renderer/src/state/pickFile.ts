/** The browser's file chooser opened from script (a shortcut's Open): the file picked, or undefined when it was cancelled. */

/** The files the workspace's Open takes (its button's chooser and Ctrl+O's). */
export const WORKSPACE_FILE_TYPES = '.purestream,.sqlite,.db,application/vnd.sqlite3';

/**
 * Opens the browser's file chooser for `accept`: it must be called while the key press or click
 * that asked is being handled (the browser opens a chooser only then). Resolves to the file
 * picked, or undefined once the chooser was cancelled.
 */
export function pickFile(accept: string): Promise<File | undefined> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  // in the page (hidden) while the chooser is open: a chooser of an input outside the document is not always shown
  input.hidden = true;
  input.tabIndex = -1;
  document.body.append(input);
  return new Promise<File | undefined>((resolve) => {
    input.addEventListener('change', () => resolve(input.files?.[0]), { once: true });
    input.addEventListener('cancel', () => resolve(undefined), { once: true });
    input.click();
  }).finally(() => input.remove());
}
