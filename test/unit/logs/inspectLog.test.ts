import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectLog, type InspectOptions } from '../../../src/logs/inspectLog';
import { LogInspector } from '../../../src/logs/logInspector';
import { InspectCancelled, type InspectionReport, type InspectResult } from '../../../src/logs/types';
import { readLogMap } from '../../../src/logs/profiles';
import { VIRTUAL_EPOCH_MS } from '../../../src/logs/timestamps';
import { stateHash } from '../../../src/engine/report/stateHash';

const commerce = bundledDomain('commerce')!;

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'utf8');
const inspect = (text: string | string[], options: Partial<InspectOptions> = {}) =>
  inspectLog(typeof text === 'string' ? [text] : text, { domain: commerce, source: 'test.jsonl', ...options });
const report = (r: InspectResult): InspectionReport => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r.report;
};
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const restocked = (seq: number, qty = 5, extra: object = {}) => ({ seq, id: `e${seq}`, type: 'ItemRestocked', at: seq, data: { sku: 'tee', qty, warehouse: 'main' }, ...extra });
const placed = (seq: number, orderId: string, qty: number, causationId: string) => [
  { seq, id: `${causationId}.1`, type: 'OrderPlaced', at: seq, data: { orderId, customerId: 'u', sku: 'tee', qty, warehouse: 'main' }, causationId },
  { seq: seq + 1, id: `${causationId}.2`, type: 'StockReserved', at: seq, data: { sku: 'tee', warehouse: 'main', qty, orderId }, causationId },
];
const placeOrder = (id: string, orderId: string, qty: number) => ({ kind: 'command', id, type: 'PlaceOrder', at: 0, data: { orderId, customerId: 'u', sku: 'tee', qty, warehouse: 'main' } });

