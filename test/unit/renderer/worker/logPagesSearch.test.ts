/** The logs worker's searches for the event tables: shared by the tables that wait for them, stopped when none waits any more, their progress told. */
import { describe, expect, it, vi } from 'vitest';
import { SCAN_CHUNK } from '../../../../renderer/lib/eventlog/filterSeqs';
import { LogPages } from '../../../../renderer/src/worker/logs/logPages';
import { WorkspaceFile } from '../../../../renderer/src/worker/logs/workspaceFile';
import { WorkspaceLogs } from '../../../../renderer/src/worker/logs/workspaceLogs';

// sql.js finds its wasm itself under Node (the worker's locateFile names the browser build's URL)
vi.mock('sql.js', async (original) => {
  const real = (await original()) as { default: () => Promise<unknown> };
  return { default: () => real.default() };
});

const N = SCAN_CHUNK * 3;
const row = (seq: number) => ({ seq, line: seq, id: `e${seq}`, type: 'Happened', stream: `Order-${seq % 10}`, at: seq, data: { n: seq }, raw: '{}' });

async function pagesOfBigLog() {
  const file = new WorkspaceFile();
  const pages = new LogPages(file);
  const logs = new WorkspaceLogs(file, pages);
  await file.init();
  const logId = await logs.create({ name: 'big.jsonl', source: 'file', imported: 0 }, false);
  await logs.append(logId, Array.from({ length: N }, (_, i) => row(i + 1)));
  return { pages, source: { db: 'workspace', logId } as const };
}

describe('LogPages: searches', () => {
  it('stops the search a table no longer waits for (it asked for another filter); the newer one answers', async () => {
    const { pages, source } = await pagesOfBigLog();
    const older = pages.rows(source, { text: 'e1' }, 0, 10, 'table-1');
    const newer = pages.rows(source, { stream: 'ORDER-3' }, 0, 10, 'table-1');
    expect(await older).toEqual({ total: 0, first: 0, events: [], stopped: true });
    const reply = await newer;
    expect(reply.total).toBe(Array.from({ length: N }, (_, i) => (i + 1) % 10).filter((r) => r === 3).length);
    expect(reply.events.map((e) => e.stream)).toEqual(Array(10).fill('Order-3'));
  });

  it('keeps a search another table waits for, and tells how far it got; Stop ends it', async () => {
    const { pages, source } = await pagesOfBigLog();
    const first = pages.rows(source, { text: 'happened' }, 0, 5, 'a');
    const second = pages.rows(source, { text: 'happened' }, 0, 5, 'b');
    void pages.rows(source, {}, 0, 5, 'a');
    expect((await second).total).toBe(N);
    expect((await first).total).toBe(N);

    const stopped = pages.rows(source, { text: 'order-7' }, 0, 5, 'c');
    await new Promise((done) => setTimeout(done, 0));
    const progress = pages.searchProgress('c')!;
    expect(progress.of).toBe(N);
    expect(progress.scanned).toBeGreaterThanOrEqual(SCAN_CHUNK);
    expect(progress.scanned).toBeLessThan(N);
    pages.stopSearch('c');
    expect(await stopped).toMatchObject({ stopped: true });
    expect(pages.searchProgress('c')).toBeUndefined();
  });
});
