import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyHash, KeyTable } from '../../../src/logs/keyTable';

describe('KeyTable', () => {
  it('reads like a Map after any sequence of sets, in insertion order', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('order:o-1', 'stock:tee@main', '\ud800', ''), fc.nat(300).map((n) => `s-${n}`));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 600 }), (ops) => {
        const table = new KeyTable<number>(4);
        const map = new Map<string, number>();
        for (const [k, v] of ops) {
          table.set(k, v);
          map.set(k, v);
        }
        expect(table.size).toBe(map.size);
        expect([...table.keys()]).toEqual([...map.keys()]);
        expect([...table.values()]).toEqual([...map.values()]);
        for (const k of map.keys()) expect(table.get(k)).toBe(map.get(k));
        expect(table.get('absent key')).toBe(map.get('absent key'));
        expect(table.has('absent key')).toBe(false);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('tells keys apart when their hashes collide, and keeps them through growth', () => {
    const table = new KeyTable<string>(2);
    const hash = keyHash('same');
    for (let i = 0; i < 200; i++) expect(table.insert(`k${i}`, hash, `v${i}`)).toBe(i);
    for (let i = 0; i < 200; i++) expect(table.valueAt(table.find(`k${i}`, hash))).toBe(`v${i}`);
    expect(table.find('k200', hash)).toBe(-1);
    table.setValueAt(table.find('k7', hash), 'seven');
    expect(table.valueAt(7)).toBe('seven');
  });

  it('hashes every UTF-16 code unit (a rope built by concatenation hashes as its flat text)', () => {
    const rope = ['order:', 'o-', String(12345)].join('') + '';
    expect(keyHash(`order:o-${12345}`)).toBe(keyHash(rope));
    expect(keyHash('ab')).not.toBe(keyHash('ba'));
    expect(keyHash('\ud800a')).not.toBe(keyHash('\ud800b'));
  });
});
