/**
 * A homegrown engine's streams named `<category>/<id>` (`order/o-20`, trial A's log), read after
 * the log's start with revisions dense from 1: a stream met at its first revision began in the
 * read (the domain's `order:o-20` names the log's `order/o-20`, as `order:<id>` names a store's
 * `order-<id>`), so its invariants are checked; only a stream met past its first began before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domainModule } from '../../../src/engine/module/domainModule';
import { inspectLog } from '../../../src/logs/inspectLog';
import { readLogMap } from '../../../src/logs/profiles';
import { names } from '../../../src/logs/streamStarts';
import type { InspectionReport } from '../../../src/logs/types';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/verdict-trial/${name}`, import.meta.url), 'utf8');

type Order = { orderId: string; total: number; paid: number; shipped: boolean };
type OrderEvent = { type: string; data: { orderId: string; total?: number; amount?: number } };
/** trial A's orders.ts, cut to one invariant. */
const orders = domainModule({
  id: 'orders',
  decide: () => ({ type: 'accepted', events: [] }),
  evolve: (o: Order | undefined, e: OrderEvent): Order => {
    const order = o ?? { orderId: e.data.orderId, total: 0, paid: 0, shipped: false };
    if (e.type === 'OrderPlaced') return { ...order, total: e.data.total ?? 0 };
    if (e.type === 'OrderPaid') return { ...order, paid: order.paid + (e.data.amount ?? 0) };
    if (e.type === 'OrderShipped') return { ...order, shipped: true };
    return order;
  },
  streamOf: (e: OrderEvent) => `order:${e.data.orderId}`,
  commandSchemas: {},
  eventSchemas: Object.fromEntries(['OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderCancelled'].map((t) => [t, { type: 'object' }])),
  invariants: [{ name: 'shipped-only-when-paid', violation: (_s: string, o: Order) => (o.shipped && o.paid < o.total ? `${o.orderId} shipped unpaid` : undefined) }],
});

async function inspect(text: string): Promise<InspectionReport> {
  const map = readLogMap(JSON.parse(fixture('homegrown-dense.map.json')));
  if (!map.ok) throw new Error(map.problems.join('\n'));
  const r = await inspectLog([text], { source: 'homegrown.ndjson', map: map.map, domain: orders, partial: true, skipInvalid: true });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

describe('streams named <category>/<id> in a read that began after the log’s start', () => {
  it('each stream met at revision 1 began in the read: o-19 and o-20 shipped unpaid are violations, none began before', async () => {
    const report = await inspect(fixture('homegrown.ndjson'));
    expect(report.streamsBeforeRead ?? 0).toBe(0);
    expect(report.violations.map((v) => v.stream)).toEqual(['order:o-19', 'order:o-20']);
  });

  it('a stream met past its first revision began before the read, the others did not', async () => {
    const text = fixture('homegrown.ndjson').split('\n').filter((l) => !/"order\/o-20","version":1,/.test(l)).join('\n');
    const report = await inspect(text);
    expect(report.streamsBeforeRead).toBe(1);
    expect(report.notes?.join('\n')).toContain('its first event here is revision 2 of the log\'s stream "order/o-20", past a stream\'s first (1)');
    expect(report.violations.map((v) => v.stream)).toEqual(['order:o-19']);
  });

  it('names: order:o-20 names order/o-20; not another type, id or a tenant', () => {
    expect(names('order:o-20', 'order/o-20')).toBe(true);
    expect(names('stock:o-20', 'order/o-20')).toBe(false);
    expect(names('order:o-2', 'order/o-20')).toBe(false);
    // a tenant's stream (Marten): acme/<id> is named by acme/order:<id>, not by order:<id>
    expect(names('order:o-20', 'acme/o-20')).toBe(false);
    expect(names('acme/order:o-20', 'acme/o-20')).toBe(true);
  });
});
