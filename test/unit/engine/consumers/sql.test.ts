import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { querySql } from '../../../../src/engine/consumers/querySql';
import { exportSqlite, SqlInterpreter } from '../../../../src/engine/consumers/sql';
import { sqlMatchesState } from '../../../../src/engine/consumers/sqlAgreement';
import { StateStore } from '../../../../src/engine/consumers/stateStore';
import { AuditLog } from '../../../../src/engine/consumers/auditLog';
import type { AnyDomainModule } from '../../../../domain/kernel';
import type { LogEntry } from '../../../../src/engine/types';
import { commerceCommands, loadSqlJs, logOf, profilesCommands } from './fixtures';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const enactAll = (decider: AnyDomainModule, log: readonly LogEntry[], idempotent = false) => {
  const sql = new SqlInterpreter(decider, sqlJs, idempotent);
  const state = new StateStore(decider);
  for (const e of log) {
    expect(sql.enact(e, 0)).toEqual({ type: 'enacted' });
    state.enact(e, 0);
  }
  return { sql, state };
};

describe('sql interpreter', () => {
  it('enacts a commerce log into the stock and orders tables', () => {
    const { sql } = enactAll(commerce, logOf(commerce, commerceCommands));
    expect(sql.output()).toEqual({
      stock: [
        { sku: 'mug', warehouse: 'east', stock: 0 },
        { sku: 'tee', warehouse: 'main', stock: 5 },
      ],
      orders: [
        { order_id: 'o1', customer_id: 'ann', sku: 'tee', qty: 2, warehouse: 'main', status: 'cancelled' },
        { order_id: 'o2', customer_id: 'bob', sku: 'mug', qty: 2, warehouse: 'east', status: 'shipped' },
      ],
    });
  });

  it('enacts a profiles log into the profiles and gallery_images tables', () => {
    const { sql } = enactAll(profiles, logOf(profiles, profilesCommands));
    expect(sql.output()).toEqual({
      profiles: [
        { profile_id: 'p1', user_id: 'ada', title: 'Hello', bio: 'engines', first_name: 'Ada', last_name: 'Lovelace', updated_at: 30 },
        { profile_id: 'p2', user_id: 'bo', title: 'Yo', bio: '', first_name: 'Bo', last_name: 'B', updated_at: 20 },
      ],
      gallery_images: [
        { profile_id: 'p1', image_ref: 'a.png', position: 0 },
        { profile_id: 'p1', image_ref: 'c.png', position: 2 },
        { profile_id: 'p1', image_ref: 'd.png', position: 3 },
      ],
    });
  });

  it('agrees with the state store after the same events, in both domains', () => {
    for (const [decider, commands] of [
      [commerce, commerceCommands],
      [profiles, profilesCommands],
    ] as const) {
      const { sql, state } = enactAll(decider, logOf(decider, commands));
      expect(sqlMatchesState(sql, state.snapshot(), decider)).toEqual([]);
    }
  });

  it('reports the rows that disagree with the state', () => {
    const log = logOf(commerce, commerceCommands);
    const { sql, state } = enactAll(commerce, log.slice(0, 8));
    state.enact(log[8], 0);
    expect(sqlMatchesState(sql, state.snapshot(), commerce)).toEqual([
      {
        table: 'orders',
        key: '["o2"]',
        state: { order_id: 'o2', customer_id: 'bob', sku: 'mug', qty: 2, warehouse: 'east', status: 'shipped' },
        sql: { order_id: 'o2', customer_id: 'bob', sku: 'mug', qty: 2, warehouse: 'east', status: 'placed' },
      },
    ]);
    const empty = new SqlInterpreter(commerce, sqlJs);
    expect(sqlMatchesState(empty, { 'stock:x@main': { sku: 'x', warehouse: 'main', stock: 1 } }, commerce)).toEqual([
      { table: 'stock', key: '["x","main"]', state: { sku: 'x', warehouse: 'main', stock: 1 }, sql: undefined },
    ]);
  });

  it('applies a duplicate twice when not idempotent, once when idempotent', () => {
    const [restock] = logOf(commerce, commerceCommands);
    const plain = new SqlInterpreter(commerce, sqlJs, false);
    plain.enact(restock, 0);
    expect(plain.enact(restock, 1)).toEqual({ type: 'enacted' });
    expect(plain.output().stock).toEqual([{ sku: 'tee', warehouse: 'main', stock: 10 }]);

    const idempotent = new SqlInterpreter(commerce, sqlJs, true);
    idempotent.enact(restock, 0);
    expect(idempotent.enact(restock, 1)).toEqual({ type: 'ignored', reason: 'event c1.1 was already enacted' });
    expect(idempotent.output().stock).toEqual([{ sku: 'tee', warehouse: 'main', stock: 5 }]);
    expect(querySql(idempotent, 'SELECT event_id, seq FROM _enacted').rows).toEqual([['c1.1', 1]]);
  });

  it('rolls a failing event back whole: one transaction per event', () => {
    const log = logOf(profiles, profilesCommands);
    const sql = new SqlInterpreter(profiles, sqlJs, true);
    for (const e of log.slice(0, 4)) sql.enact(e, 0);
    // The same image added again violates the gallery's primary key: nothing of the event stays.
    const again = { ...log[3], id: 'x.1', seq: 99 } as LogEntry;
    const result = sql.enact(again, 0);
    expect(result.type).toBe('failed');
    expect(result.type === 'failed' && result.message).toMatch(/UNIQUE constraint failed: gallery_images/);
    expect(querySql(sql, 'SELECT count(*) FROM gallery_images').rows).toEqual([[1]]);
    expect(querySql(sql, "SELECT count(*) FROM _enacted WHERE event_id = 'x.1'").rows).toEqual([[0]]);
    expect(sql.enact(log[4], 0)).toEqual({ type: 'enacted' });
  });

  it('answers read-only queries with columns and rows', () => {
    const { sql } = enactAll(commerce, logOf(commerce, commerceCommands));
    expect(querySql(sql, "SELECT order_id, status FROM orders WHERE status <> 'placed' ORDER BY order_id;")).toEqual({
      columns: ['order_id', 'status'],
      rows: [
        ['o1', 'cancelled'],
        ['o2', 'shipped'],
      ],
    });
    expect(querySql(sql, 'WITH t AS (SELECT sum(stock) AS s FROM stock) SELECT s FROM t').rows).toEqual([[5]]);
    expect(querySql(sql, 'PRAGMA table_info(stock)').rows.map((r) => r[1])).toEqual(['sku', 'warehouse', 'stock']);
    expect(querySql(sql, "-- a comment\nSELECT 'a;b' AS x").rows).toEqual([['a;b']]);
  });

  it('refuses anything that could write, with a clear message, and leaves the data alone', () => {
    const { sql } = enactAll(commerce, logOf(commerce, commerceCommands));
    const refused = (q: string) => () => querySql(sql, q);
    expect(refused('DELETE FROM stock')).toThrow('query refused: only SELECT, WITH and schema PRAGMA statements are allowed, not DELETE');
    expect(refused('UPDATE stock SET stock = 0')).toThrow('not UPDATE');
    expect(refused('DROP TABLE orders')).toThrow('not DROP');
    expect(refused('SELECT 1; DELETE FROM stock')).toThrow('query refused: only one statement is allowed');
    expect(refused('WITH x AS (SELECT 1) DELETE FROM stock')).toThrow('query refused: the query is not read-only (it contains DELETE)');
    expect(refused('PRAGMA writable_schema = 1')).toThrow('not PRAGMA writable_schema');
    expect(refused("SELECT 'unterminated")).toThrow('query refused: unterminated string or comment');
    expect(refused('   ')).toThrow('query refused: the query is empty');
    expect(refused('SELECT nope FROM stock')).toThrow('query failed: no such column: nope');
    expect(querySql(sql, 'SELECT count(*) FROM stock').rows).toEqual([[2]]);
  });

  it('refuses a query on an interpreter without a database', () => {
    expect(() => querySql(new AuditLog(), 'SELECT 1')).toThrow("consumer interpreter is 'audit-log', not 'sql': it has no database");
  });

  it('exports a valid SQLite file that sql.js opens again, and keeps working after export', () => {
    const log = logOf(commerce, commerceCommands);
    const { sql } = enactAll(commerce, log.slice(0, 4), true);
    const bytes = exportSqlite(sql);
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
    const reopened = new sqlJs.Database(bytes);
    expect(reopened.exec('SELECT sku, stock FROM stock ORDER BY sku')[0].values).toEqual([['mug', 2], ['tee', 3]]);
    expect(reopened.exec('SELECT count(*) FROM _enacted')[0].values).toEqual([[4]]);
    reopened.close();
    for (const e of log.slice(4)) expect(sql.enact(e, 0)).toEqual({ type: 'enacted' });
    expect(sql.output().orders).toHaveLength(2);
  });

  it('needs the sql.js module and a domain with tables', () => {
    expect(() => new SqlInterpreter(commerce, undefined)).toThrow('the sql interpreter needs the sql.js module: the host must pass services.sqlJs');
    expect(() => new SqlInterpreter({ ...commerce, id: 'bare', sql: undefined }, sqlJs)).toThrow("the sql interpreter needs SQL tables, but domain 'bare' declares none");
  });
});
