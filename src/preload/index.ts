/** The preload: exposes exactly one typed API (`window.purestream`) over validated IPC channels. */
import { contextBridge, ipcRenderer } from 'electron';
import { Channel, type FileKind, type PurestreamApi, type SourceBatchMessage, type SourceEndMessage } from './api';

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
  sources: {
    recent: () => ipcRenderer.invoke(Channel.sourceRecent),
    forget: (id) => ipcRenderer.invoke(Channel.sourceForget, id),
    open: (request) => ipcRenderer.invoke(Channel.sourceOpen, request),
    start: (session) => ipcRenderer.send(Channel.sourceStart, session),
    ack: (session) => ipcRenderer.send(Channel.sourceAck, session),
    stop: (session) => ipcRenderer.invoke(Channel.sourceStop, session),
    earlier: (session, record, more) => ipcRenderer.invoke(Channel.sourceEarlier, session, record, more),
    onBatch(listener) {
      const handler = (_e: unknown, session: string, batch: SourceBatchMessage) => listener(session, batch);
      ipcRenderer.on(Channel.sourceBatch, handler);
      return () => ipcRenderer.removeListener(Channel.sourceBatch, handler);
    },
    onEnd(listener) {
      const handler = (_e: unknown, session: string, end: SourceEndMessage) => listener(session, end);
      ipcRenderer.on(Channel.sourceEnd, handler);
      return () => ipcRenderer.removeListener(Channel.sourceEnd, handler);
    },
  },
};

contextBridge.exposeInMainWorld('purestream', api);
