/**
 * A log that files events under other stream names than the domain's `streamOf` (the trial's
 * `customer-acme` beside the module's `customer:acme`): the replay's violations and final state name
 * the domain's streams, the facts the log's; one note says so, with the first such line.
 */
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectLog } from '../../../src/logs/inspectLog';

const commerce = bundledDomain('commerce')!;
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const restock = (seq: number, stream: string) => ({ seq, id: `e${seq}`, type: 'ItemRestocked', at: seq, stream, data: { sku: 'tee', qty: 5, warehouse: 'main' } });

describe('events the log files under another stream than the domain', () => {
  it('one note: how many, the first line with both names, and which parts of the report name which', async () => {
    const r = await inspectLog([lines(restock(1, 'stock:tee@main'), restock(2, 'stock-tee-main'), restock(3, 'stock-tee-main'))], { domain: commerce, source: 't.jsonl' });
    if (!r.ok) throw new Error('refused');
    expect(r.report.notes).toEqual([
      'the domain files events under its own streams (its streamOf), and 2 of 3 events the log files under another: stream "stock-tee-main" (line 2) is "stock:tee@main" to the domain; the violations and the final state name the domain\'s streams, the rest of the report the log\'s',
    ]);
  });

  it('counts a redelivery once, as the events are counted (never "2 of 1 events")', async () => {
    const r = await inspectLog([lines(restock(1, 'stock-tee-main'), restock(1, 'stock-tee-main'))], { domain: commerce, source: 't.jsonl', skipInvalid: true });
    if (!r.ok) throw new Error('refused');
    expect([r.report.events, r.report.redeliveries]).toEqual([1, 1]);
    expect(r.report.notes).toEqual([expect.stringContaining('and every event the log files under another: stream "stock-tee-main" (line 1)')]);
  });

  it('no note when the log names the domain\'s streams, or names none', async () => {
    const same = await inspectLog([lines(restock(1, 'stock:tee@main'))], { domain: commerce, source: 't.jsonl' });
    const none = await inspectLog([lines({ ...restock(1, 'x'), stream: undefined })], { domain: commerce, source: 't.jsonl' });
    expect([same.ok && same.report.notes, none.ok && none.report.notes]).toEqual([undefined, undefined]);
  });

  it('counts among the events the domain could read: an unknown type or invalid data is not filed under another stream', async () => {
    const unknown = { seq: 3, id: 'e3', type: 'ChargebackOpened', at: 3, stream: 'stock-tee-main', data: {} };
    const invalid = { ...restock(4, 'stock-tee-main'), data: { sku: 'tee', qty: 'many', warehouse: 'main' } };
    const all = await inspectLog([lines(restock(1, 'stock-tee-main'), restock(2, 'stock-tee-main'), unknown, invalid)], { domain: commerce, source: 't.jsonl', skipInvalid: true });
    if (!all.ok) throw new Error('refused');
    expect(all.report.events).toBe(4);
    expect(all.report.notes).toEqual([expect.stringContaining('and every event it could read (2 of 4) the log files under another: stream "stock-tee-main" (line 1)')]);
    const some = await inspectLog([lines(restock(1, 'stock:tee@main'), restock(2, 'stock-tee-main'), unknown)], { domain: commerce, source: 't.jsonl', skipInvalid: true });
    if (!some.ok) throw new Error('refused');
    expect(some.report.notes).toEqual([expect.stringContaining('and 1 of the 2 events it could read (of 3) the log files under another: stream "stock-tee-main" (line 2)')]);
  });
});
