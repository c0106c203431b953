import { describe, expect, it, vi } from 'vitest';
import { LogPages } from '../../../../renderer/src/worker/logs/logPages';
import { WorkspaceFile } from '../../../../renderer/src/worker/logs/workspaceFile';
import { WorkspaceLogs } from '../../../../renderer/src/worker/logs/workspaceLogs';

// sql.js finds its wasm itself under Node (the worker's locateFile names the browser build's URL)
vi.mock('sql.js', async (original) => {
  const real = (await original()) as { default: () => Promise<unknown> };
  return { default: () => real.default() };
});

const row = (seq: number) => ({ seq, line: seq, id: `e${seq}`, type: 'BookReturned', stream: 'book-1', at: seq, data: {}, raw: '{}' });

describe("the logs worker's workspace, asked for by an import while init still opens it", () => {
  it('stores the import in the workspace init answers with, so the table reads its rows', async () => {
    const file = new WorkspaceFile();
    const pages = new LogPages(file);
    const logs = new WorkspaceLogs(file, pages);
    // the UI's init is in flight (sql.js still loading) when a log file is opened
    const init = file.init();
    const logId = await logs.create({ name: 'library.jsonl', source: 'file', imported: 0 }, false);
    logs.append(logId, [row(1), row(2), row(3)]);
    expect((await init).restored).toBe(false);
    const source = { db: 'workspace', logId } as const;
    expect((await file.contents()).logs.map((l) => l.logId)).toEqual([logId]);
    const reply = await pages.rows(source, {}, 0, 10);
    expect(reply.total).toBe(3);
    expect(reply.events.map((e) => e.type)).toEqual(['BookReturned', 'BookReturned', 'BookReturned']);
    expect(pages.types(source).types).toEqual(['BookReturned']);
  });
});
