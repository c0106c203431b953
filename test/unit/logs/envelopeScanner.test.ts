import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commerce } from '../../../domain';
import { scanEnvelope } from '../../../src/logs/envelopeScanner';
import { RecordReader } from '../../../src/logs/recordReader';

/** JSON whitespace, or none. */
const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', '\r', ' \n ');
/** Integers as JSON writes them, and numbers the scanner must leave to JSON.parse. */
const number = fc.oneof(
  fc.nat(2_000_000).map(String),
  fc.constantFrom('0', '-1', '1.5', '1e3', '1E3', '007', '9007199254740993', '123456789012345', '1234567890123456', '-0', '0.0'),
);
/** Strings as JSON writes them, with escapes and control characters now and then, or other values. */
const stringish = fc.oneof(
  fc.constantFrom('e1', 'c3.2', '', 'ItemRestocked', 'OrderPlaced', 'NoSuchType', 'stock:tee@main', 'a\\"b', 'tab\there', 'x\\u0041', '\ud800').map((s) => `"${s}"`),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('null', 'true', '{}', '[]', '12'),
);
const data = fc.oneof(
  fc.record({ sku: fc.constantFrom('tee', 'mug', ''), qty: fc.integer({ min: -1, max: 30 }), warehouse: fc.constantFrom('main', 'east') }).map((d) => JSON.stringify(d)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{"sku":"tee","qty":2,"warehouse":"main"}', '{"sku":"tee","qty":2,"warehouse":"main"} ,"seq":3', '{"sku":"tee","qty":2,"warehouse":"main","__proto__":1}', '{bad'),
);
const keyValue = fc.oneof(
  fc.tuple(fc.constantFrom('seq', 'at'), number),
  fc.tuple(fc.constantFrom('id', 'type', 'stream', 'causationId', 'correlationId'), stringish),
  fc.tuple(fc.constantFrom('kind', 'specversion', 's\\u0065q', 'sequence'), stringish),
);
/** A record built from members in any order (some missing, some repeated), `data` anywhere or last. */
const record = fc
  .tuple(
    fc.array(keyValue, { minLength: 0, maxLength: 8 }),
    fc.tuple(fc.constantFrom('seq', 'at'), fc.nat(99_999).map(String)),
    fc.constantFrom('ItemRestocked', 'StockReserved', 'OrderShipped'),
    data,
    fc.nat(9),
    fc.array(ws, { minLength: 12, maxLength: 12 }),
  )
  .map(([members, , type, d, dataAt, spaces]) => {
    const base: [string, string][] = [['seq', '1'], ['id', '"e1"'], ['type', `"${type}"`], ['at', '5'], ...members];
    const all = [...base];
    all.splice(Math.min(dataAt, all.length), 0, ['data', d]);
    const w = (k: number) => spaces[k % spaces.length];
    return `${w(0)}{${all.map(([k, v], i) => `${w(i + 1)}"${k}"${w(i + 2)}:${w(i + 3)}${v}${w(i + 4)}`).join(',')}}${w(5)}`;
  });

describe('the envelope scanner', () => {
  const reader = new RecordReader(commerce);

  it('reads every record exactly as the JSON.parse path does', () => {
    let scanned = 0;
    fc.assert(
      fc.property(record, (text) => {
        if (scanEnvelope(text)) scanned++;
        expect(reader.read(text)).toEqual(reader.parse(text));
      }),
      { seed: 2026, numRuns: 6000 },
    );
    // the quick path is taken often enough for the comparison to mean something
    expect(scanned).toBeGreaterThan(300);
  });

  it('reads the common record in place, and leaves every other form to JSON.parse', () => {
    const text = '{"seq":12,"id":"e12","type":"ItemRestocked","at":36,"stream":"stock:tee@main","data":{"sku":"tee","qty":3,"warehouse":"main"}}';
    const e = scanEnvelope(text)!;
    expect(e).toMatchObject({ seq: 12, id: 'e12', type: 'ItemRestocked', at: 36, stream: 'stock:tee@main', causationId: undefined });
    expect(JSON.parse(text.slice(e.dataStart, e.dataEnd))).toEqual({ sku: 'tee', qty: 3, warehouse: 'main' });
    for (const other of [
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":"2026-01-01T00:00:00Z","data":{}}',
      '{"seq":1,"id":"e\\u0031","type":"ItemRestocked","at":1,"data":{}}',
      '{"seq":1,"seq":2,"id":"e1","type":"ItemRestocked","at":1,"data":{}}',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1}',
      '{"seq":1.0,"id":"e1","type":"ItemRestocked","at":1,"data":{}}',
      '{"kind":"command","id":"c1","type":"RestockItem","at":1,"data":{}}',
      '{"specversion":"1.0","id":"x","source":"s","type":"t","data":{}}',
      '[1]',
    ])
      expect(scanEnvelope(other)).toBeUndefined();
    // a member after data is found by JSON.parse, which refuses the data text: the record is read in full
    const after = '{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{"sku":"tee","qty":1,"warehouse":"main"},"x":1}';
    expect(reader.read(after)).toEqual(reader.parse(after));
    expect(reader.read(after)).toMatchObject({ kind: 'event' });
  });
});
