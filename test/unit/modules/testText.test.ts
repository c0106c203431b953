/**
 * From a run to a test: a decision of a run, turned into the text of a Purestream
 * given/when/then test and of an Emmett DeciderSpecification test (Emmett's real package),
 * is written to a file and executed against the module — and passes; edited to expect
 * something else, it fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { expandScenario } from '../../../src/engine/scenario/expand';
import { runScenario } from '../../../src/engine/run';
import { bundledDomain, toDomainModule } from '../../../src/engine/module/bundled';
import { decisionCase, emmettTestText, moduleImportOf, purestreamTestText, type DecisionCase } from '../../../src/engine/module/testText';
import bank from '../../../samples/domains/bank';
import cart from '../../../samples/domains/cart.mjs';
import { readmeCounterFiles } from './readmeExample';
import { readFileSync } from 'node:fs';

const samples = new URL('../../../samples/domains/', import.meta.url).pathname;
const out = new URL('../../../test-results/generated-tests/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

/** Every decision of a scenario's first run, as test cases. */
function casesOf(rules: object, scenarioFile: string): DecisionCase[] {
  const module = toDomainModule(rules);
  const parsed = parseScenario(readFileSync(join(samples, scenarioFile), 'utf8'), scenarioFile, { domain: module });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scenario = { ...parsed.scenario, runs: [parsed.scenario.runs[0]] };
  const { traces } = runScenario(scenario, { domain: module });
  const inputs = [...expandScenario(scenario, module).arrivals.map((a) => a.input)];
  return traces[0].decisions.map((d) => decisionCase(module, traces[0], inputs, d.inputId)).filter((c): c is DecisionCase => c !== undefined);
}

let n = 0;
async function execute(text: string): Promise<void> {
  const file = join(out, `case-${++n}.ts`);
  writeFileSync(file, text);
  await import(/* @vite-ignore */ file);
}

describe.each([
  ['bank', bank, 'bank.scenario.json', 'bank.ts'],
  ['cart', cart, 'cart.scenario.json', 'cart.mjs'],
])('%s: copy as test', (name, rules, scenario, file) => {
  const cases = casesOf(rules as object, scenario);
  const accepted = cases.find((c) => 'events' in c.then && c.given.length > 0)!;
  const rejected = cases.find((c) => 'rejected' in c.then)!;
  const module = { path: join(samples, file), name };
  const shape = toDomainModule(rules as object).shape;

  it('has decisions of both kinds to copy', () => {
    expect([accepted, rejected].every(Boolean)).toBe(true);
  });

  it.each([
    ['Purestream given/when/then', purestreamTestText],
    ['Emmett DeciderSpecification', (c: DecisionCase, m: typeof module) => emmettTestText(c, m, shape)],
  ])('%s text runs against the module and passes', async (_kind, text) => {
    for (const c of [accepted, rejected]) await execute(text(c, module));
    // and a test expecting another outcome fails
    const wrong: DecisionCase = { ...rejected, then: { rejected: 'something-else' } };
    await expect(execute(text(wrong, module))).rejects.toThrow();
  });

  it('reads like the spec: given the events of the streams read, when the command, then the events or the code', () => {
    const text = purestreamTestText(rejected, module);
    expect(text).toContain(`import { given } from 'purestream/domain';`);
    expect(text).toContain(`.thenRejects(${JSON.stringify((rejected.then as { rejected: string }).rejected)});`);
    expect(emmettTestText(accepted, module, shape)).toContain(`import { DeciderSpecification } from '@event-driven-io/emmett';`);
  });
});

it("the README's module example and its test run as written", async () => {
  const dir = join(out, 'readme');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(readmeCounterFiles())) writeFileSync(join(dir, name), text);
  await import(/* @vite-ignore */ join(dir, 'counter.test.ts'));
});

