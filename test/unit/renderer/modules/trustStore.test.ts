import { describe, expect, it } from 'vitest';
import { MAX_TRUSTED, parseTrusted, TRUST_KEY, TrustStore, withTrusted } from '../../../../renderer/lib/modules/trustStore';
import { moduleHash } from '../../../../renderer/lib/modules/moduleHash';
import { moduleFilesOf } from '../../../../renderer/lib/modules/pickedFiles';

const memory = () => {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
};
const h = (c: string) => c.repeat(64);

describe('TrustStore (the trust prompt asks once per path and content)', () => {
  it('remembers a trusted version by path and hash; an edited module is asked about again', () => {
    const storage = memory();
    const store = new TrustStore(storage);
    expect(store.isTrusted('bank.ts', h('a'))).toBe(false);
    store.trust('bank.ts', h('a'));
    expect(new TrustStore(storage).isTrusted('bank.ts', h('a'))).toBe(true);
    expect(store.isTrusted('bank.ts', h('b'))).toBe(false);
    expect(store.isTrusted('cart.mjs', h('a'))).toBe(false);
  });

  it('reads corrupt storage as nothing trusted, and survives storage that throws', () => {
    const storage = memory();
    storage.setItem(TRUST_KEY, '{not json');
    expect(new TrustStore(storage).isTrusted('bank.ts', h('a'))).toBe(false);
    expect(parseTrusted(JSON.stringify([{ path: 'x', hash: 'short' }, { path: 1, hash: h('a') }, { path: 'ok', hash: h('c') }]))).toEqual([{ path: 'ok', hash: h('c') }]);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const store = new TrustStore(throwing);
    expect(() => store.trust('bank.ts', h('a'))).not.toThrow();
    expect(store.isTrusted('bank.ts', h('a'))).toBe(false);
    expect(new TrustStore(undefined).isTrusted('bank.ts', h('a'))).toBe(false);
  });

  it('keeps the newest versions first, once each, capped', () => {
    let list = withTrusted([], { path: 'a', hash: h('1') });
    list = withTrusted(list, { path: 'b', hash: h('1') });
    list = withTrusted(list, { path: 'a', hash: h('1') });
    expect(list.map((t) => t.path)).toEqual(['a', 'b']);
    for (let i = 0; i < MAX_TRUSTED + 5; i++) list = withTrusted(list, { path: `m${i}`, hash: h('2') });
    expect(list).toHaveLength(MAX_TRUSTED);
  });

  it('hashes a module over its files: the same files the same hash, any edit another', async () => {
    const one = await moduleHash({ entry: '/bank.ts', files: { '/bank.ts': 'a', '/fee.ts': 'b' } });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(await moduleHash({ entry: '/bank.ts', files: { '/fee.ts': 'b', '/bank.ts': 'a' } })).toBe(one);
    expect(await moduleHash({ entry: '/bank.ts', files: { '/bank.ts': 'a', '/fee.ts': 'c' } })).not.toBe(one);
  });
});

describe('moduleFilesOf (what the user picked or dropped)', () => {
  it('takes the only module file, or the one the others do not import, or the one asked for', () => {
    expect(moduleFilesOf([{ name: 'bank.ts', text: 'x' }])).toEqual({ entry: '/bank.ts', files: { '/bank.ts': 'x' } });
    const picked = [{ name: 'fees.ts', text: 'export const f = 1;' }, { name: 'bank.ts', text: "import { f } from './fees';" }];
    expect(moduleFilesOf(picked)).toMatchObject({ entry: '/bank.ts' });
    expect(moduleFilesOf(picked, 'fees.ts')).toMatchObject({ entry: '/fees.ts' });
    expect(moduleFilesOf(picked, 'cart.mjs')).toBe('pick cart.mjs, or one module file to read as cart.mjs (fees.ts, bank.ts were picked)');
    // an edited copy under another name, picked for Reload: read as the module it replaces
    expect(moduleFilesOf([{ name: 'bank-v2.ts', text: 'y' }, { name: 'notes.md', text: '' }], 'bank.ts')).toEqual({ entry: '/bank.ts', files: { '/notes.md': '', '/bank.ts': 'y' }, pickedAs: 'bank-v2.ts' });
  });

  it('refuses a pick with no module file, naming what was picked', () => {
    expect(moduleFilesOf([{ name: 'notes.json', text: '{}' }])).toBe('notes.json: not a domain module: expected a .ts, .mts, .js or .mjs file');
  });
});
