import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { checkScenarioText, runAwaitsModule, StoredScenarioChecks, storedRunReading, storedScenarioProblem, storedScenarioProblemText } from '../../../../renderer/lib/workspace/storedScenarioCheck';
import { moduleOfId } from '../../../../renderer/lib/modules/moduleOfId';

const flashSale = readFileSync('samples/scenarios/flash-sale.json', 'utf8');
const noModules = () => ({});
const withQty = (qty: unknown, domain = 'commerce') => {
  const raw = JSON.parse(flashSale) as Record<string, unknown>;
  return JSON.stringify({ ...raw, domain, commands: [{ type: 'PlaceOrder', data: { orderId: 'o-1', customerId: 'u-1', sku: 'tee', qty } }] });
};

describe('storedScenarioProblem: the editor’s check of a stored scenario', () => {
  it('finds nothing in a scenario that opens and runs', () => {
    expect(storedScenarioProblem(flashSale, noModules)).toBeUndefined();
    expect(storedScenarioProblem(withQty(2), noModules)).toBeUndefined();
  });

  it('says text that is no JSON object will not open, with its first problem', () => {
    expect(storedScenarioProblem('{"format": ', noModules)).toMatchObject({ opens: false, count: 1, first: { path: expect.stringMatching(/^line 1, column/), message: expect.stringMatching(/^invalid JSON/) } });
    const array = storedScenarioProblem('[1, 2]', noModules)!;
    expect(array).toMatchObject({ opens: false, count: 1 });
    expect(storedScenarioProblemText(array)).toBe('expected a scenario object, got an array');
  });

  it('says a scenario with problems opens (the editor lists them) but will not run: the first and how many', () => {
    const problem = storedScenarioProblem(withQty('two'), noModules);
    expect(problem).toMatchObject({ opens: true, count: 1, first: { path: 'commands[0].data.qty' } });
    const two = JSON.stringify({ ...(JSON.parse(withQty('two')) as object), seed: 'x' });
    expect(storedScenarioProblem(two, noModules)?.count).toBe(2);
    expect(storedScenarioProblemText(storedScenarioProblem(two, noModules)!)).toMatch(/^seed: expected an integer, got "x" \(and 1 more problem\)$/);
  });

  it('counts a run name two runs share as one problem, said at the later run', () => {
    const raw = JSON.parse(flashSale) as { runs: { name: string }[] };
    raw.runs[1].name = raw.runs[0].name;
    expect(storedScenarioProblem(JSON.stringify(raw), noModules)).toMatchObject({ opens: true, count: 1, first: { path: 'runs[1].name' } });
  });

  it('leaves a scenario whose domain module is not open alone (it opens and asks for the module), and checks it against the module once open', () => {
    expect(storedScenarioProblem(withQty('two', './shop.ts'), noModules)).toBeUndefined();
    const shop = () => ({ domain: bundledDomain('commerce')! });
    expect(storedScenarioProblem(withQty('two', './shop.ts'), shop)).toMatchObject({ opens: true, first: { path: 'commands[0].data.qty' } });
    expect(storedScenarioProblem(withQty(1, './shop.ts'), shop)).toBeUndefined();
  });
});

describe('checkScenarioText: what Open makes of a file', () => {
  it('gives the value of a scenario that runs, or that awaits its module, to open', () => {
    expect(checkScenarioText(`\uFEFF${flashSale}`, noModules)).toMatchObject({ ok: true, raw: JSON.parse(flashSale), scenario: { name: 'Flash sale: 150 orders for 100 units' } });
    expect(checkScenarioText(withQty('two', './shop.ts'), noModules)).toMatchObject({ ok: true, raw: { domain: './shop.ts' } });
  });

  it('gives every problem, and the value when the text is a JSON object', () => {
    const two = JSON.stringify({ ...(JSON.parse(withQty('two')) as object), seed: 'x' });
    const check = checkScenarioText(two, noModules);
    expect(check).toMatchObject({ ok: false, raw: { seed: 'x' } });
    expect(check.ok ? [] : check.errors.map((e) => e.path)).toEqual(['seed', 'commands[0].data.qty']);
    expect(checkScenarioText('[1, 2]', noModules)).toMatchObject({ ok: false, raw: undefined, errors: [{ message: 'expected a scenario object, got an array' }] });
  });
});

