import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restock, runOne } from './scenarios';

const order = (id: string, qty: number, sku = 'tee') => ({ type: 'PlaceOrder', id, data: { orderId: id, customerId: 'u', sku, qty } });
const serial = [{ name: 'serial', serviceMs: 10 }];

describe('batches through the engine', () => {
  it('all-or-nothing: one rejected item rejects every item and appends nothing', () => {
    const { report, trace } = runOne({ setup: restock(5), commands: [{ batch: 'all-or-nothing', id: 'b', items: [order('o1', 2), order('o2', 9), order('o3', 1)] }], runs: serial });
    expect(report.metrics).toMatchObject({ commands: 3, accepted: 0, rejected: 3, events: 0 });
    expect(report.rejections).toEqual({ 'batch-aborted': 2, 'out-of-stock': 1 });
    expect(trace.decisions).toHaveLength(1);
    expect(trace.decisions[0]).toMatchObject({ inputId: 'b', kind: 'batch', commandIds: ['o1', 'o2', 'o3'], accepted: false, eventSeqs: [], endedAt: 30 });
    expect(report.finalState['stock:tee@main']).toMatchObject({ stock: 5 });
  });

  it('allow-partial: accepted items append, rejected ones are reported', () => {
    const { report } = runOne({ setup: restock(5), commands: [{ batch: 'allow-partial', items: [order('o1', 2), order('o2', 9), order('o3', 3)] }], runs: serial });
    expect(report.metrics).toMatchObject({ commands: 3, accepted: 2, rejected: 1, events: 4 });
    expect(report.rejections).toEqual({ 'out-of-stock': 1 });
    expect(report.finalState['stock:tee@main']).toMatchObject({ stock: 0 });
  });

  it('items are decided against the state read plus earlier accepted items', () => {
    const { report } = runOne({ setup: restock(3), commands: [{ batch: 'allow-partial', items: [order('o1', 2), order('o2', 2)] }], runs: serial });
    expect(report.rejections).toEqual({ 'out-of-stock': 1 });
  });

  it('nested: a failed all-or-nothing batch inside an allow-partial parent is one rejected item', () => {
    const nested = { batch: 'allow-partial', items: [order('o1', 1), { batch: 'all-or-nothing', items: [order('o2', 1), order('o3', 99)] }, order('o4', 1)] };
    const { report, trace } = runOne({ setup: restock(5), commands: [nested], runs: serial });
    expect(report.metrics).toMatchObject({ commands: 4, accepted: 2, rejected: 2, events: 4 });
    expect(report.rejections).toEqual({ 'batch-aborted': 1, 'out-of-stock': 1 });
    expect(trace.decisions[0].rejections.map((r) => [r.commandId, r.rejection.code])).toEqual([
      ['o2', 'batch-aborted'],
      ['o3', 'out-of-stock'],
    ]);
    expect(report.finalState['stock:tee@main']).toMatchObject({ stock: 3 });
  });

  it('single-writer holds every key of a batch', () => {
    const batch = { at: 0, batch: 'allow-partial', items: [order('o1', 1, 'a'), order('o2', 1, 'b')] };
    const { trace } = runOne({
      setup: [...restock(5, 'a'), ...restock(5, 'b')],
      commands: [batch, { at: 1, ...order('o3', 1, 'b') }, { at: 1, ...order('o4', 1, 'c') }],
      runs: [{ name: 'sw', scheduler: { kind: 'single-writer', workers: 4 }, serviceMs: 10 }],
    });
    const byId = Object.fromEntries(trace.decisions.map((d) => [d.inputId, d]));
    expect(byId.o3.startedAt).toBe(20);
    expect(byId.o4.startedAt).toBe(1);
    expect(byId.b1.partitionKey).toBe('a@main,order:o1,b@main,order:o2');
  });

  it('an all-or-nothing batch never leaves part of its events (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 20 }), (qtys, stock) => {
        const items = qtys.map((q, i) => order(`o${i}`, q));
        const { report, trace } = runOne({ setup: stock > 0 ? restock(stock) : [], commands: [{ batch: 'all-or-nothing', items }], runs: serial });
        const fits = qtys.reduce((a, b) => a + b, 0) <= stock;
        expect(report.metrics.events).toBe(fits ? 2 * qtys.length : 0);
        expect(trace.log.filter((e) => e.seq > (stock > 0 ? 1 : 0))).toHaveLength(report.metrics.events);
        expect(report.metrics.accepted + report.metrics.rejected).toBe(qtys.length);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('offline clients', () => {
  const name = { first: 'Ada', last: 'Lovelace' };
  const edit = (at: number, title: string) => ({ type: 'UpdateProfile', at, actor: 'ada', data: { profileId: 'p1', title, bio: '', name } });
  const laptop = (syncAt: number) => ({ offline: 'laptop', syncAt, items: [edit(100, 'laptop v1'), edit(300, 'laptop v2')] });
  const phone = (syncAt: number) => ({ offline: 'phone', syncAt, items: [edit(200, 'phone v1')] });
  const profiles = (commands: unknown[]) =>
    runOne({
      domain: 'profiles',
      setup: [{ type: 'AddProfile', actor: 'ada', data: { profileId: 'p1', userId: 'ada', title: 'draft', bio: '', name } }],
      commands,
      runs: [{ name: 'serial' }],
    });

  it('two clients syncing in either order give the same final state', () => {
    const laptopFirst = profiles([laptop(1000), phone(2000)]).report;
    const phoneFirst = profiles([phone(1000), laptop(2000)]).report;
    expect(laptopFirst.stateHash).toBe(phoneFirst.stateHash);
    expect(laptopFirst.finalState['profile:p1']).toMatchObject({ title: 'laptop v2' });
    expect(phoneFirst.rejections).toEqual({ superseded: 1 });
  });

  it('offline commands keep their own timestamps and arrive at syncAt', () => {
    const { trace } = profiles([laptop(1000)]);
    expect(trace.decisions.map((d) => d.arrivedAt)).toEqual([1000, 1000]);
    expect(trace.log.slice(1).map((e) => e.at)).toEqual([100, 300]);
  });
});
