/**
 * The application menu as data: the usual accelerators, items that send commands to the
 * renderer, DevTools only in development. Plain (types only from Electron), so it is tested.
 */
import type { MenuItemConstructorOptions } from 'electron';

/**
 * The menu template; `send` forwards a command (new, open, open-log, save, save-as,
 * download-scenario, run, dry-run) to the window. Save means one thing, as in the web UI: the
 * workspace, which holds the scenarios, runs and logs.
 */
export function menuTemplate(send: (command: string) => void, { devTools }: { readonly devTools: boolean }): MenuItemConstructorOptions[] {
  const item = (label: string, command: string, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  return [
    {
      label: 'File',
      submenu: [
        item('New Workspace', 'new', 'CmdOrCtrl+N'),
        item('Open Workspace…', 'open', 'CmdOrCtrl+O'),
        item('Open Log…', 'open-log', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Download Scenario…', 'download-scenario'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'Run', submenu: [item('Run All', 'run', 'CmdOrCtrl+Enter'), item('Dry Run Selection', 'dry-run', 'CmdOrCtrl+D')] },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
