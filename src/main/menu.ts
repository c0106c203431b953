/** The application menu with the usual accelerators; menu items send commands to the renderer. */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** Builds the menu; `send` forwards a command (new, open, save, save-as, open-log, run) to the window. */
export function applicationMenu(send: (command: string) => void): Menu {
  const item = (label: string, command: string, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        item('New Workspace', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        item('Open Log…', 'open-log', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'Run', submenu: [item('Run All', 'run', 'CmdOrCtrl+Enter'), item('Dry Run Selection', 'dry-run', 'CmdOrCtrl+D')] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
  ];
  return Menu.buildFromTemplate(template);
}
