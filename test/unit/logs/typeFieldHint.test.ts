// A payload that keeps its type field fails a strict schema (commerce's: additionalProperties
// false); the invalid-data message then says a map's "data" can build the payload without it.
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectLog } from '../../../src/logs/inspectLog';
import { readLogMap } from '../../../src/logs/profiles';
import type { InspectionReport, InspectResult } from '../../../src/logs/types';

const commerce = bundledDomain('commerce')!;
const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const mapOf = (value: object) => {
  const read = readLogMap({ format: 'purestream/map@1', ...value });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.map;
};
const inspect = async (records: object[], map?: object) =>
  report(await inspectLog([records.map((r) => JSON.stringify(r)).join('\n') + '\n'], { domain: commerce, source: 'log.jsonl', skipInvalid: true, ...(map ? { map: mapOf(map) } : {}) }));
const messages = (r: InspectionReport) => r.anomalies.filter((a) => a.kind === 'invalid-data').map((a) => a.message);

const restock = { sku: 'tee', qty: 5, warehouse: 'main' };
const kcat = (offset: number, payload: object) => ({ topic: 'stock', partition: 0, offset, ts: 1767607200000 + offset, key: 'tee', payload: JSON.stringify(payload) });

describe("invalid-data on the payload's type field", () => {
  it('a Kafka payload that keeps the type it was typed by: the hint names the map\'s "data" with a pointer into the payload', async () => {
    const r = await inspect([kcat(0, { type: 'ItemRestocked', ...restock })]);
    expect(messages(r)).toEqual([
      'data.type: is not a known field (the record\'s type is read from it; a map\'s "data" can build the ItemRestocked payload without it: "data": {"ItemRestocked": {"sku": "/payload/sku", …}})',
    ]);
  });

  it('the whole record as the payload (a map\'s "data": ""): the member the map reads the type from', async () => {
    const r = await inspect([{ eventType: 'ItemRestocked', ...restock }], { fields: { type: '/eventType', data: '' } });
    expect(messages(r)).toEqual([
      'data.eventType: is not a known field (the record\'s type is read from it; a map\'s "data" can build the ItemRestocked payload without it: "data": {"ItemRestocked": {"sku": "/sku", …}})',
    ]);
  });

  it('a member named like a type, though the type came from elsewhere: hinted too', async () => {
    const r = await inspect([{ id: 'e1', type: 'ItemRestocked', data: { eventType: 'restock', ...restock } }]);
    expect(messages(r)).toEqual(['data.eventType: is not a known field (it names a type; a map\'s "data" can build the ItemRestocked payload without it: "data": {"ItemRestocked": {"sku": "/data/sku", …}})']);
  });

  it('the map\'s "data" building that payload removes the anomaly', async () => {
    const r = await inspect([kcat(0, { type: 'ItemRestocked', ...restock })], { data: { ItemRestocked: { sku: '/payload/sku', qty: '/payload/qty', warehouse: '/payload/warehouse' } } });
    expect(r.anomalies).toEqual([]);
    expect(r.finalState).toEqual({ 'stock:tee@main': { sku: 'tee', warehouse: 'main', stock: 5 } });
  });

  it('any other unknown member, and other problems, are said as before', async () => {
    const r = await inspect([{ id: 'e1', type: 'ItemRestocked', data: { ...restock, qty: 0, colour: 'red' } }]);
    expect(messages(r)).toEqual(['data.qty: expected an integer >= 1, got 0; data.colour: is not a known field']);
  });
});
