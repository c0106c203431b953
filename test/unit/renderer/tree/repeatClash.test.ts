import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { clashOf, rejectionOf, twoCopies, withNumberedIds } from '../../../../renderer/lib/tree/repeatClash';
import { arrivalOrderOf, arrivalsOf } from '../../../../renderer/lib/tree/treeRows';
import { toDomainModule } from '../../../../src/engine/module/bundled';
import { dryRun } from '../../../../src/engine/dryRun';
import { expandScenario } from '../../../../src/engine/scenario/expand';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import bank from '../../../../samples/domains/bank';

const bankModule = toDomainModule(bank as object) as AnyDomainModule;

/** What the editor does: the repeat at `commands[index]` cut to two copies, each dry-run in turn (as the engine worker does). */
function copiesDecided(raw: Record<string, unknown>, index: number, numbered?: readonly string[], domain?: AnyDomainModule) {
  const parsed = parseScenario(raw, undefined, domain ? { domain } : {});
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const pair = twoCopies(parsed.scenario, index, numbered)!;
  const first = arrivalOrderOf(raw, ['commands', index])!;
  const second = first + arrivalsOf((raw.commands as Record<string, unknown>[])[index].template);
  const decide = (order: number) => {
    const arrival = expandScenario(pair, domain).arrivals.find((a) => a.order === order)!;
    return dryRun(pair, arrival.input.id, domain ? { domain } : {}).outcome;
  };
  return [decide(first), decide(second)] as const;
}

const commerce = (template: unknown) => ({
  format: 'purestream/scenario@1',
  name: 'orders',
  domain: 'commerce',
  commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 100 } }, { repeat: 10, every: 5, jitterMs: 3, template }],
});
const bankScenario = (amount: number) => ({
  format: 'purestream/scenario@1',
  name: 'withdrawals',
  domain: './bank.ts',
  setup: [{ type: 'OpenAccount', data: { accountId: 'a1', owner: 'ada', overdraftLimit: 100 } }, { type: 'Deposit', data: { accountId: 'a1', amount: 200 } }],
  commands: [{ repeat: 10, every: 2, template: { type: 'Withdraw', data: { accountId: 'a1', amount } } }],
});

describe('repeat copies that clash, found by deciding two copies in a row', () => {
  it('commerce: the same orderId twice is a clash (duplicate-order), and numbering it keeps the copies apart', () => {
    const raw = commerce({ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u1', sku: 'tee', qty: 1 } });
    const [first, second] = copiesDecided(raw, 1);
    expect(clashOf(first, second)).toEqual({ code: 'duplicate-order', message: 'order o-1 already exists' });
    expect(copiesDecided(raw, 1, ['orderId']).map(rejectionOf)).toEqual([undefined, undefined]);
    expect(copiesDecided(raw, 1, ['customerId']).map(rejectionOf)).toEqual([undefined, { code: 'duplicate-order', message: 'order o-1 already exists' }]);
  });

  it('bank: withdrawing twice from one account is no clash while the money lasts', () => {
    const [first, second] = copiesDecided(bankScenario(10), 0, undefined, bankModule);
    expect(clashOf(first, second)).toBeUndefined();
  });

  it('bank: a second withdrawal the account cannot pay is a clash, and numbering the account does not help', () => {
    const [first, second] = copiesDecided(bankScenario(200), 0, undefined, bankModule);
    expect(clashOf(first, second)).toMatchObject({ code: 'insufficient-funds' });
    const numbered = copiesDecided(bankScenario(200), 0, ['accountId'], bankModule);
    expect(rejectionOf(numbered[0])).toMatchObject({ code: 'unknown-account' });
  });

  it('a first copy that is rejected itself is not a clash between copies', () => {
    const raw = { ...commerce({ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u1', sku: 'hat', qty: 1 } }) };
    const [first, second] = copiesDecided(raw, 1);
    expect(rejectionOf(first)).toMatchObject({ code: 'out-of-stock' });
    expect(clashOf(first, second)).toBeUndefined();
  });

  it('a batch copy is rejected with its root cause', () => {
    const raw = commerce({ batch: 'all-or-nothing', items: [{ type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u1', sku: 'tee', qty: 1 } }, { type: 'PlaceOrder', data: { orderId: 'fixed', customerId: 'u1', sku: 'tee', qty: 1 } }] });
    const [first, second] = copiesDecided(raw, 1);
    expect(clashOf(first, second)).toMatchObject({ code: 'duplicate-order' });
  });

  it('cuts only the repeat to two back-to-back copies and numbers only fixed ids', () => {
    const parsed = parseScenario(commerce({ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u-{n}', sku: 'tee', qty: 1 } }));
    if (!parsed.ok) throw new Error('invalid');
    const pair = twoCopies(parsed.scenario, 1)!;
    expect(pair.commands[0]).toEqual(parsed.scenario.commands[0]);
    expect(pair.commands[1]).toEqual({ repeat: 2, template: (parsed.scenario.commands[1] as { template: unknown }).template });
    expect(twoCopies(parsed.scenario, 0)).toBeUndefined();
    expect(withNumberedIds({ id: 'c', data: { orderId: 'o-1', customerId: 'u-{n}', sku: 'tee', qty: 1, lines: [{ lineId: 'l' }] } })).toEqual({ id: 'c-{n}', data: { orderId: 'o-1-{n}', customerId: 'u-{n}', sku: 'tee', qty: 1, lines: [{ lineId: 'l-{n}' }] } });
    expect(withNumberedIds({ data: { orderId: 'o-1', customerId: 'u1' } }, ['customerId'])).toEqual({ data: { orderId: 'o-1', customerId: 'u1-{n}' } });
  });
});
