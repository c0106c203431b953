import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isModuleReference, scenarioErrorsText } from '../../../../src/engine/scenario/parse';
import { isModuleFileName, MODULE_EXTENSIONS } from '../../../../src/engine/module/moduleFile';
import { at, errorsOf, scenarioOf } from './parseHelpers';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/scenarios/${name}`, import.meta.url), 'utf8');
const base = () => ({
  format: 'purestream/scenario@1',
  name: 't',
  domain: 'commerce',
  commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }] as unknown[],
});
const restock = { type: 'RestockItem', data: { sku: 'tee', qty: 1 } };


describe('parseScenario: JSON syntax', () => {
  it('reports line and column', () => {
    expect(errorsOf(fixture('syntax-error.json'))).toEqual([{ path: 'line 4, column 1', message: 'invalid JSON: expected a property name in double quotes, found "}"' }]);
    expect(errorsOf('{"a": 1')[0].path).toBe('line 1, column 8');
    expect(errorsOf('')[0].message).toContain('unexpected end of input');
    expect(errorsOf('[1,\n 2,\n tru]')[0].path).toBe('line 3, column 2');
    expect(errorsOf('{} x')[0]).toEqual({ path: 'line 1, column 4', message: 'invalid JSON: unexpected text after the JSON value' });
  });
});

describe('parseScenario: top level', () => {
  it('accepts the fixture that uses every key', () => {
    const s = scenarioOf(fixture('everything.json'));
    expect(s.extensions).toEqual({ 'x-editor': { zoom: 2 } });
    expect(s.runs.map((r) => r.name)).toEqual(['serial', 'pool', 'keyed', 'scaling']);
  });

  it('requires an object, format, name, domain and commands', () => {
    expect(errorsOf([])).toEqual([{ path: '(top level)', message: 'expected a scenario object, got an array' }]);
    const errors = errorsOf({});
    expect(errors.map((e) => e.path)).toEqual(['format', 'name', 'domain', 'commands']);
    expect(at({ ...base(), format: 'purestream/scenario@2' }, 'format')).toBe('expected "purestream/scenario@1", got "purestream/scenario@2"');
  });

  it('names unknown keys, suggests the closest, and keeps x- keys', () => {
    expect(at({ ...base(), comands: [] }, 'comands')).toContain('did you mean "commands"?');
    expect(scenarioOf({ ...base(), 'x-note': 'hi' }).extensions).toEqual({ 'x-note': 'hi' });
  });

  it('names the known domains for an unknown one', () => {
    expect(at({ ...base(), domain: 'shop' }, 'domain')).toBe('unknown domain "shop"; known domains: "commerce", "profiles"');
  });

  it('says a domain path that is no .ts, .mts, .js or .mjs file is not a domain module, and asks to load one that is', () => {
    expect(at({ ...base(), domain: '../../etc/passwd' }, 'domain')).toBe('"../../etc/passwd" is not a domain module: expected a .ts, .mts, .js or .mjs file, or a bundled domain\'s id ("commerce", "profiles")');
    expect(errorsOf({ ...base(), domain: '../../etc/passwd' }).map((e) => e.path)).toEqual(['domain']);
    expect(at({ ...base(), domain: './bank.TS' }, 'domain')).toContain('names a domain module, which has to be loaded first');
  });

  it('takes a name with a module extension, any case, for a module file by the one list of extensions (moduleFile.ts)', () => {
    for (const ext of MODULE_EXTENSIONS) for (const name of [`bank${ext}`, `bank${ext.toUpperCase()}`]) expect(isModuleReference(name), name).toBe(isModuleFileName(name));
    expect(MODULE_EXTENSIONS.every((ext) => isModuleReference(`bank${ext}`))).toBe(true);
    expect([isModuleReference('bank.json'), isModuleReference('commerce'), isModuleReference('./bank.json')]).toEqual([false, false, true]);
  });

  it('rejects empty commands, a non-integer seed, a non-string description and empty runs', () => {
    expect(at({ ...base(), commands: [] }, 'commands')).toBe('expected at least one entry');
    expect(at({ ...base(), seed: 1.5 }, 'seed')).toContain('expected an integer');
    expect(at({ ...base(), description: 3 }, 'description')).toContain('expected a string');
    expect(at({ ...base(), runs: [] }, 'runs')).toBe('expected at least one entry');
  });

  it('collects every error, not just the first', () => {
    const errors = errorsOf({ ...base(), seed: 'x', commands: [{ type: 'Nope', data: {} }, { type: 'RestockItem', data: { sku: 1, qty: 'a' } }], runs: [{ name: 'a', serviceMs: -1 }] });
    expect(errors.map((e) => e.path)).toEqual(['seed', 'commands[0].type', 'commands[1].data.sku', 'commands[1].data.qty', 'runs[0].serviceMs']);
  });

  it('formats errors as <file>: <path>: <message>', () => {
    expect(scenarioErrorsText(errorsOf(fixture('bad.json')), 'bad.json')).toBe('bad.json: commands[1].data.qty: expected an integer >= 1, got "two"\n');
  });
});

describe('parseScenario: nodes', () => {
  const withCommands = (...commands: unknown[]) => ({ ...base(), commands });

  it('names the valid command types of the domain', () => {
    expect(at(withCommands({ type: 'PlaceOrdr', data: {} }), 'commands[0].type')).toBe(
      'unknown command type "PlaceOrdr" for domain "commerce"; did you mean "PlaceOrder"? expected one of "RestockItem", "PlaceOrder", "CancelOrder", "ShipOrder"',
    );
  });

  it('validates data with the domain schema under the node path', () => {
    const value = withCommands(restock, { batch: 'all-or-nothing', items: [restock, { type: 'PlaceOrder', data: { orderId: 'o', customerId: 'u', sku: 't', qty: 1.5 } }] });
    expect(at(value, 'commands[1].items[1].data.qty')).toBe('expected an integer >= 1, got 1.5');
    expect(at(withCommands({ type: 'RestockItem' }), 'commands[0].data')).toBe('is required');
    expect(at(withCommands({ type: 'RestockItem', data: { sku: 'a', qty: 1, color: 'red' } }), 'commands[0].data.color')).toBe('is not a known field');
  });

  it('checks command keys: id, at, actor, unknown keys, x- keys', () => {
    expect(at(withCommands({ ...restock, at: -1 }), 'commands[0].at')).toContain('>= 0');
    expect(at(withCommands({ ...restock, id: '' }), 'commands[0].id')).toBe('expected a non-empty string');
    expect(at(withCommands({ ...restock, actor: 3 }), 'commands[0].actor')).toContain('expected a string');
    expect(at(withCommands({ ...restock, dat: 1 }), 'commands[0].dat')).toContain('did you mean "data"?');
    expect(scenarioOf(withCommands({ ...restock, 'x-color': 'red' })).commands).toHaveLength(1);
  });

  it('names a node that is none of the four kinds', () => {
    expect(at(withCommands({ foo: 1 }), 'commands[0]')).toContain('expected a node');
    expect(at(withCommands(3), 'commands[0]')).toContain('expected a node');
  });

  it('checks batches: mode, items, no at inside', () => {
    expect(at(withCommands({ batch: 'some', items: [restock] }), 'commands[0].batch')).toBe('unknown batch mode "some"; expected one of "all-or-nothing", "allow-partial"');
    expect(at(withCommands({ batch: 'allow-partial', items: [] }), 'commands[0].items')).toBe('expected at least one entry');
    expect(at(withCommands({ batch: 'allow-partial', items: [{ ...restock, at: 3 }] }), 'commands[0].items[0].at')).toContain('may not have their own "at"');
    expect(at(withCommands({ batch: 'allow-partial', items: [{ batch: 'all-or-nothing', at: 1, items: [restock] }] }), 'commands[0].items[0].at')).toContain('batch');
    expect(at(withCommands({ batch: 'allow-partial', items: [{ repeat: 2, every: 1, template: restock }] }), 'commands[0].items[0].every')).toContain('no timing');
    expect(at(withCommands({ batch: 'allow-partial', items: [{ offline: 'a', syncAt: 1, items: [restock] }] }), 'commands[0].items[0]')).toContain('top-level');
  });

  it('checks repeats: count, template, timing, ids with placeholders', () => {
    expect(at(withCommands({ repeat: -1, template: restock }), 'commands[0].repeat')).toContain('>= 0');
    expect(at(withCommands({ repeat: 2 }), 'commands[0].template')).toBe('is required');
    expect(at(withCommands({ repeat: 2, template: { ...restock, at: 4 } }), 'commands[0].template.at')).toContain('put "at"');
    expect(at(withCommands({ repeat: 2, every: -1, template: restock }), 'commands[0].every')).toContain('>= 0');
    expect(at(withCommands({ repeat: 2, jitterMs: 0.5, template: restock }), 'commands[0].jitterMs')).toContain('integer');
    expect(at(withCommands({ repeat: 2, template: { ...restock, id: 'same' } }), 'commands[0].template.id')).toContain('include {i} or {n}');
    expect(at(withCommands({ repeat: 2, template: { batch: 'allow-partial', items: [{ ...restock, id: 'x' }] } }), 'commands[0].template.items[0].id')).toContain('{i}');
    expect(scenarioOf(withCommands({ repeat: 1, template: { ...restock, id: 'once' } })).commands).toHaveLength(1);
    expect(scenarioOf(withCommands({ repeat: 2, template: { ...restock, id: 'r-{n}' } })).commands).toHaveLength(1);
    expect(at(withCommands({ repeat: 2, template: { offline: 'a', syncAt: 1, items: [restock] } }), 'commands[0].template')).toContain('top-level');
  });

  it('checks offline groups: client, syncAt, commands only', () => {
    expect(at(withCommands({ offline: 'a', items: [restock] }), 'commands[0].syncAt')).toBe('is required');
    expect(at(withCommands({ offline: '', syncAt: 1, items: [restock] }), 'commands[0].offline')).toBe('expected a non-empty string');
    expect(at(withCommands({ offline: 'a', syncAt: 1, items: [{ batch: 'allow-partial', items: [restock] }] }), 'commands[0].items[0]')).toContain('commands only');
    expect(at(withCommands({ offline: 'a', syncAt: 1, items: [{ ...restock, at: 'x' }] }), 'commands[0].items[0].at')).toContain('number');
  });

  it('rejects an id used twice across setup and commands', () => {
    expect(at({ ...withCommands({ ...restock, id: 'k' }), setup: [{ ...restock, id: 'k' }] }, 'commands[0].id')).toBe('duplicate id "k" (also at setup[0].id)');
  });

  it('validates setup nodes like commands', () => {
    expect(at({ ...base(), setup: [{ type: 'RestockItem', data: { sku: 'a' } }] }, 'setup[0].data.qty')).toBe('is required');
    expect(at({ ...base(), setup: {} }, 'setup')).toContain('expected an array');
  });
});

describe('a byte-order mark', () => {
  it('before a scenario is ignored, and syntax errors keep their line and column', async () => {
    const { parseScenario } = await import('../../../../src/engine/scenario/parse');
    const text = readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8');
    expect(parseScenario('\ufeff' + text).ok).toBe(true);
    const broken = parseScenario('\ufeff{\n  "name": }');
    expect(broken.ok ? '' : broken.errors[0].path).toBe('line 2, column 11');
  });
});
