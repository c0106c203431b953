/** The preload: exposes exactly one typed API (`window.purestream`) over validated IPC channels. */
import { contextBridge, ipcRenderer } from 'electron';
import { Channel, type FileKind, type PurestreamApi } from './api';

const api: PurestreamApi = {
  openFile: (kind: FileKind) => ipcRenderer.invoke(Channel.openFile, kind),
  saveFile: (kind, contents, token, suggestedName) => ipcRenderer.invoke(Channel.saveFile, kind, contents, token, suggestedName),
  recentFiles: () => ipcRenderer.invoke(Channel.recentFiles),
  openRecent: (token) => ipcRenderer.invoke(Channel.openRecent, token),
  openExternal: (url) => ipcRenderer.invoke(Channel.openExternal, url),
  openDomain: () => ipcRenderer.invoke(Channel.openDomain),
  readDomain: (token) => ipcRenderer.invoke(Channel.readDomain, token),
  onDomainChanged(listener) {
    const handler = (_e: unknown, token: string) => listener(token);
    ipcRenderer.on(Channel.domainChanged, handler);
    return () => ipcRenderer.removeListener(Channel.domainChanged, handler);
  },
  onMenuCommand(listener) {
    const handler = (_e: unknown, command: string) => listener(command);
    ipcRenderer.on(Channel.menuCommand, handler);
    return () => ipcRenderer.removeListener(Channel.menuCommand, handler);
  },
};

contextBridge.exposeInMainWorld('purestream', api);
