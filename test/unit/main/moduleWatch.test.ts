import { describe, expect, it } from 'vitest';
import { watchModuleFiles, type WatchIo } from '../../../src/main/moduleWatch';

/** A fake file system watcher and timers: events are emitted by hand, time moves by `advance`. */
function fakeIo() {
  const listeners = new Map<string, (name: string | null) => void>();
  const closed: string[] = [];
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  const io: WatchIo = {
    watch: (folder, listener) => {
      listeners.set(folder, listener);
      return { close: () => closed.push(folder) };
    },
    setTimer: (fn, ms) => {
      const id = ++next;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => (timers = timers.filter((t) => t.id !== id)),
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { io, emit: (folder: string, name: string | null) => listeners.get(folder)?.(name), advance, closed, folders: () => [...listeners.keys()] };
}

describe('watchModuleFiles (the desktop app reloads a module when it is saved)', () => {
  it('reports one change per burst of writes, after the debounce', () => {
    const fake = fakeIo();
    let changes = 0;
    watchModuleFiles(['/work/bank.ts'], () => changes++, fake.io, 200);
    fake.emit('/work', 'bank.ts');
    fake.advance(50);
    fake.emit('/work', 'bank.ts');
    fake.emit('/work', 'bank.ts');
    fake.advance(199);
    expect(changes).toBe(0);
    fake.advance(1);
    expect(changes).toBe(1);
    fake.emit('/work', 'bank.ts');
    fake.advance(200);
    expect(changes).toBe(2);
  });

  it('watches each folder once and ignores other files in it; an unnamed event counts', () => {
    const fake = fakeIo();
    let changes = 0;
    watchModuleFiles(['/work/bank.ts', '/work/fees.ts', '/work/rules/limits.ts'], () => changes++, fake.io, 10);
    expect(fake.folders().sort()).toEqual(['/work', '/work/rules']);
    fake.emit('/work', 'notes.md');
    fake.emit('/work', '.bank.ts.swp');
    fake.advance(10);
    expect(changes).toBe(0);
    fake.emit('/work/rules', 'limits.ts');
    fake.advance(10);
    expect(changes).toBe(1);
    fake.emit('/work', null);
    fake.advance(10);
    expect(changes).toBe(2);
  });

  it('stops: no change is reported after closing, and every watcher is closed', () => {
    const fake = fakeIo();
    let changes = 0;
    const stop = watchModuleFiles(['/a/bank.ts', '/b/x.ts'], () => changes++, fake.io, 10);
    fake.emit('/a', 'bank.ts');
    stop();
    fake.advance(100);
    fake.emit('/a', 'bank.ts');
    fake.advance(100);
    expect(changes).toBe(0);
    expect(fake.closed.sort()).toEqual(['/a', '/b']);
  });

  it('a folder that cannot be watched is skipped, the others still are', () => {
    const fake = fakeIo();
    let changes = 0;
    const io: WatchIo = { ...fake.io, watch: (folder, l) => (folder === '/gone' ? (() => { throw new Error('ENOENT'); })() : fake.io.watch(folder, l)) };
    watchModuleFiles(['/gone/a.ts', '/ok/b.ts'], () => changes++, io, 10);
    fake.emit('/ok', 'b.ts');
    fake.advance(10);
    expect(changes).toBe(1);
  });
});
