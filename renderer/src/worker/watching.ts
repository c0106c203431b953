/**
 * The page's side of the one-second watchdog (../../../src/engine/module/callWatch): while a
 * task is in flight, the module's heartbeat is read every 100 ms; a call running past the limit
 * is reported once, and the report must end the task (terminate its worker).
 */
import { readWatch, StuckCall, type WatchReading } from '../../../src/engine/module/callWatch';

/** `task`, watched through `watch`; `onStuck` gets the reading of a call that ran past the limit. */
export async function watching<R>(watch: SharedArrayBuffer, task: Promise<R>, onStuck: (reading: WatchReading) => void): Promise<R> {
  const stuck = new StuckCall();
  const timer = setInterval(() => {
    const reading = readWatch(watch);
    if (!stuck.tick(reading, performance.now())) return;
    clearInterval(timer);
    onStuck(reading);
  }, 100);
  try {
    return await task;
  } finally {
    clearInterval(timer);
  }
}
