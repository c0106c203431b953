/** The purestream profile reads its common event record quickly; its JSON.parse reading is the oracle. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { purestreamProfile } from '../../../src/logs/profiles/purestream';
import { scanEnvelope, scanEvent } from '../../../src/logs/profiles/purestreamScan';

/** JSON whitespace, or none. */
const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', '\r', ' \n ');
/** Integers as JSON writes them, and numbers the scanner must leave to JSON.parse. */
const number = fc.oneof(
  { arbitrary: fc.nat(2_000_000).map(String), weight: 4 },
  fc.constantFrom('0', '-1', '1.5', '1e3', '1E3', '007', '9007199254740993', '123456789012345', '1234567890123456', '-0', '0.0'),
);
/** Strings as JSON writes them, with escapes and control characters now and then, or other values. */
const stringish = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9:@.-]{1,12}$/).map((s) => `"${s}"`), weight: 4 },
  fc.constantFrom('e1', 'c3.2', '', 'ItemRestocked', 'OrderPlaced', 'NoSuchType', 'stock:tee@main', 'a\\"b', 'tab\there', 'x\\u0041', '\ud800').map((s) => `"${s}"`),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('null', 'true', '{}', '[]', '12'),
);
const data = fc.oneof(
  { arbitrary: fc.record({ sku: fc.constantFrom('tee', 'mug', ''), qty: fc.integer({ min: -1, max: 30 }), warehouse: fc.constantFrom('main', 'east') }).map((d) => JSON.stringify(d)), weight: 4 },
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{"sku":"tee","qty":2,"warehouse":"main"}', '{"sku":"tee","qty":2,"warehouse":"main"} ,"seq":3', '{"sku":"tee","qty":2,"warehouse":"main","__proto__":1}', '{bad'),
);
const keyValue = fc.oneof(
  fc.tuple(fc.constantFrom('seq', 'at'), number),
  fc.tuple(fc.constantFrom('id', 'type', 'stream', 'causationId', 'correlationId'), stringish),
  fc.tuple(fc.constantFrom('kind', 'specversion', 's\\u0065q', 'sequence'), stringish),
);
/** Writes members as a record, with whitespace `spaces` between its tokens. */
const write = (members: readonly (readonly [string, string])[], spaces: readonly string[]) => {
  const w = (k: number) => spaces[k % spaces.length];
  return `${w(0)}{${members.map(([k, v], i) => `${w(i + 1)}"${k}"${w(i + 2)}:${w(i + 3)}${v}${w(i + 4)}`).join(',')}}${w(5)}`;
};
const spaces = fc.array(ws, { minLength: 12, maxLength: 12 });
const type = fc.constantFrom('ItemRestocked', 'StockReserved', 'OrderShipped');
/** Any members in any order (some missing, some repeated, unknown keys), `data` anywhere. */
const chaotic = fc.tuple(fc.array(keyValue, { maxLength: 8 }), type, data, fc.nat(9), spaces).map(([members, t, d, dataAt, sp]) => {
  const all: [string, string][] = [['seq', '1'], ['id', '"e1"'], ['type', `"${t}"`], ['at', '5'], ...members];
  all.splice(Math.min(dataAt, all.length), 0, ['data', d]);
  return write(all, sp);
});
/** The envelope's members once each in any order, values of every kind, `data` last: mostly the quick path's. */
const plainWith = (gaps: fc.Arbitrary<string[]>, turn: fc.Arbitrary<number>) =>
  fc.tuple(
    fc.shuffledSubarray(['stream', 'causationId', 'correlationId'] as const),
    fc.record({ seq: number, id: stringish, at: number, s: stringish }),
    type,
    data,
    gaps,
    turn,
    fc.nat(3),
  );
const plain = plainWith(spaces, fc.nat(4))
  .map(([optional, v, t, d, sp, rotate, after]) => {
    // the last `after` optional members follow data, as purestream's export writes them
    const behind = optional.slice(optional.length - Math.min(after, optional.length)).map((k) => [k, v.s] as [string, string]);
    const ahead = optional.slice(0, optional.length - behind.length).map((k) => [k, v.s] as [string, string]);
    const members: [string, string][] = [['seq', v.seq], ['id', v.id], ['type', `"${t}"`], ['at', v.at], ...ahead];
    const turned = [...members.slice(rotate % members.length), ...members.slice(0, rotate % members.length)];
    return write([...turned, ['data', d], ...behind], sp);
  });
/** The same, written compactly in the standard order (seq, id, type, at, data): the scanner's quickest path. */
const standard = plainWith(fc.constant(['']), fc.constant(0))
  .map(([optional, v, t, d, , , after]) => {
    const behind = optional.slice(optional.length - Math.min(after, optional.length)).map((k) => [k, v.s] as [string, string]);
    return write([['seq', v.seq], ['id', v.id], ['type', `"${t}"`], ['at', v.at], ['data', d], ...behind], ['']);
  });
const record = fc.oneof(chaotic, plain, standard);

/** The JSON.parse reading, the oracle (undefined when it is not an event record). */
function parsed(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = purestreamProfile.read!(value as Record<string, unknown>);
  return typeof r === 'object' && r.kind === 'event' ? r : undefined;
}

describe("the purestream profile's quick reading", () => {
  it('reads every record it takes exactly as the JSON.parse reading does', () => {
    let scanned = 0;
    fc.assert(
      fc.property(record, (text) => {
        const quick = scanEvent(text);
        if (quick === undefined) return;
        scanned++;
        expect(JSON.parse(JSON.stringify(quick))).toEqual(JSON.parse(JSON.stringify(parsed(text))));
      }),
      { seed: 2026, numRuns: 6000 },
    );
    // the quick reading is taken often enough for the comparison to mean something
    expect(scanned).toBeGreaterThan(300);
  });

  it('reads the common record in place, and leaves every other form to JSON.parse', () => {
    const text = '{"seq":12,"id":"e12","type":"ItemRestocked","at":36,"stream":"stock:tee@main","data":{"sku":"tee","qty":3,"warehouse":"main"}}';
    expect(scanEvent(text)).toMatchObject({ globalPosition: '12', id: 'e12', type: 'ItemRestocked', stream: 'stock:tee@main', data: { sku: 'tee', qty: 3, warehouse: 'main' } });
    // purestream's export: string members after data
    const exported = '{"seq":3,"id":"c2.1","type":"ItemRestocked","at":0,"data":{"sku":"tee","qty":3,"warehouse":"main"},"stream":"stock:tee@main","causationId":"c2","correlationId":"c2"}';
    expect(scanEvent(exported)).toMatchObject({ globalPosition: '3', id: 'c2.1', stream: 'stock:tee@main', causationId: 'c2', correlationId: 'c2' });
    for (const other of [
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":"2026-01-01T00:00:00Z","data":{}}',
      '{"seq":1,"id":"e\\u0031","type":"ItemRestocked","at":1,"data":{}}',
      '{"seq":1,"seq":2,"id":"e1","type":"ItemRestocked","at":1,"data":{}}',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1}',
      '{"seq":1.0,"id":"e1","type":"ItemRestocked","at":1,"data":{}}',
      '{"seq":9007199254740993,"id":"e1","type":"ItemRestocked","at":1,"data":{}}',
      '{"kind":"command","id":"c1","type":"RestockItem","at":1,"data":{}}',
      '{"specversion":"1.0","id":"x","source":"s","type":"t","data":{}}',
      '[1]',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{},"stream":"a\\"b"}',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{},"stream":"s","stream":"t"}',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":{},"seq":"2"}',
      '{"seq":1,"id":"e1","type":"ItemRestocked","at":1,"data":"x"}',
    ])
      expect(scanEvent(other), other).toBeUndefined();
    expect(scanEnvelope('{"seq":1,"id":"e1","type":"T","at":1,"data":{},"x":1}')).toBeUndefined();
    // an id written after data: where it lies is told exactly
    const late = '{"seq":1,"type":"T","at":1,"data":{"a":1},"id":"e1"}';
    const envelope = scanEnvelope(late)!;
    expect(envelope.id).toBe('e1');
    expect(late.slice(envelope.idStart, envelope.idEnd)).toBe('e1');
    expect(scanEvent(late)).toMatchObject({ id: 'e1', type: 'T', data: { a: 1 } });
  });
});
