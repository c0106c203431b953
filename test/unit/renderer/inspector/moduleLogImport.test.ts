/**
 * A log read with a domain module goes through the same import as a bundled domain's
 * (renderer/src/worker/logs/logImport.ts), wherever the domain runs: here the module's guarded
 * DomainModule, named by its file name, with the workspace's database in place of the port.
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { compileReading, LogImport, previewStored, storedChange, type DomainOf } from '../../../../renderer/src/worker/logs/logImport';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { listLogs } from '../../../../src/store/logs';
import { createWorkspace } from '../../../../src/store/workspace';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const id = { type: 'string', minLength: 1 };
/** A library: a book is lent to one member at a time (the invariant). */
const library = (evolveHook: (event: { type: string; data: { bookId: string } }) => void = () => {}) =>
  domainModule(
    {
      id: 'library',
      eventSchemas: {
        BookAdded: { type: 'object', properties: { bookId: id }, required: ['bookId'] },
        BookLent: { type: 'object', properties: { bookId: id, member: id }, required: ['bookId', 'member'] },
      },
      decide: () => ({ type: 'accepted', events: [] }),
      evolve(book: { bookId: string; lentTo: string[] } | undefined, event: { type: string; data: { bookId: string; member?: string } }) {
        evolveHook(event);
        return event.type === 'BookAdded' ? { bookId: event.data.bookId, lentTo: [] } : { ...book!, lentTo: [...book!.lentTo, event.data.member!] };
      },
      streamOf: (event: { data: { bookId: string } }) => `book:${event.data.bookId}`,
      invariants: [{ name: 'lent-once', description: 'one member at a time', violation: (_: string, book: { bookId: string; lentTo: string[] }) => (book.lentTo.length > 1 ? `${book.bookId} is lent twice` : undefined) }],
    },
    { name: 'library.ts', defaultId: 'library', guard: new CallGuard({ module: 'library.ts' }) },
  );

const log = [
  { type: 'book_added', stream: 'b1', data: { bookId: 'b1' } },
  { type: 'book_lent', stream: 'b1', data: { bookId: 'b1', member: 'ada' } },
  { type: 'book_lent', stream: 'b1', data: { bookId: 'b1', member: 'alan' } },
]
  .map((r, i) => JSON.stringify({ id: `e${i + 1}`, ...r }))
  .join('\n');
const map = { format: 'purestream/map@1', types: { book_added: 'BookAdded', book_lent: 'BookLent' } };

describe('a log read with a domain module', () => {
  it('is imported without a domain, then inspected again with the module by its file name: violations, the reading and the list name it so, the old log is gone', async () => {
    const db = createWorkspace(sqlJs);
    const module = library();
    const domainOf: DomainOf = (name) => (name === 'library.ts' ? module : undefined);
    const imports = new LogImport(new DatabaseLogs(db), domainOf);
    const first = await imports.run({ kind: 'text', text: log }, { name: 'library.jsonl', domain: null, map }, () => {});
    expect(first.report.domain).toBeNull();
    const again = await imports.again(first.source.logId, { name: 'library.jsonl', domain: 'library.ts', map }, () => {});
    expect(again.report.domain).toBe('library');
    expect(again.report.violations.map((v) => [v.invariant, v.line])).toEqual([['lent-once', 3]]);
    expect(listLogs(db).map((l) => [l.logId, l.domain])).toEqual([[again.source.logId, 'library.ts']]);
    const logs = new DatabaseLogs(db);
    const { reading } = logs.stored(again.source.logId);
    expect(reading).toMatchObject({ domain: 'library.ts', map });
    // a record's stream before and after it (read as the log was stored), and the Mapping dialog's preview, with the module
    expect(await storedChange(logs, again.source.logId, 3, reading!, domainOf)).toEqual({ stream: 'book:b1', before: { bookId: 'b1', lentTo: ['ada'] }, after: { bookId: 'b1', lentTo: ['ada', 'alan'] }, replayed: true });
    expect(await storedChange(logs, again.source.logId, 3, reading!)).toBeUndefined(); // the logs worker has no module: it leaves that to the module's worker
    const preview = await previewStored(logs, again.source.logId, { domain: 'library.ts' }, 2, domainOf);
    expect(preview.rows.map((r) => r.problem)).toEqual([expect.stringContaining('unknown event type "book_added" for domain library'), expect.stringContaining('"book_lent"')]);
  });

  it("stops at a module's fault with its message; nothing of the new log is kept and the old one stays", async () => {
    const db = createWorkspace(sqlJs);
    const module = library((event) => {
      if (event.type === 'BookLent') throw new Error('the catalogue is closed');
    });
    const imports = new LogImport(new DatabaseLogs(db), (name) => (name === 'library.ts' ? module : undefined));
    const first = await imports.run({ kind: 'text', text: log }, { name: 'library.jsonl', domain: null }, () => {});
    const failed = imports.again(first.source.logId, { name: 'library.jsonl', domain: 'library.ts', map }, () => {});
    await expect(failed).rejects.toMatchObject({ name: 'ModuleFault', message: expect.stringMatching(/^library\.ts: evolve threw .*the catalogue is closed/) });
    expect(listLogs(db).map((l) => l.logId)).toEqual([first.source.logId]);
  });

  it("checks a map against the module's event types, and says a map made for other rules is one", () => {
    const module = library();
    const domainOf: DomainOf = (name) => (name === 'library.ts' ? module : undefined);
    expect(() => compileReading({ domain: 'library.ts', map: { book_added: 'OrderPlaced' } }, domainOf)).toThrow(
      'the map names event types library does not have (change the map, or choose the domain it was made for):\n"book_added": "OrderPlaced" is not an event type of library\nlibrary\'s event types: BookAdded, BookLent',
    );
    expect(() => compileReading({ domain: 'library.ts' })).toThrow('unknown domain "library.ts"');
  });
});
