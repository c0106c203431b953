/**
 * Flat payloads packed on one thread and built on another (src/logs/framing/flatData) must be
 * what JSON.parse makes of their text: the same members in the same order, the same values
 * (Object.is: -0 stays -0), the same prototype. Generated payloads, fixed seed.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/engine/random';
import { FlatPacker, FlatReader, MAX_MEMBERS, NOT_PACKED } from '../../../src/logs/framing/flatData';

const KEYS = ['sku', 'qty', 'warehouse', 'orderId', '1', '10', '2', 'a b', 'é', '__proto__', 'constructor', 'toString', ''];
const NUMBERS = ['0', '-0', '1', '-1', '3.5', '1e400', '-1e400', '1e-400', '9007199254740993', '2147483648', '1073741824', '-1073741825', '0.1', '12345678901234567890', '1E3'];
const STRINGS = ['"main"', '""', '"sku-1"', '"a\\"b"', '"\\u00e9\\ud83c\\udf89"', '"line\\nbreak"', '"main"', '"x".repeat'];

/** A payload's JSON text: mostly flat objects, some with nested values, duplicate or odd keys. */
function payload(random: ReturnType<typeof seededRandom>): string {
  const roll = random.int(0, 99);
  if (roll < 3) return ['[1,2]', '"text"', '12', 'null', 'true'][random.int(0, 4)];
  const members: string[] = [];
  const n = roll < 6 ? MAX_MEMBERS + 1 : random.int(0, 7);
  for (let i = 0; i < n; i++) {
    const key = roll < 6 ? `k${i}` : KEYS[random.int(0, KEYS.length - 1)];
    const kind = random.int(0, 9);
    const value =
      kind < 4 ? NUMBERS[random.int(0, NUMBERS.length - 1)] : kind < 7 ? STRINGS[random.int(0, STRINGS.length - 2)] : kind === 7 ? ['true', 'false', 'null'][random.int(0, 2)] : kind === 8 && random.int(0, 3) === 0 ? '{"in":1}' : '"v"';
    members.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${members.join(',')}}`;
}

/** Member names and values as [name, value] pairs, values compared with Object.is. */
const members = (o: object): [string, unknown][] => Object.keys(o).map((k) => [k, (o as Record<string, unknown>)[k]]);

describe('flat payloads built from columns', () => {
  it('are what JSON.parse makes of the same text, or are not packed', () => {
    const random = seededRandom(18, 4);
    const packer = new FlatPacker();
    let packed = 0;
    for (let batch = 0; batch < 40; batch++) {
      const texts = Array.from({ length: 100 }, () => payload(random));
      const parsed = texts.map((t) => JSON.parse(t) as unknown);
      const flags = parsed.map((p, i) => packer.add(p, i % 3));
      const reader = new FlatReader(structuredClone(packer.take()));
      for (let i = 0; i < texts.length; i++) {
        const built = reader.data(i);
        if (!flags[i]) {
          expect(built, texts[i]).toBe(NOT_PACKED);
          continue;
        }
        packed++;
        const expected = JSON.parse(texts[i]) as object;
        expect(Object.getPrototypeOf(built), texts[i]).toBe(Object.prototype);
        const got = members(built as object);
        const want = members(expected);
        expect(got.map(([k]) => k), texts[i]).toEqual(want.map(([k]) => k));
        for (let m = 0; m < want.length; m++) expect(Object.is(got[m][1], want[m][1]), `${texts[i]} ${want[m][0]}`).toBe(true);
      }
    }
    expect(packed).toBeGreaterThan(2500);
  });

  it('tells shapes apart whatever their keys hold', () => {
    const packer = new FlatPacker();
    const texts = ['{"sku":"tee","qty":3,"warehouse":"main"}', '{"sku\\u00004qty\\u00000warehouse":"tee"}', '{"sku":"hat","qty":7,"warehouse":"main"}'];
    for (const t of texts) packer.add(JSON.parse(t));
    const reader = new FlatReader(packer.take());
    expect(texts.map((_, i) => reader.data(i))).toEqual(texts.map((t) => JSON.parse(t)));
  });

  it('does not pack a payload with a nested value, a __proto__ member or too many members', () => {
    const packer = new FlatPacker();
    expect(packer.add(JSON.parse('{"a":{"b":1}}'))).toBe(false);
    expect(packer.add(JSON.parse('{"__proto__":1}'))).toBe(false);
    expect(packer.add(Object.fromEntries(Array.from({ length: MAX_MEMBERS + 1 }, (_, i) => [`k${i}`, i])))).toBe(false);
    expect(packer.add(undefined)).toBe(false);
    expect(packer.add(JSON.parse('{"a":1,"b":"x"}'))).toBe(true);
    const reader = new FlatReader(packer.take());
    expect([0, 1, 2, 3].map((i) => reader.data(i))).toEqual([NOT_PACKED, NOT_PACKED, NOT_PACKED, NOT_PACKED]);
    expect(reader.data(4)).toEqual({ a: 1, b: 'x' });
  });
});
