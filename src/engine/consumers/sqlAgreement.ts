/**
 * Does a `sql` consumer's database say what the state store says? Each bundled domain maps its
 * state to the rows its tables should hold; rows are compared by primary key. A gallery's
 * `position` is compared as rank (SQL positions keep gaps after removals, the state's list not).
 */
import type { SqlValue } from 'sql.js';
import type { Order, StockLevel } from '../../../domain/commerce';
import type { AnyDomainModule } from '../../../domain/kernel';
import type { Profile } from '../../../domain/profiles';
import type { Interpreter } from './interpreter';
import { asSql } from './sql';

type Row = Readonly<Record<string, SqlValue>>;

/** One disagreement: a row keyed `table[key]` that differs (undefined = missing on that side). */
export interface SqlDifference {
  readonly table: string;
  readonly key: string;
  readonly state: Row | undefined;
  readonly sql: Row | undefined;
}

interface TableMapping {
  readonly key: readonly string[];
  /** The rows the state implies. */
  readonly fromState: (state: Readonly<Record<string, unknown>>) => Row[];
  /** Normalises the rows read from SQL before comparing (default: as they are). */
  readonly normalise?: (rows: readonly Row[]) => Row[];
}

const aggregates = <A>(state: Readonly<Record<string, unknown>>, prefix: string): A[] =>
  Object.keys(state)
    .filter((stream) => stream.startsWith(prefix))
    .map((stream) => state[stream] as A);

/** Gallery positions become ranks within each profile. */
function rankPositions(rows: readonly Row[]): Row[] {
  const byProfile = new Map<SqlValue, Row[]>();
  for (const row of rows) byProfile.set(row.profile_id, [...(byProfile.get(row.profile_id) ?? []), row]);
  return [...byProfile.values()].flatMap((list) => [...list].sort((a, b) => Number(a.position) - Number(b.position)).map((row, rank) => ({ ...row, position: rank })));
}

/** State-to-rows mappings of the bundled domains' tables. */
const MAPPINGS: Readonly<Record<string, Readonly<Record<string, TableMapping>>>> = {
  commerce: {
    stock: {
      key: ['sku', 'warehouse'],
      fromState: (s) => aggregates<StockLevel>(s, 'stock:').map((a) => ({ sku: a.sku, warehouse: a.warehouse, stock: a.stock })),
    },
    orders: {
      key: ['order_id'],
      fromState: (s) =>
        aggregates<Order>(s, 'order:').map((o) => ({ order_id: o.orderId, customer_id: o.customerId, sku: o.sku, qty: o.qty, warehouse: o.warehouse, status: o.status })),
    },
  },
  profiles: {
    profiles: {
      key: ['profile_id'],
      fromState: (s) =>
        aggregates<Profile>(s, 'profile:').map((p) => ({
          profile_id: p.profileId,
          user_id: p.userId,
          title: p.title,
          bio: p.bio,
          first_name: p.name.first,
          last_name: p.name.last,
          updated_at: p.updatedAt,
        })),
    },
    gallery_images: {
      key: ['profile_id', 'image_ref'],
      fromState: (s) => aggregates<Profile>(s, 'profile:').flatMap((p) => p.gallery.map((ref, position) => ({ profile_id: p.profileId, image_ref: ref, position }))),
      normalise: rankPositions,
    },
  },
};

/** Compares a `sql` consumer's tables to a state store snapshot; returns every difference (none = agree). */
export function sqlMatchesState(interpreter: Interpreter, state: Readonly<Record<string, unknown>>, decider: AnyDomainModule): SqlDifference[] {
  const sql = asSql(interpreter);
  const mapping = MAPPINGS[decider.id];
  if (!mapping) throw new Error(`no SQL agreement mapping for domain '${decider.id}' (known: ${Object.keys(MAPPINGS).join(', ')})`);
  const differences: SqlDifference[] = [];
  for (const table of sql.tables) {
    const m = mapping[table];
    if (!m) throw new Error(`no SQL agreement mapping for table '${table}' of domain '${decider.id}'`);
    const keyOf = (row: Row) => JSON.stringify(m.key.map((k) => row[k]));
    const expected = new Map(m.fromState(state).map((row) => [keyOf(row), row]));
    const actualRows = m.normalise ? m.normalise(sql.rows(table)) : sql.rows(table);
    const actual = new Map(actualRows.map((row) => [keyOf(row), row]));
    for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
      const a = expected.get(key);
      const b = actual.get(key);
      if (!a || !b || !sameRow(a, b)) differences.push({ table, key, state: a, sql: b });
    }
  }
  return differences;
}

const sameRow = (a: Row, b: Row): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};
