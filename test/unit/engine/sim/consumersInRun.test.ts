import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { querySql } from '../../../../src/engine/consumers/querySql';
import { runScenarioWithInterpreters } from '../../../../src/engine/run';
import { addedStoreName, defaultStateStore, withStateStore } from '../../../../src/engine/sim/consumers';
import { orders, restock, runOne, scenario } from './scenarios';

describe('consumers in a run', () => {
  it('a consumer receives only the event types it subscribes to; setup events included', () => {
    const { report, trace } = runOne({
      setup: restock(5),
      commands: [orders(3, 1)],
      runs: [{ name: 'r', consumers: [{ name: 'state', interpreter: 'state-store' }, { name: 'orders', interpreter: 'audit-log', events: ['OrderPlaced'] }] }],
    });
    expect((trace.outputs.orders as { type: string }[]).map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPlaced', 'OrderPlaced']);
    expect(report.metrics.deliveries).toBe(6 + 3);
    expect(trace.attempts.filter((a) => a.consumer === 'orders')).toHaveLength(3);
  });

  it('adds a default zero-latency state store when a run lists none', () => {
    const { report, trace } = runOne({ setup: restock(5), commands: [orders(2, 1)], runs: [{ name: 'r', consumers: [{ name: 'mail', interpreter: 'notifier' }] }] });
    expect(report.finalState['stock:tee@main']).toMatchObject({ stock: 3 });
    expect(Object.keys(trace.consumerQueueDepth)).toEqual(['state', 'mail']);
  });

  it('withStateStore lists a run\'s consumers as the engine runs them: the added state store first, named "state-store" beside a listed "state"', () => {
    const mail = { ...defaultStateStore('mail'), interpreter: 'notifier' };
    const state = { ...defaultStateStore('state'), interpreter: 'notifier' };
    expect(withStateStore([mail])).toEqual({ configs: [defaultStateStore('state'), mail], storeIndex: 0, added: defaultStateStore('state') });
    expect(withStateStore([state]).configs.map((c) => c.name)).toEqual(['state-store', 'state']);
    const own = [mail, defaultStateStore('store')];
    expect(withStateStore(own)).toEqual({ configs: own, storeIndex: 1 });
    expect(addedStoreName([{ name: 'state', interpreter: 'notifier' }])).toBe('state-store');
    expect(addedStoreName([{ name: 'x', interpreter: 'state-store' }])).toBeUndefined();
    // the engine's own lanes: every attempt is one of these consumers'
    const { report, trace } = runOne({ setup: restock(5), commands: [orders(3, 1)], runs: [{ name: 'r', consumers: [{ name: 'state', interpreter: 'notifier' }] }] });
    expect(new Set(trace.attempts.map((a) => a.consumer))).toEqual(new Set(['state-store', 'state']));
    expect(trace.attempts).toHaveLength(report.metrics.deliveries);
  });

  it('a sql consumer\'s tables can be queried after the run and agree with the state', async () => {
    const sqlJs = await initSqlJs();
    const s = scenario({ setup: restock(5), commands: [orders(7, 1)], runs: [{ name: 'r', consumers: [{ name: 'state', interpreter: 'state-store' }, { name: 'db', interpreter: 'sql' }] }] });
    const result = runScenarioWithInterpreters(s, { services: { sqlJs } });
    const stock = querySql(result.interpreters[0].db, 'SELECT stock FROM stock');
    expect(stock.rows).toEqual([[0]]);
    expect(result.report.runs[0].finalState['stock:tee@main']).toMatchObject({ stock: 0 });
  });

  it('authorize: true runs the central policy before each decision', () => {
    const { report } = runOne({ setup: restock(5), commands: [{ type: 'PlaceOrder', data: { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 1 } }, { type: 'PlaceOrder', actor: 'u', data: { orderId: 'o2', customerId: 'u', sku: 'tee', qty: 1 } }], runs: [{ name: 'r', authorize: true }] });
    expect(report.rejections).toEqual({ unauthorized: 1 });
    expect(report.metrics.accepted).toBe(1);
  });
});
