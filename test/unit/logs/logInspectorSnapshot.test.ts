/**
 * LogInspector.snapshot: the report of the records read so far, while the inspection goes on (a
 * live tail shows it). With no more records it is the report `finish` gives; taking one changes
 * nothing of what comes after.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { LogFramer } from '../../../src/logs/framing/logFramer';
import { LogInspector, type InspectorOptions } from '../../../src/logs/logInspector';
import type { InspectionReport, InspectResult } from '../../../src/logs/types';

const commerce = bundledDomain('commerce')!;
const sample = readFileSync(new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url), 'utf8');
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** An inspector fed `text` up to record `upTo` (all by default), with the rest to feed later. */
function fed(text: string, options: InspectorOptions, upTo = Infinity) {
  const records: [string, number][] = [];
  const framer = new LogFramer('auto', (t, line) => records.push([t, line]), () => {});
  framer.push(text);
  framer.end();
  const inspector = new LogInspector(options);
  records.slice(0, upTo).forEach(([t, line]) => inspector.record(t, line));
  return { inspector, framing: framer.label ?? 'lines', rest: () => records.slice(upTo).forEach(([t, line]) => inspector.record(t, line)) };
}

const reportOf = (r: InspectResult | undefined): InspectionReport => {
  if (!r?.ok) throw new Error(`no report: ${JSON.stringify(r)}`);
  return r.report;
};
/** The report as JSON (its lazy final state built). */
const json = (r: InspectResult | undefined) => JSON.parse(JSON.stringify(reportOf(r)));

const ce = (source: string, id: string, sequence: string, extra: object = {}) => ({ specversion: '1.0', id, source, type: 'T', sequence, subject: 's', ...extra });
/** A record of a command in a batch of two (the batch ends with its second item). */
const batchItem = (id: string, sku: string) => ({ kind: 'command', id, type: 'RestockItem', at: 9, data: { sku, qty: 2, warehouse: 'main' }, batch: [{ id: 'b1', mode: 'all-or-nothing' }] });

describe('LogInspector.snapshot: the report so far, without ending the inspection', () => {
  it('with no more records it is the final report: facts, anomalies, violations, drift, stateHash and final state', () => {
    const { inspector, framing } = fed(sample, { domain: commerce, skipInvalid: true });
    const interim = json(inspector.snapshot('flash-sale', framing));
    const final = json(inspector.finish('flash-sale', framing));
    expect(interim).toEqual(final);
    // the sample has something of each part
    expect([final.violations.length > 0, final.drift.length > 0, final.anomalies.length > 0, Object.keys(final.finalState).length > 0]).toEqual([true, true, true, true]);
  });

  it('taken part way, it reports what was read then, and the final report is the one a reading without snapshots gives', () => {
    const options = { domain: commerce, skipInvalid: true };
    const whole = json(fed(sample, options).inspector.finish('s'));
    const upTo120 = json(fed(sample, options, 120).inspector.finish('s'));
    const part = fed(sample, options, 120);
    const interim = reportOf(part.inspector.snapshot('s'));
    part.rest();
    expect(json(part.inspector.finish('s'))).toEqual(whole);
    // read after the rest was fed, the snapshot is still the report of the first 120 records, final state included
    expect(JSON.parse(JSON.stringify(interim))).toEqual(upTo120);
    expect(interim.stateHash).not.toBe(whole.stateHash);
  });

  it('ends the file in its report as finish would: the one no-zone anomaly, gaps retracted from a source whose positions were not all decimal', () => {
    const text = lines(ce('/a', 'e1', '1', { time: '2026-03-29T01:30:00' }), ce('/a', 'e3', '3'), ce('/b', 'f1', '1'), ce('/b', 'f3', '3'), ce('/a', 'e4', 'x9'));
    const part = fed(text, { profile: 'cloudevents' }, 4);
    // so far both sources are decimal: both gaps hold
    expect(reportOf(part.inspector.snapshot('t')).anomalies.map((a) => [a.kind, a.line])).toEqual([['no-zone', 1], ['gap', 2], ['gap', 4]]);
    part.rest();
    const interim = json(part.inspector.snapshot('t'));
    expect(interim.anomalies.map((a: { kind: string; line: number }) => [a.kind, a.line])).toEqual([['no-zone', 1], ['gap', 4]]);
    expect(interim).toEqual(json(part.inspector.finish('t')));
  });

  it('decides a batch still open at the end, as finish does, without taking its commands', () => {
    const text = lines(
      { seq: 1, id: 'e1', type: 'ItemRestocked', at: 1, data: { sku: 'tee', qty: 1, warehouse: 'main' } },
      { kind: 'command', id: 'c1', type: 'PlaceOrder', at: 2, data: { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 5, warehouse: 'main' } },
      batchItem('b1.1', 'cap'),
      batchItem('b1.2', 'mug'),
    );
    const { inspector } = fed(text, { domain: commerce, profile: 'purestream' });
    const first = json(inspector.snapshot('t'));
    expect(first.drift.map((d: { commandId: string }) => d.commandId)).toEqual(['c1', 'b1.1', 'b1.2']);
    expect(json(inspector.snapshot('t'))).toEqual(first);
    expect(json(inspector.finish('t'))).toEqual(first);
  });

  it('is undefined until the profile is chosen from the first records; refused logs give their problems', () => {
    const detecting = new LogInspector();
    detecting.record(JSON.stringify(ce('/a', 'e1', '1')), 1);
    expect(detecting.snapshot('t')).toBeUndefined();
    const refusing = new LogInspector({ profile: 'purestream' });
    refusing.record('not json', 1);
    const refused = refusing.snapshot('t');
    expect(refused).toMatchObject({ ok: false, problemCount: 1 });
    expect(refusing.finish('t')).toEqual(refused);
  });
});