describe('inspectLog anomalies', () => {
  it('finds each anomaly kind with its line number', async () => {
    const r = report(await inspect(fixture('anomalies.jsonl'), { skipInvalid: true }));
    expect(r.anomalies.map((a) => [a.line, a.kind])).toEqual([
      [3, 'malformed'],
      [4, 'unknown-type'],
      [5, 'invalid-data'],
      [6, 'duplicate-id'],
      // no gap at 7: seq 4 is on line 6 (a duplicate, not replayed, but in the log)
      [8, 'out-of-order'],
      [9, 'gap'],
      [10, 'time-reversal'],
    ]);
    expect(r.anomalies[2].message).toBe('data.qty: expected an integer >= 1, got 0');
    expect(r.anomalies[3]).toMatchObject({ identical: false, message: 'event id "e1" appeared before with different content; not replayed again' });
    expect(r.anomalies[4].message).toBe('seq 4 after seq 5');
    expect(r.anomalies[5].message).toBe('seq 6..7 are missing');
    expect(r.anomalies[6].message).toBe('time 2026-01-01T00:00:00.001Z after 2026-01-01T00:00:00.006Z in stream "stock:tee@main"');
    // every record read as an event counts (the unknown type, the invalid one and the duplicate too); five were replayed
    expect(r.events).toBe(8);
    expect(r.finalState).toEqual({ 'stock:tee@main': { sku: 'tee', warehouse: 'main', stock: 9 } });
  });

  it('refuses the whole log on a blocking anomaly, listing the problems with their lines', async () => {
    const r = await inspect(fixture('anomalies.jsonl'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'malformed'],
      [4, 'unknown-type'],
      [5, 'invalid-data'],
    ]);
  });

  it('keeps the problems (the first 10,000: a refusal groups them) and counts them all', async () => {
    const r = await inspect('x\n'.repeat(25));
    expect(r.ok ? 0 : [r.problems.length, r.problemCount]).toEqual([25, 25]);
  });

  it('accepts a clean log with no anomalies and ignores blank lines and CRLF', async () => {
    const r = report(await inspect(lines(restocked(1), restocked(2)).replaceAll('\n', '\r\n') + '\r\n\r\n'));
    expect(r.anomalies).toEqual([]);
    expect(r.events).toBe(2);
    expect(r.types).toEqual({ ItemRestocked: 2 });
  });

  it('replays a log whose header names another domain with the one chosen, and says so in a note (not an anomaly)', async () => {
    const r = report(await inspect(lines({ format: 'purestream/events@1', domain: 'commerce-v1' }, restocked(1))));
    expect(r.anomalies).toEqual([]);
    expect([r.domain, r.events, r.finalState]).toEqual(['commerce', 1, { 'stock:tee@main': expect.anything() }]);
    // a bundled domain was chosen: no word on a module's id
    expect(r.notes).toEqual(['the log\'s header names domain "commerce-v1"; it was replayed with domain "commerce", as chosen']);
  });

  it('has no notes when the header names the domain chosen, or when none is chosen', async () => {
    const log = lines({ format: 'purestream/events@1', domain: 'commerce' }, restocked(1));
    expect(report(await inspect(log)).notes).toBeUndefined();
    const bare = report(await inspect(lines({ format: 'purestream/events@1', domain: 'profiles' }, restocked(1)), { domain: undefined }));
    expect([bare.notes, bare.headerDomain]).toEqual([undefined, 'profiles']);
  });

  it('keeps the note when the records of a log of another domain refuse it, and says which domain to replay it with', async () => {
    const r = await inspect(lines({ format: 'purestream/events@1', domain: 'profiles' }, { seq: 1, id: 'e1', type: 'ProfileAdded', at: 0, data: {} }));
    expect(r.ok ? undefined : [r.problems.map((p) => p.kind), r.notes]).toEqual([
      ['unknown-type'],
      ['the log\'s header names domain "profiles"; it was read with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead'],
    ]);
    // skipped, the types unknown are anomalies: the same note, of a log replayed
    expect(report(await inspect(lines({ format: 'purestream/events@1', domain: 'profiles' }, { seq: 1, id: 'e1', type: 'ProfileAdded', at: 0, data: {} }), { skipInvalid: true })).notes).toEqual([
      'the log\'s header names domain "profiles"; it was replayed with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead',
    ]);
  });

  describe('CloudEvents whose source names a purestream domain (as export writes them)', () => {
    const event = (domain: string, type: string, data: object) =>
      JSON.stringify({ id: 'e1', time: '2026-01-01T00:00:00.000Z', type: `purestream.${domain}.${type}`, source: `/purestream/${domain}`, specversion: '1.0', datacontenttype: 'application/json', subject: 'stock:tee@main', data, sequence: '00000000000000000001' });
    const restock = event('commerce', 'ItemRestocked', { sku: 'tee', qty: 5, warehouse: 'main' });

    it('read with another domain: refused for its types, the note names the source and the domain to replay it with', async () => {
      const r = await inspect(`[\n${restock}\n]\n`, { domain: bundledDomain('profiles')! });
      expect(r.ok ? undefined : [r.problems.map((p) => p.kind), r.notes]).toEqual([
        ['unknown-type'],
        ['the log\'s CloudEvents source "/purestream/commerce" names domain "commerce"; it was read with domain "profiles", as chosen; "profiles" does not know some of its types: replay it with domain "commerce" instead'],
      ]);
    });

    it('read with the domain it names: no note; read without one: the domain offered as sourceDomain', async () => {
      const same = report(await inspect(`[\n${restock}\n]\n`));
      expect([same.notes, same.sourceDomain, same.events]).toEqual([undefined, undefined, 1]);
      const bare = report(await inspect(`[\n${restock}\n]\n`, { domain: undefined }));
      expect([bare.notes, bare.sourceDomain, bare.headerDomain]).toEqual([undefined, 'commerce', undefined]);
    });

    it('a source of another producer names no domain', async () => {
      const other = JSON.stringify({ ...JSON.parse(restock), source: 'https://shop.example/orders' });
      expect(report(await inspect(`[\n${other}\n]\n`, { domain: undefined })).sourceDomain).toBeUndefined();
    });
  });

  it('names the envelope field that is wrong', async () => {
    const r = report(await inspect(lines({ seq: 'one', id: 'a', type: 'ItemRestocked', at: 0, data: {} }, { seq: 1, type: 'ItemRestocked', at: 0, data: {} }, { seq: 1, id: 'x', type: 'ItemRestocked', at: 'yesterday', data: {} }), { skipInvalid: true }));
    expect(r.anomalies.map((a) => a.message)).toEqual([
      'seq: expected an integer >= 0, got "one"',
      'id: expected a non-empty string, got nothing',
      'at: expected ms or an ISO-8601 time, got "yesterday"',
    ]);
  });
});

