import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { formatInspection } from '../../../src/cli/inspectText';
import { inspectLog } from '../../../src/logs/inspectLog';
import { LogInspector } from '../../../src/logs/logInspector';
import { MAX_STALE_LISTED, StaleWatch } from '../../../src/logs/staleDecisions';
import type { CommandRecord, InspectionReport, InspectResult } from '../../../src/logs/types';

const commerce = bundledDomain('commerce')!;

const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const inspect = async (records: object[], withDomain = true) =>
  report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { ...(withDomain ? { domain: commerce } : {}), source: 'stale.jsonl' }));

let seq = 0;
/** A restock of `sku` (its log stream `stock-<sku>`, the domain's `stock:<sku>@main`), caused by `causationId` when given. */
const restocked = (sku: string, causationId?: string) => {
  seq++;
  return { seq, id: `e${seq}`, type: 'ItemRestocked', at: seq, stream: `stock-${sku}`, data: { sku, qty: 5, warehouse: 'main' }, ...(causationId !== undefined ? { causationId } : {}) };
};
/** A placed order's two events (order stream, then the stock stream), caused by command `causationId`. */
const placed = (causationId: string, orderId: string, sku = 'tee') => {
  seq += 2;
  return [
    { seq: seq - 1, id: `${causationId}.1`, type: 'OrderPlaced', at: seq, stream: `order-${orderId}`, data: { orderId, customerId: 'u', sku, qty: 1, warehouse: 'main' }, causationId },
    { seq, id: `${causationId}.2`, type: 'StockReserved', at: seq, stream: `stock-${sku}`, data: { sku, warehouse: 'main', qty: 1, orderId }, causationId },
  ];
};
const placeOrder = (id: string, orderId: string, sku = 'tee', batch?: object[]) => ({ kind: 'command', id, type: 'PlaceOrder', at: 0, data: { orderId, customerId: 'u', sku, qty: 1, warehouse: 'main' }, ...(batch ? { batch } : {}) });
const restock = (id: string, sku: string) => ({ kind: 'command', id, type: 'RestockItem', at: 0, data: { sku, qty: 5, warehouse: 'main' } });

