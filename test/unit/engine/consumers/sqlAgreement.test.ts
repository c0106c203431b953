import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { SqlInterpreter } from '../../../../src/engine/consumers/sql';
import { sqlMatchesState } from '../../../../src/engine/consumers/sqlAgreement';
import { StateStore } from '../../../../src/engine/consumers/stateStore';
import { loadSqlJs, logOf, type Cmd } from './fixtures';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const sku = fc.constantFrom('tee', 'mug');
const orderId = fc.constantFrom('o1', 'o2', 'o3', 'o4');
const commerceCommand: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ type: fc.constant('RestockItem'), data: fc.record({ sku, qty: fc.integer({ min: 1, max: 5 }), warehouse: fc.constantFrom('main', 'east') }) }),
  fc.record({ type: fc.constant('PlaceOrder'), data: fc.record({ orderId, customerId: fc.constantFrom('ann', 'bob'), sku, qty: fc.integer({ min: 1, max: 3 }), warehouse: fc.constantFrom('main', 'east') }) }),
  fc.record({ type: fc.constantFrom('CancelOrder', 'ShipOrder'), data: fc.record({ orderId }) }),
);
const profileId = fc.constantFrom('p1', 'p2');
const name = fc.record({ first: fc.string({ maxLength: 3 }), last: fc.string({ maxLength: 3 }) });
const profilesCommand: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ type: fc.constant('AddProfile'), data: fc.record({ profileId, userId: fc.constant('u'), title: fc.string({ maxLength: 4 }), bio: fc.string({ maxLength: 4 }), name }) }),
  fc.record({ type: fc.constant('UpdateProfile'), data: fc.record({ profileId, title: fc.string({ maxLength: 4 }), bio: fc.string({ maxLength: 4 }), name }), actor: fc.constant('u') }),
  fc.record({ type: fc.constantFrom('AddGalleryImage', 'RemoveGalleryImage'), data: fc.record({ profileId, imageRef: fc.constantFrom('a', 'b', 'c', 'd') }), actor: fc.constant('u') }),
);

const agree = (decider: AnyDomainModule, commands: readonly Cmd[]) => {
  const sql = new SqlInterpreter(decider, sqlJs);
  const state = new StateStore(decider);
  for (const e of logOf(decider, commands)) {
    expect(sql.enact(e, 0)).toEqual({ type: 'enacted' });
    state.enact(e, 0);
  }
  const differences = sqlMatchesState(sql, state.snapshot(), decider);
  sql.dispose();
  return differences;
};

describe('sql tables agree with the state store', () => {
  it('on any serial commerce history', () => {
    fc.assert(fc.property(fc.array(commerceCommand, { maxLength: 30 }), (commands) => {
      expect(agree(commerce, commands)).toEqual([]);
    }), { seed: 42, numRuns: 150 });
  });

  it('on any serial profiles history (gallery order compared as rank)', () => {
    fc.assert(fc.property(fc.array(profilesCommand, { maxLength: 30 }), (commands) => {
      expect(agree(profiles, commands)).toEqual([]);
    }), { seed: 42, numRuns: 150 });
  });

  it('refuses a domain it has no mapping for', () => {
    const sql = new SqlInterpreter({ ...commerce, id: 'other' }, sqlJs);
    expect(() => sqlMatchesState(sql, {}, { ...commerce, id: 'other' })).toThrow("no SQL agreement mapping for domain 'other' (known: commerce, profiles)");
  });
});

describe('consumers stay browser-safe', () => {
  it('import sql.js only as a type (the host injects the module)', () => {
    const dir = join(__dirname, '../../../../src/engine/consumers');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/^import (?!type )[^;]*from 'sql\.js'/m);
    }
  });
});