describe('inspectLog replay', () => {
  it("gives the state, its hash (the engine function) and the violation by event seq, with the event's id", async () => {
    const r = report(await inspect(lines(restocked(1, 1), ...placed(2, 'o1', 1, 'c1'), ...placed(4, 'o2', 1, 'c2'))));
    expect(r.violations).toEqual([{ invariant: 'stock-non-negative', stream: 'stock:tee@main', position: '5', eventSeq: 5, line: 5, record: 5, message: 'stock of tee@main is -1', globalPosition: '5', eventId: 'c2.2' }]);
    expect(r.stateHash).toBe(stateHash(r.finalState));
    expect(Object.keys(r.finalState!)).toEqual(['order:o1', 'order:o2', 'stock:tee@main']);
  });

  it('reports a violation once until the invariant holds again', async () => {
    const r = report(await inspect(lines(...placed(1, 'o1', 1, 'c1'), ...placed(3, 'o2', 1, 'c2'), restocked(5, 5), ...placed(6, 'o3', 9, 'c3'))));
    expect(r.violations.map((v) => v.eventSeq)).toEqual([2, 7]);
  });

  it('keeps the history in the engine trace structure when asked (eventSeq: the record number; t: ms since the epoch)', async () => {
    const r = await inspect(lines({ format: 'purestream/events@1' }, restocked(1, 2), ...placed(2, 'o1', 3, 'c1')), { history: true });
    if (!r.ok) throw new Error('refused');
    const t = (at: number) => VIRTUAL_EPOCH_MS + at;
    expect(r.history).toEqual([
      { step: 0, eventSeq: 2, t: t(1), stream: 'stock:tee@main', prevStep: -1, after: { sku: 'tee', warehouse: 'main', stock: 2 } },
      { step: 1, eventSeq: 3, t: t(2), stream: 'order:o1', prevStep: -1, after: { orderId: 'o1', customerId: 'u', sku: 'tee', qty: 3, warehouse: 'main', status: 'placed' } },
      { step: 2, eventSeq: 4, t: t(2), stream: 'stock:tee@main', prevStep: 0, after: { sku: 'tee', warehouse: 'main', stock: -1 }, violations: ['stock-non-negative'] },
    ]);
  });

  it('records a violation per stream: three stocks going negative are three entries', async () => {
    const reserve = (seq: number, sku: string) => ({ seq, id: `e${seq}`, type: 'StockReserved', at: seq, data: { sku, warehouse: 'main', qty: 1, orderId: `o${seq}` } });
    const r = report(await inspect(lines(reserve(1, 'a'), reserve(2, 'b'), reserve(3, 'a'), reserve(4, 'c'))));
    expect(r.violations.map((v) => [v.stream, v.eventSeq])).toEqual([
      ['stock:a@main', 1],
      ['stock:b@main', 2],
      ['stock:c@main', 4],
    ]);
  });

  it('does not replay a duplicated event twice (an idempotent store)', async () => {
    const r = report(await inspect(lines(restocked(1), restocked(1)), { skipInvalid: true }));
    expect(r.finalState!['stock:tee@main']).toEqual({ sku: 'tee', warehouse: 'main', stock: 5 });
  });

  it('reads the same log split into chunks at every position', async () => {
    const text = fixture('anomalies.jsonl');
    const whole = report(await inspect(text, { skipInvalid: true }));
    for (let i = 1; i < text.length; i += 7) {
      const parts = report(await inspect([text.slice(0, i), text.slice(i)], { skipInvalid: true }));
      expect(parts).toEqual(whole);
    }
  });
});