describe('stale decisions in a recorded log', () => {
  it('finds a command whose stream another decision changed between its record and its events, once, and not a fresh one', async () => {
    seq = 0;
    const r = await inspect([
      restock('s1', 'tee'), // line 1
      restocked('tee', 's1'), // 2
      placeOrder('c1', 'o-1'), // 3: reads stock 5
      placeOrder('c2', 'o-2'), // 4: reads the same state
      placeOrder('c3', 'o-3', 'cap'), // 5: a sku with no stock
      { kind: 'rejection', commandId: 'c3', code: 'out-of-stock', at: 0 }, // 6
      ...placed('c1', 'o-1'), // 7, 8: c1 changes stock:tee@main
      ...placed('c2', 'o-2'), // 9, 10: c2's events come after c1's change: stale
      restocked('cap'), // 11: changes c3's stock after its read, but c3 wrote nothing: a rejection is never stale
      placeOrder('c4', 'o-4'), // 12: reads after every change
      ...placed('c4', 'o-4'), // 13, 14
    ]);
    // the change in between keeps its global position (a purestream log's `seq`), as a violation does
    expect(r.staleDecisions).toEqual({ count: 1, first: [{ commandId: 'c2', stream: 'stock:tee@main', line: 4, record: 4, changedAt: { line: 8, record: 8, globalPosition: '3', causationId: 'c1' } }] });
    expect(r.drift).toEqual([]);
    expect(formatInspection(r)).toContain(
      '  stale decisions: 1 — a command decided on a state another decision changed before its events were recorded; first: c2 at line 4 (stream stock:tee@main changed at line 8, by c1)\n',
    );
  });

  it("names the domain's streams with a domain, as violations do, and the log's without one", async () => {
    seq = 0;
    const log = [placeOrder('c1', 'o-1'), placeOrder('c2', 'o-2'), restocked('tee'), ...placed('c1', 'o-1'), ...placed('c2', 'o-2')];
    const withDomain = await inspect(log);
    // an event with no cause changed the stock after both reads: both are stale, changed at line 3 with no causationId
    expect(withDomain.staleDecisions!.first.map((s) => [s.commandId, s.stream, s.changedAt])).toEqual([
      ['c1', 'stock:tee@main', { line: 3, record: 3, globalPosition: '1' }],
      ['c2', 'stock:tee@main', { line: 5, record: 5, globalPosition: '3', causationId: 'c1' }],
    ]);
    expect(withDomain.notes?.[0]).toContain('the violations, the stale decisions and the final state name the domain\'s streams');
    const without = await inspect(log, false);
    expect(without.staleDecisions!.first.map((s) => [s.commandId, s.stream])).toEqual([
      ['c1', 'stock-tee'],
      ['c2', 'stock-tee'],
    ]);
    expect(formatInspection(without)).toContain('first: c1 at line 1 (stream stock-tee changed at line 3)\n');
  });

  it("a batch's items are one decision: their events do not make each other stale, another decision's do", async () => {
    seq = 0;
    const b1 = [{ id: 'b1', mode: 'allow-partial' }];
    const b2 = [{ id: 'b2', mode: 'all-or-nothing' }];
    const r = await inspect([
      restock('s1', 'tee'),
      restocked('tee', 's1'),
      placeOrder('b1.1', 'o-1', 'tee', b1), // 3
      placeOrder('b1.2', 'o-2', 'tee', b1), // 4
      ...placed('b1.1', 'o-1'), // 5, 6
      ...placed('b1.2', 'o-2'), // 7, 8: after b1.1's change, which is its own batch's
      placeOrder('b2.1', 'o-3', 'tee', b2), // 9
      placeOrder('b2.2', 'o-4', 'tee', b2), // 10
      ...placed('c9', 'o-9'), // 11, 12: another decision changes the stock
      ...placed('b2.1', 'o-3'), // 13, 14
      ...placed('b2.2', 'o-4'), // 15, 16: the last change before it is b2.1's, the one before that c9's
    ]);
    expect(r.staleDecisions!.count).toBe(2);
    expect(r.staleDecisions!.first.map((s) => [s.commandId, s.line, s.changedAt.line, s.changedAt.causationId])).toEqual([
      ['b2.1', 9, 12, 'c9'],
      ['b2.2', 10, 12, 'c9'],
    ]);
  });

  it('says nothing about a log without command records (there is nothing to check), and 0 for one whose commands all read fresh', async () => {
    seq = 0;
    const noCommands = await inspect([restocked('tee'), ...placed('c1', 'o-1')]);
    expect(noCommands.staleDecisions).toBeUndefined();
    expect('staleDecisions' in noCommands).toBe(false);
    expect(formatInspection(noCommands)).not.toContain('stale decisions');
    seq = 0;
    const fresh = await inspect([restock('s1', 'tee'), restocked('tee', 's1'), placeOrder('c1', 'o-1'), ...placed('c1', 'o-1'), placeOrder('c2', 'o-2'), ...placed('c2', 'o-2')]);
    expect(fresh.staleDecisions).toEqual({ count: 0, first: [] });
    expect(formatInspection(fresh)).toContain('  stale decisions: none\n');
  });

  it('counts them as they are found while a log is read (a live read\'s progress), ending at the report\'s count', () => {
    seq = 0;
    const log = [
      restocked('tee'), // 1: no command yet: nothing counted
      placeOrder('c1', 'o-1'), // 2
      placeOrder('c2', 'o-2'), // 3
      placeOrder('c3', 'o-3'), // 4
      ...placed('c1', 'o-1'), // 5, 6
      ...placed('c2', 'o-2'), // 7, 8: c2 stale at 8 (its stock event after c1's)
      ...placed('c3', 'o-3'), // 9, 10: c3 stale at 10
    ];
    for (const withDomain of [true, false]) {
      const inspector = new LogInspector({ ...(withDomain ? { domain: commerce } : {}), profile: 'purestream' });
      const running = log.map((r, i) => {
        inspector.record(JSON.stringify(r), i + 1);
        return inspector.counts().staleDecisions;
      });
      expect(running).toEqual([undefined, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
      const result = inspector.finish('stale.jsonl');
      expect(result.ok && result.report.staleDecisions!.count).toBe(2);
    }
  });

  it('counts every stale command but lists the first MAX_STALE_LISTED', () => {
    const watch = new StaleWatch();
    let record = 0;
    const n = MAX_STALE_LISTED + 5;
    for (let i = 0; i < n; i++) watch.command({ kind: 'command', id: `c${i}`, type: 'T', at: 0, data: {} } as CommandRecord, { line: ++record, record });
    for (let i = 0; i < n; i++) watch.event(`c${i}`, 's', { line: ++record, record });
    // every command but the first read before another's event on s
    const found = watch.report(true);
    expect(found.count).toBe(n - 1);
    expect(found.first).toHaveLength(MAX_STALE_LISTED);
    expect(found.first[0]).toEqual({ commandId: 'c1', stream: 's', line: 2, record: 2, changedAt: { line: n + 1, record: n + 1, causationId: 'c0' } });
  });

  it("keeps a live source's positions, so its places read as the command line names them (`sequence 21`), and a file's lines as they were", () => {
    const watch = new StaleWatch();
    const command = (id: string) => ({ kind: 'command', id, type: 'T', at: 0, data: {} }) as CommandRecord;
    const at = (record: number) => ({ line: record, record, globalPosition: String(record + 20), source: 'ORDERS' });
    watch.command(command('c1'), at(1));
    watch.command(command('c2'), at(2));
    watch.event('c1', 's', at(3));
    watch.event('c2', 's', at(4));
    const [first] = watch.report(true).first;
    expect(first).toEqual({ commandId: 'c2', stream: 's', line: 2, record: 2, globalPosition: '22', source: 'ORDERS', changedAt: { line: 3, record: 3, globalPosition: '23', source: 'ORDERS', causationId: 'c1' } });
    const live = { staleDecisions: { count: 1, first: [first] }, fieldsUsed: { globalPosition: '/seq' } };
    const text = (r: object) => formatInspection({ ...report0, ...r } as InspectionReport);
    expect(text({ ...live, framing: 'messages' })).toContain('first: c2 at sequence 22 (stream s changed at sequence 23, by c1)\n');
    expect(text({ ...live, framing: 'messages', fieldsUsed: { globalPosition: '/offset' } })).toContain('first: c2 at offset 22 of ORDERS (stream s changed at offset 23 of ORDERS, by c1)\n');
    // a file names lines, whatever positions its records have
    expect(text({ ...live, framing: 'lines' })).toContain('first: c2 at line 2 (stream s changed at line 3, by c1)\n');
  });
});

/** An empty report without a domain, to format stale decisions in. */
const report0: Partial<InspectionReport> = {
  source: 'test',
  profile: 'jetstream',
  domain: null,
  events: 2,
  commands: 2,
  types: {},
  sources: [],
  streams: [],
  streamCount: 0,
  causation: { roots: 0, orphans: 0, maxDepth: 0, correlations: 0 },
  anomalies: [],
  violations: [],
  drift: [],
};