describe('copy as test: an item of a batch', () => {
  const module = toDomainModule(bank as object);
  // a1 holds 50; b1 deposits 20 then withdraws 60 (it reads the deposit); b2 lets parts fail: a
  // withdrawal too big, a nested all-or-nothing batch whose deposit is taken back when its own
  // withdrawal fails, then a withdrawal of 5 that reads the state without that deposit
  const scenarioText = JSON.stringify({
    format: 'purestream/scenario@1',
    name: 'batches',
    domain: 'bank',
    setup: [
      { type: 'OpenAccount', data: { accountId: 'a1', owner: 'ada' } },
      { type: 'Deposit', data: { accountId: 'a1', amount: 50 } },
    ],
    commands: [
      { batch: 'all-or-nothing', id: 'b1', at: 1, items: [{ id: 'c1', type: 'Deposit', data: { accountId: 'a1', amount: 20 } }, { id: 'c2', type: 'Withdraw', data: { accountId: 'a1', amount: 60 } }] },
      {
        batch: 'allow-partial',
        id: 'b2',
        at: 5,
        items: [
          { id: 'c3', type: 'Withdraw', data: { accountId: 'a1', amount: 1000 } },
          { batch: 'all-or-nothing', id: 'b3', items: [{ id: 'c4', type: 'Deposit', data: { accountId: 'a1', amount: 5 } }, { id: 'c5', type: 'Withdraw', data: { accountId: 'a1', amount: 999 } }] },
          { id: 'c6', type: 'Withdraw', data: { accountId: 'a1', amount: 5 } },
        ],
      },
    ],
    runs: [{ name: 'one queue', scheduler: { kind: 'serial' } }],
  });
  const parsed = parseScenario(scenarioText, 'batches.json', { domain: module });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { traces } = runScenario(parsed.scenario, { domain: module });
  const inputs = expandScenario(parsed.scenario, module).arrivals.map((a) => a.input);
  const caseOf = (id: string) => decisionCase(module, traces[0], inputs, id);
  const amounts = (c: DecisionCase | undefined) => c?.given.map((e) => `${e.type} ${(e.data as { amount?: number }).amount ?? ''}`.trim());

  it('is given what the item read: the state before its batch and the earlier items its batch kept', () => {
    expect(amounts(caseOf('c2'))).toEqual(['AccountOpened', 'MoneyDeposited 50', 'MoneyDeposited 20']);
    expect(caseOf('c2')?.then).toEqual({ events: [{ type: 'MoneyWithdrawn', data: { accountId: 'a1', amount: 60 } }] });
    // c4's deposit is seen by c5, its batch's root cause, and taken back before c6
    expect(amounts(caseOf('c5'))).toEqual(['AccountOpened', 'MoneyDeposited 50', 'MoneyDeposited 20', 'MoneyWithdrawn 60', 'MoneyDeposited 5']);
    expect(caseOf('c5')?.then).toHaveProperty('rejected');
    expect(amounts(caseOf('c6'))).toEqual(['AccountOpened', 'MoneyDeposited 50', 'MoneyDeposited 20', 'MoneyWithdrawn 60']);
    expect(caseOf('c3')?.then).toHaveProperty('rejected');
  });

  it("reads the aggregates the item read: the balance with its batch's earlier items in it", () => {
    const balances = (c: DecisionCase | undefined) => c?.read.map((r) => `${r.stream} ${(r.aggregate as { balance?: number } | undefined)?.balance}`);
    expect(balances(caseOf('c2'))).toEqual(['account:a1 70']);
    expect(balances(caseOf('c5'))).toEqual(['account:a1 15']);
    expect(balances(caseOf('c6'))).toEqual(['account:a1 10']);
  });

  it('is not offered for an item its all-or-nothing batch aborted', () => {
    expect(caseOf('c4')).toBeUndefined();
  });

  it.each([
    ['Purestream given/when/then', (c: DecisionCase, m: { path: string; name: string }) => purestreamTestText(c, m)],
    ['Emmett DeciderSpecification', (c: DecisionCase, m: { path: string; name: string }) => emmettTestText(c, m, module.shape)],
  ])('%s text of a batch item runs against the module and passes', async (_kind, text) => {
    for (const id of ['c2', 'c5', 'c6']) await execute(text(caseOf(id)!, { path: join(samples, 'bank.ts'), name: 'bank' }));
  });
});