describe('inspectLog decision drift', () => {
  it('reports commands whose outcome today differs from the recorded one', async () => {
    const text = lines(
      restocked(1, 1),
      placeOrder('c1', 'o1', 1),
      ...placed(2, 'o1', 1, 'c1'),
      // recorded as accepted, but the stock is 0 now: today it is rejected
      placeOrder('c2', 'o2', 1),
      ...placed(4, 'o2', 1, 'c2'),
      // recorded as rejected although it is fine today
      placeOrder('c3', 'o3', 0),
      { kind: 'rejection', commandId: 'c3', code: 'invalid-quantity', at: 1 },
      { kind: 'command', id: 'c4', type: 'CancelOrder', at: 2, data: { orderId: 'o1' } },
      { kind: 'rejection', commandId: 'c4', code: 'something-old', at: 2 },
    );
    const r = report(await inspect(text, { skipInvalid: true }));
    expect(r.commands).toBe(4);
    expect(r.drift).toEqual([
      { commandId: 'c2', recorded: ['OrderPlaced', 'StockReserved'], now: 'rejected: out-of-stock', nowMessage: 'tee@main has 0, order wants 1', line: 5, record: 5 },
      { commandId: 'c4', recorded: 'rejected: something-old', now: ['OrderCancelled', 'StockReleased'], line: 10, record: 10 },
    ]);
  });

  it('decides consecutive commands of one batch as a batch', async () => {
    const batch = [{ id: 'b1', mode: 'all-or-nothing' }];
    const text = lines(
      restocked(1, 1),
      { ...placeOrder('c1', 'o1', 1), batch },
      { ...placeOrder('c2', 'o2', 1), batch },
      { kind: 'rejection', commandId: 'c1', code: 'batch-aborted', at: 0 },
      { kind: 'rejection', commandId: 'c2', code: 'out-of-stock', at: 0 },
    );
    expect(report(await inspect(text)).drift).toEqual([]);
  });
});

describe('inspectLog CloudEvents from another producer', () => {
  const expected = {
    'order:A-17': { orderId: 'A-17', customerId: 'cust-4', sku: 'mug', qty: 2, warehouse: 'berlin', status: 'shipped' },
    'stock:mug@berlin': { sku: 'mug', warehouse: 'berlin', stock: 1 },
  };
  const read = readLogMap(JSON.parse(fixture('acme-type-map.json')), commerce);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const map = read.map;

  for (const [name, format] of [
    ['acme-orders.ndjson', 'auto'],
    ['acme-orders.ndjson', 'cloudevents'],
    ['acme-orders-batch.json', 'auto'],
    ['acme-orders-batch.json', 'json'],
    ['acme-orders-batch.json', 'cloudevents'],
  ] as const) {
    it(`reads ${name} (--format ${format}) with a type map`, async () => {
      const r = report(await inspect(fixture(name), { format, map }));
      expect(r.anomalies).toEqual([]);
      expect(r.types).toEqual({ 'com.acme.inventory.ItemRestocked': 1, OrderPlaced: 1, 'com.acme.inventory.StockReserved': 1, OrderShipped: 1 });
      expect(r.finalState).toEqual(expected);
    });
  }

  it('names the unmatched types without a type map', async () => {
    const r = await inspect(fixture('acme-orders.ndjson'));
    expect(r.ok ? [] : r.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'unknown-type'],
      [4, 'unknown-type'],
    ]);
  });

  it('validates CloudEvents attributes and data xor data_base64', async () => {
    const base = { specversion: '1.0', id: 'x', source: '/s', type: 'ItemRestocked', data: { sku: 'a', qty: 1, warehouse: 'w' } };
    const r = report(
      await inspect(
        lines(
          { ...base, id: undefined },
          { ...base, specversion: '0.9' },
          { ...base, data_base64: 'e30=' },
          { ...base, id: 'y', time: 'not a time' },
          { ...base, id: 'z', Bad: 1 },
          { ...base, id: 'w', data_base64: '!!!', data: undefined },
          { ...base, id: 'v', data: '<stock sku="a"/>', datacontenttype: 'application/xml' },
        ),
        { skipInvalid: true },
      ),
    );
    expect(r.anomalies.map((a) => [a.line, a.kind])).toEqual([
      [1, 'malformed'],
      [2, 'malformed'],
      [3, 'malformed'],
      [4, 'malformed'],
      [5, 'malformed'],
      [6, 'malformed'],
      [7, 'invalid-data'],
    ]);
    expect(r.anomalies[0].message).toBe('not a valid CloudEvent: id: expected a non-empty string, got nothing');
    expect(r.anomalies[2].message).toContain('data_base64');
    expect(r.anomalies[6].message).toBe('data: expected an object, got "<stock sku=\\"a\\"/>"');
  });

  it('refuses events-JSON records when told the file is CloudEvents', async () => {
    const r = await inspect(lines(restocked(1)), { format: 'cloudevents' });
    expect(r.ok ? [] : r.problems.map((p) => p.kind)).toEqual(['malformed']);
  });
});