describe('StoredScenarioChecks', () => {
  it('loads and checks each saved version once, again when it is saved anew or the open modules change', async () => {
    const texts: Record<string, string> = { good: flashSale, bad: withQty('two') };
    const loaded: string[] = [];
    const checks = new StoredScenarioChecks(async (name) => (loaded.push(name), texts[name]), noModules);
    const list = [{ name: 'bad', updated: 1 }, { name: 'good', updated: 1 }];
    const first = await checks.of(list, 'modules A');
    expect([...first.problems.keys()]).toEqual(['bad']);
    expect(first.problems.get('bad')).toMatchObject({ opens: true, first: { path: 'commands[0].data.qty' } });
    // what the one that runs runs from: its inputs, to tell its stored runs' versions by
    expect([...first.inputs.keys()]).toEqual(['good']);
    expect(first.inputs.get('good')).toContain('"seed":7');
    await checks.of(list, 'modules A');
    expect(loaded).toEqual(['bad', 'good']);

    texts.bad = withQty(3);
    const fixed = await checks.of([{ name: 'bad', updated: 2 }, { name: 'good', updated: 1 }], 'modules A');
    expect(fixed.problems.size).toBe(0);
    expect([...fixed.inputs.keys()]).toEqual(['bad', 'good']);
    expect(loaded).toEqual(['bad', 'good', 'bad']);

    await checks.of([{ name: 'bad', updated: 2 }], 'modules B');
    expect(loaded).toEqual(['bad', 'good', 'bad', 'bad']);
  });

  it('names only the scenarios listed now', async () => {
    const checks = new StoredScenarioChecks(async () => '{', noModules);
    expect([...(await checks.of([{ name: 'a', updated: 1 }, { name: 'b', updated: 1 }], undefined)).problems.keys()]).toEqual(['a', 'b']);
    expect([...(await checks.of([{ name: 'b', updated: 1 }], undefined)).problems.keys()]).toEqual(['b']);
  });
});

describe('runAwaitsModule: the domain module a stored run is read with, while it is not open', () => {
  const naming = (domain: string) => JSON.stringify({ format: 'purestream/scenario@1', name: 'With bank', domain, commands: [], runs: [] });
  const open = (...names: string[]) => (reference: string) => names.some((n) => reference.endsWith(`/${n}`) || reference === n);

  it('names the module file the stored scenario names, as it names it, until a module of that file is open', () => {
    expect(runAwaitsModule(naming('./bank.ts'), open())).toBe('./bank.ts');
    expect(runAwaitsModule(naming('../domains/bank.mjs'), open('cart.mjs'))).toBe('../domains/bank.mjs');
    expect(runAwaitsModule(naming('./bank.ts'), open('bank.ts'))).toBeUndefined();
  });

  it('waits for nothing with a bundled domain, a path no loader opens, no stored scenario, or text that is no scenario', () => {
    expect(runAwaitsModule(naming('commerce'), open())).toBeUndefined();
    expect(runAwaitsModule(naming('./bank.json'), open())).toBeUndefined();
    expect(runAwaitsModule(undefined, open())).toBeUndefined();
    expect(runAwaitsModule('{"domain": ', open())).toBeUndefined();
  });
});

describe('storedRunReading: a stored run without its stored scenario, read by its report\'s domain id', () => {
  const isBundled = (id: string) => ['bank', 'commerce'].includes(id);
  const bankTs = { name: 'bank.ts', id: 'my-bank' };

  it('reads a bundled domain\'s run in the bundled worker, whatever modules are open', () => {
    expect(storedRunReading('commerce', isBundled, [])).toEqual({ kind: 'bundled' });
    expect(storedRunReading('commerce', isBundled, [bankTs])).toEqual({ kind: 'bundled' });
  });

  it('reads it in the worker of the one open module of that id, named by its file', () => {
    expect(storedRunReading('my-bank', isBundled, [{ name: 'cart.ts', id: 'cart' }, bankTs])).toEqual({ kind: 'module', name: 'bank.ts', others: [] });
    // an edited copy under another file name has the id its description gives
    expect(storedRunReading('my-bank', isBundled, [{ name: 'bank-v2.ts', id: 'my-bank' }])).toEqual({ kind: 'module', name: 'bank-v2.ts', others: [] });
  });

  it('awaits a module of that id when none is open, never reading it as if bundled', () => {
    expect(storedRunReading('my-bank', isBundled, [])).toEqual({ kind: 'awaits', id: 'my-bank' });
    expect(storedRunReading('my-bank', isBundled, [{ name: 'cart.ts', id: 'cart' }])).toEqual({ kind: 'awaits', id: 'my-bank' });
  });

  it('reads it, when several open modules have the id, with the first on the Domains view as the scenario\'s module and a log\'s suggested domain are, naming the others', () => {
    const open = [{ name: 'cart.ts', id: 'cart' }, bankTs, { name: 'bank-v2.ts', id: 'my-bank' }];
    const reading = storedRunReading('my-bank', isBundled, open);
    expect(reading).toEqual({ kind: 'module', name: 'bank.ts', others: ['bank-v2.ts'] });
    expect(reading).toMatchObject(moduleOfId('my-bank', open)!);
  });
});