describe('copy as test: what the run decided otherwise', () => {
  it('gives an item the events of earlier items in the order they were decided (an Emmett-shaped module)', async () => {
    const module = toDomainModule(cart as object);
    const item = (id: string, type: string, quantity: number) => ({ id, type, data: { cartId: 'k', productId: 'p', quantity } });
    const text = JSON.stringify({
      format: 'purestream/scenario@1',
      name: 'order of given',
      domain: 'cart',
      commands: [{ batch: 'allow-partial', id: 'b1', at: 1, items: [item('c1', 'AddProductItem', 1), item('c2', 'AddProductItem', 1), item('c3', 'RemoveProductItem', 2), item('c4', 'RemoveProductItem', 1)] }],
      runs: [{ name: 'one queue', scheduler: { kind: 'serial' } }],
    });
    const parsed = parseScenario(text, 'order.json', { domain: module });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { traces } = runScenario(parsed.scenario, { domain: module });
    const inputs = expandScenario(parsed.scenario, module).arrivals.map((a) => a.input);
    const c4 = decisionCase(module, traces[0], inputs, 'c4')!;
    expect(c4.given.map((e) => `${e.type} ${(e.data as { quantity: number }).quantity}`)).toEqual(['ProductItemAdded 1', 'ProductItemAdded 1', 'ProductItemRemoved 2']);
    expect(c4.then).toEqual({ rejected: 'not-enough-items' });
    await execute(purestreamTestText(c4, { path: join(samples, 'cart.mjs'), name: 'cart' }));
  });

  it('is not offered for a command the authorization policy refused: the domain alone would accept it', () => {
    const module = bundledDomain('commerce')!;
    const parsed = parseScenario(readFileSync(new URL('../../../samples/scenarios/central-authorization.json', import.meta.url), 'utf8'), 'auth.json', { domain: module });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { traces } = runScenario(parsed.scenario, { domain: module, runs: ['with policy'] });
    const inputs = expandScenario(parsed.scenario, module).arrivals.map((a) => a.input);
    const refused = traces[0].decisions.flatMap((d) => d.rejections).filter((r) => r.rejection.code === 'unauthorized');
    expect(refused.length).toBe(2);
    for (const r of refused) expect(decisionCase(module, traces[0], inputs, r.commandId)).toBeUndefined();
    const accepted = traces[0].decisions.find((d) => d.accepted)!;
    expect(decisionCase(module, traces[0], inputs, accepted.inputId)).toBeDefined();
  });
});

describe('copy as test: a bundled domain', () => {
  // the flash sale's 8 workers: c121 reads its order's stream (empty) and the tee's stock, whose
  // history is the restock and every reservation before it — not the run's other orders' events
  const module = bundledDomain('commerce')!;
  const parsed = parseScenario(readFileSync(new URL('../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'), 'flash-sale.json', { domain: module });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { traces } = runScenario(parsed.scenario, { domain: module, runs: ['8 workers'] });
  const expanded = expandScenario(parsed.scenario, module);
  const inputs = [...expanded.setup, ...expanded.arrivals.map((a) => a.input)];
  const c121 = decisionCase(module, traces[0], inputs, 'c121')!;
  const bundled = moduleImportOf('commerce');

  it('imports the domain from purestream/domain, where the package exports it, not from a file the user does not have', () => {
    expect(bundled).toEqual({ bundled: 'commerce' });
    const text = purestreamTestText(c121, bundled);
    expect(text.split('\n').slice(0, 2)).toEqual([`import { given, commerce } from 'purestream/domain';`, '']);
    expect(text).toContain('given(commerce, [');
    const emmett = emmettTestText(c121, bundled, module.shape);
    expect(emmett).toMatch(/^import \{ DeciderSpecification \} from '@event-driven-io\/emmett';\nimport \{ asEmmettDecider, (rejectionCode, )?commerce \} from 'purestream\/domain';\n\n/);
    expect(`${text}${emmett}`).not.toContain('./commerce');
    // an open module keeps its file; a module that is not open is named by its id
    expect(moduleImportOf('bank', 'bank.ts')).toEqual({ path: './bank', name: 'bank' });
    expect(moduleImportOf('my-rules')).toEqual({ path: './my-rules', name: 'myRules' });
  });

  it('is given only the events of the streams the decision read, and says which', () => {
    const decision = traces[0].decisions.find((d) => d.commandIds.includes('c121'))!;
    const stock = traces[0].history.slice(0, decision.stateVersion).filter((s) => s.stream === 'stock:tee@main');
    expect(c121.read.map((r) => r.stream)).toEqual(['order:o-121', 'stock:tee@main']);
    expect(c121.given.map((e) => e.stream)).toEqual(stock.map(() => 'stock:tee@main'));
    expect(c121.given.length).toBeLessThan(decision.stateVersion);
    expect(purestreamTestText(c121, bundled)).toContain(`// given: the events of the streams it read: order:o-121 (none), stock:tee@main (${stock.length})\n`);
  });

  it.each([
    ['Purestream given/when/then', (c: DecisionCase) => purestreamTestText(c, bundled)],
    ['Emmett DeciderSpecification', (c: DecisionCase) => emmettTestText(c, bundled, module.shape)],
  ])('%s text runs as copied and passes', async (_kind, text) => {
    const accepted = decisionCase(module, traces[0], inputs, 'c2')!;
    expect('events' in accepted.then).toBe(true);
    for (const c of [c121, accepted]) await execute(text(c));
  });
});