describe('inspectLog JSON arrays, progress and cancellation', () => {
  it('reads a JSON array of events records with element line numbers', async () => {
    const text = `[\n${JSON.stringify(restocked(1))},\n  "oops",\n${JSON.stringify(restocked(3))}\n]`;
    const r = report(await inspect(text, { skipInvalid: true }));
    expect(r.anomalies.map((a) => [a.line, a.kind])).toEqual([
      [3, 'malformed'],
      [4, 'gap'],
    ]);
  });

  it('reports an unclosed array', async () => {
    const r = await inspect(`[${JSON.stringify(restocked(1))}`);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['the JSON array is not closed (missing "]")']);
  });

  it('reports progress per chunk and stops when cancelled', async () => {
    const chunks = [lines(restocked(1)), lines(restocked(2)), lines(restocked(3))];
    const seen: number[] = [];
    await inspect(chunks, { onProgress: (p) => seen.push(p.records) });
    expect(seen).toEqual([1, 2, 3]);
    let polls = 0;
    await expect(inspect(chunks, { isCancelled: () => ++polls > 1 })).rejects.toBeInstanceOf(InspectCancelled);
  });
});

describe('LogInspector hooks', () => {
  it('hands over each record read, with its place, and counts as it goes', () => {
    const read: string[] = [];
    const inspector = new LogInspector({ domain: commerce, skipInvalid: true, profile: 'purestream', onRecord: (r) => read.push(`${r.line}/${r.record}:${r.read?.kind ?? r.problem?.kind}`) });
    inspector.record('{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{"sku":"tee","qty":2,"warehouse":"main"}}', 1);
    inspector.record('not json', 2);
    inspector.record('   ', 3);
    inspector.record('{"kind":"command","id":"c1","type":"ShipOrder","at":1,"data":{"orderId":"o"}}', 4);
    expect(read).toEqual(['1/1:event', '2/2:malformed', '4/3:command']);
    expect(inspector.counts()).toEqual({ events: 1, commands: 1, types: { ItemRestocked: 1 }, anomalies: 1, violations: 0, staleDecisions: 0 });
    // without a domain nothing is checked: no violations counted (and without command records no stale decisions)
    const plain = new LogInspector({ skipInvalid: true, profile: 'purestream' });
    plain.record('{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{"sku":"tee","qty":2,"warehouse":"main"}}', 1);
    expect(plain.counts()).toEqual({ events: 1, commands: 0, types: { ItemRestocked: 1 }, anomalies: 0 });
  });

  it('counts the violations found so far as the report lists them', () => {
    const inspector = new LogInspector({ domain: commerce, skipInvalid: true, profile: 'purestream' });
    inspector.record('{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{"sku":"tee","qty":1,"warehouse":"main"}}', 1);
    expect(inspector.counts().violations).toBe(0);
    // 3 reserved of 1 in stock: the stock goes below zero
    inspector.record('{"seq":2,"id":"e2","type":"StockReserved","at":2,"stream":"stock:tee@main","data":{"sku":"tee","qty":3,"warehouse":"main","orderId":"o1"}}', 2);
    expect(inspector.counts().violations).toBe(1);
    const result = inspector.finish('log');
    if (!result.ok) throw new Error('refused');
    expect(result.report.violations).toHaveLength(1);
  });
});
