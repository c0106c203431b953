/** The one rule for the open module a domain id stands for where no file is named, and what is said when several open modules have the id. */
import { describe, expect, it } from 'vitest';
import { moduleForDomain, moduleOfId, sharedIdNotice } from '../../../../renderer/lib/modules/moduleOfId';

const cart = { name: 'cart.ts', id: 'cart' };
const bank = { name: 'bank.ts', id: 'my-bank' };
const bankV2 = { name: 'bank-v2.ts', id: 'my-bank' };
const bankV3 = { name: 'bank-v3.ts', id: 'my-bank' };

describe('moduleOfId', () => {
  it('takes the one open module whose description has the id, by its file name', () => {
    expect(moduleOfId('my-bank', [cart, bank])).toEqual({ name: 'bank.ts', others: [] });
    expect(moduleOfId('my-bank', [bankV2])).toEqual({ name: 'bank-v2.ts', others: [] });
  });

  it('takes the first on the Domains view when several have the id, naming the others in its order', () => {
    expect(moduleOfId('my-bank', [cart, bankV2, bank, bankV3])).toEqual({ name: 'bank-v2.ts', others: ['bank.ts', 'bank-v3.ts'] });
  });

  it('takes none when no open module has the id (a file name is not an id)', () => {
    expect(moduleOfId('my-bank', [])).toBeUndefined();
    expect(moduleOfId('my-bank', [cart])).toBeUndefined();
    expect(moduleOfId('bank.ts', [bank])).toBeUndefined();
  });
});

describe('sharedIdNotice', () => {
  it('says nothing when the module is the only one of its id', () => {
    expect(sharedIdNotice('my-bank', moduleOfId('my-bank', [cart, bank])!)).toBeUndefined();
  });

  it('names the file used, every module of the id, and how to use the other', () => {
    expect(sharedIdNotice('my-bank', moduleOfId('my-bank', [bank, cart, bankV2])!)).toBe(
      '2 open modules have the id "my-bank" (bank.ts, bank-v2.ts): bank.ts, the first on the Domains view, is used (close it there to use bank-v2.ts)',
    );
    expect(sharedIdNotice('my-bank', moduleOfId('my-bank', [bank, bankV2, bankV3])!)).toBe(
      '3 open modules have the id "my-bank" (bank.ts, bank-v2.ts, bank-v3.ts): bank.ts, the first on the Domains view, is used (close the ones not meant there)',
    );
  });
});

describe('moduleForDomain', () => {
  it('takes the file the open scenario names, the module it was checked against, though another open module of the id comes first', () => {
    expect(moduleForDomain('my-bank', 'bank-v2.ts', [bank, bankV2])).toEqual({ name: 'bank-v2.ts', others: [] });
  });

  it("takes moduleOfId's module when no file is named, or the file named has another id or is not open", () => {
    expect(moduleForDomain('my-bank', undefined, [bank, bankV2])).toEqual({ name: 'bank.ts', others: ['bank-v2.ts'] });
    expect(moduleForDomain('my-bank', 'cart.ts', [cart, bank])).toEqual({ name: 'bank.ts', others: [] });
    expect(moduleForDomain('my-bank', 'bank-v3.ts', [bank])).toEqual({ name: 'bank.ts', others: [] });
    expect(moduleForDomain('my-bank', 'cart.ts', [cart])).toBeUndefined();
  });
});
