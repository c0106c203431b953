/**
 * What the SQL query box loads into its worker comes from the reader of the result: the tables of
 * the domain the result was run with — a module's too (the query worker knows no module) — and
 * every row of each.
 */
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { parseScenario, runScenario } from '../../../../src/engine';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';

const THINGS = { name: 'things', create: 'CREATE TABLE things (id TEXT PRIMARY KEY)' };

/** A module keeping a table of the things that went. */
const tables: AnyDomainModule = domainModule(
  {
    decide: (command: { data: { id: string } }) => ({ type: 'accepted', events: [{ type: 'Went', data: command.data }] }),
    evolve: (state: { n?: number } | undefined) => ({ n: (state?.n ?? 0) + 1 }),
    streamOf: (event: { data: { id: string } }) => `thing:${event.data.id}`,
    sql: { tables: [THINGS], statementsFor: (event: { data: { id: string } }) => [{ sql: 'INSERT INTO things (id) VALUES (?)', params: [event.data.id] }] },
  },
  { name: 'tables.mjs', defaultId: 'tables', guard: new CallGuard({ module: 'tables.mjs' }) },
);

async function readerOf(file: object, domain?: AnyDomainModule): Promise<TraceReader> {
  const parsed = parseScenario(file, undefined, domain ? { domain } : {});
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const services = { sqlJs: await initSqlJs() };
  return new TraceReader(runScenario(parsed.scenario, { trace: true, services, ...(domain ? { domain } : {}) }), parsed.scenario, async () => services, domain);
}

describe("a sql consumer's tables to load into the query worker", () => {
  it("carry a module's declarations, read where the result is kept (the module's worker)", async () => {
    const reader = await readerOf(
      {
        format: 'purestream/scenario@1',
        name: 'With tables',
        domain: './tables.mjs',
        commands: ['x', 'y'].map((id) => ({ type: 'Go', data: { id } })),
        runs: [{ name: 'one queue', consumers: [{ name: 'db', interpreter: 'sql' }] }],
      },
      tables,
    );
    const loaded = await reader.outputTables(0, 'db');
    expect(loaded.declarations).toEqual([THINGS]);
    expect([...loaded.rows]).toEqual([['things', [{ id: 'x' }, { id: 'y' }]]]);
    // plain data: it crosses to the query worker
    expect(structuredClone(loaded)).toEqual(loaded);
  });

  it("carry a bundled domain's declarations", async () => {
    const reader = await readerOf({
      format: 'purestream/scenario@1',
      name: 'orders',
      domain: 'commerce',
      commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 3 } }],
      runs: [{ name: 'one queue', consumers: [{ name: 'tables', interpreter: 'sql' }] }],
    });
    const loaded = await reader.outputTables(0, 'tables');
    expect(loaded.declarations.map((t) => t.name)).toEqual(bundledDomain('commerce')!.sql!.tables.map((t) => t.name));
    expect(loaded.rows.size).toBeGreaterThan(0);
  });
});
