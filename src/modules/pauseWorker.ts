/**
 * When a module's call has run past the limit, the worker is stuck in the module's code and
 * cannot answer: this asks it anyway, through the inspector — pauses the worker thread, reads
 * where it is, and has the worker (paused, through `Runtime.evaluate`) say which call it was
 * in and where that is in the module's own files. Best effort within a deadline; the worker is
 * terminated afterwards either way. Parent side.
 */
import { Session } from 'node:inspector';
import type { Worker } from 'node:worker_threads';

/** What a paused worker said: the call in progress and the module's file:line, when it could. */
export interface StuckAt {
  readonly call?: { readonly member: string; readonly subject: string };
  readonly location?: string;
}

/** Pauses `worker` and asks it where it is; resolves within `deadlineMs` with what it learned. */
export function pauseWorker(worker: Worker, deadlineMs = 3000): Promise<StuckAt> {
  return new Promise((done) => {
    const session = new Session();
    const learned: { call?: StuckAt['call']; location?: string } = {};
    let finished = false;
    // a worker left paused by a debugger cannot be terminated: resume it first
    let release = () => {};
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        release();
        session.disconnect();
      } catch {
        // already gone
      }
      done(learned);
    };
    const timer = setTimeout(finish, deadlineMs);
    try {
      session.connect();
    } catch {
      finish();
      return;
    }
    let id = 0;
    const replies = new Map<number, (result: Record<string, unknown> | undefined) => void>();
    session.on('NodeWorker.attachedToWorker', (m) => {
      const { sessionId, workerInfo } = m.params as { sessionId: string; workerInfo: { title: string } };
      // the inspector numbers workers its own way; the title names the thread (`[worker 2] WorkerThread`)
      if (!workerInfo.title.startsWith(`[worker ${worker.threadId}]`)) return;
      const send = (method: string, params: object = {}, reply?: (r: Record<string, unknown> | undefined) => void) => {
        const n = ++id;
        if (reply) replies.set(n, reply);
        session.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id: n, method, params }) });
      };
      const evaluate = (expression: string, reply: (value: string) => void) =>
        send('Runtime.evaluate', { expression, returnByValue: true }, (r) => reply(String((r?.result as { value?: unknown } | undefined)?.value ?? '')));
      session.on('NodeWorker.receivedMessageFromWorker', (mm) => {
        const message = JSON.parse((mm.params as { message: string }).message) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown> };
        if (message.id !== undefined) replies.get(message.id)?.(message.result);
        if (message.method !== 'Debugger.paused') return;
        const frames = (message.params!.callFrames as { location: { scriptId: string; lineNumber: number; columnNumber: number } }[]).map((f) => f.location);
        evaluate('globalThis.__purestreamCurrentCall?.() ?? "null"', (call) => {
          try {
            learned.call = JSON.parse(call) ?? undefined;
          } catch {
            // nothing to learn
          }
          evaluate(`globalThis.__purestreamLocate?.(${JSON.stringify(JSON.stringify(frames))}) ?? ""`, (location) => {
            if (location) learned.location = location;
            finish();
          });
        });
      });
      release = () => {
        send('Debugger.resume');
        send('Debugger.disable');
      };
      send('Debugger.enable');
      send('Debugger.pause');
    });
    session.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
  });
}
