/**
 * The desktop app's window as its main process's source sessions see it (src/main/sourceSessions.ts),
 * for tests against the real servers: a recorder of what would be sent (No Electron runs here),
 * a session opened on it, and the window's acknowledgements of each batch until the read's end.
 */
import { SourceSessions, type SessionHost } from '../../../src/main/sourceSessions';
import { openSourceReader } from '../../../src/sources/node/openSourceReader';
import type { SourceBatchMessage, SourceEndMessage, SourceOpenRequest, SourceSessionInfo } from '../../../src/preload/api';

/** A window that records the batches sent to it and the read's end; `open` is how the main process opens a reader. */
export function recordingWindow(open: SessionHost['open'] = (source, options) => openSourceReader(source, options)) {
  const batches: SourceBatchMessage[] = [];
  let ended: (end: SourceEndMessage) => void;
  const end = new Promise<SourceEndMessage>((r) => (ended = r));
  const host: SessionHost = {
    open,
    sendBatch: (_id, b) => batches.push(b),
    sendEnd: (_id, e) => ended(e),
    savedUrl: () => ({ error: 'none saved' }),
    remember: () => ({ secretKept: true }),
  };
  return { host, batches, end };
}

/** A session opened (not started) on a new recording window; throws the error the open gives. */
export async function openSession(request: SourceOpenRequest, open?: SessionHost['open']) {
  const w = recordingWindow(open);
  const sessions = new SourceSessions(w.host);
  const opened = await sessions.open(request);
  if (!opened.ok) throw new Error(opened.error);
  const info: SourceSessionInfo = opened.value;
  return { ...w, sessions, info, id: info.session };
}

/** Acknowledges each batch as the window takes it (every 5 ms), until `until` settles; its value. */
export async function acking<T>(sessions: SourceSessions, id: string, until: Promise<T>): Promise<T> {
  const timer = setInterval(() => sessions.ack(id), 5);
  try {
    return await until;
  } finally {
    clearInterval(timer);
  }
}
