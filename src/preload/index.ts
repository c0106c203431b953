/** The preload: exposes exactly one typed API (`window.purestream`) over validated IPC channels. */
import { contextBridge, ipcRenderer } from 'electron';
import { Channel, type FileKind, type PurestreamApi } from './api';

const api: PurestreamApi = {
  openFile: (kind: FileKind) => ipcRenderer.invoke(Channel.openFile, kind),
  saveFile: (kind, contents, path, suggestedName) => ipcRenderer.invoke(Channel.saveFile, kind, contents, path, suggestedName),
  recentFiles: () => ipcRenderer.invoke(Channel.recentFiles),
  onMenuCommand(listener) {
    const handler = (_e: unknown, command: string) => listener(command);
    ipcRenderer.on(Channel.menuCommand, handler);
    return () => ipcRenderer.removeListener(Channel.menuCommand, handler);
  },
};

contextBridge.exposeInMainWorld('purestream', api);
