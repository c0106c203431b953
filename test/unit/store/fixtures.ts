/** Test data for the workspace store: the sql.js module and synthetic logs. */
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import type { StoredEventInput } from '../../../src/store/logs';

let sqlJs: Promise<SqlJsStatic> | undefined;
/** The sql.js module, initialised once per test file. */
export const loadSqlJs = (): Promise<SqlJsStatic> => (sqlJs ??= initSqlJs());

/** `n` events, seq 1..n: types cycle Restocked/Placed/Shipped, streams s0..s4, sku `tee` every 10th. */
export function* syntheticEvents(n: number): Generator<StoredEventInput> {
  const types = ['ItemRestocked', 'OrderPlaced', 'OrderShipped'];
  for (let seq = 1; seq <= n; seq++) {
    yield {
      seq,
      id: `c${seq}.1`,
      type: types[(seq - 1) % 3],
      stream: `s${seq % 5}`,
      at: seq * 10,
      causationId: `c${seq}`,
      correlationId: `c${seq}`,
      data: { sku: seq % 10 === 0 ? 'tee' : 'mug', qty: seq },
    };
  }
}
