/**
 * Domain modules on the command line (domain-modules.md): both shapes through every command,
 * export → inspect round trips, compare --against a rule edited to differ, and one message
 * for each kind of bad module (exit 1, nothing written).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counter, counterScenario, folderWith } from './moduleFiles';
import { cli as runCli } from '../cli/cliHarness';

const samples = new URL('../../../samples/domains/', import.meta.url).pathname;

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd });

describe('both shapes through every command', () => {
  it.each([
    ['bank.ts', 'bank.scenario.json', 'one queue', 'purestream', 'Withdraw'],
    ['cart.mjs', 'cart.scenario.json', '4 workers', 'emmett', 'AddProductItem'],
  ])('%s: domains, run, compare, sweep, export → inspect', async (module, scenario, run, shape, command) => {
    const described = await cli(samples, 'domains', module, '--json');
    expect(described.code).toBe(0);
    const doc = JSON.parse(described.out).domains[0];
    expect([doc.shape, doc.module, doc.commands.map((c: { type: string }) => c.type)]).toEqual([shape, module, expect.arrayContaining([command])]);

    const ran = await cli(samples, 'run', scenario, '--json');
    expect(ran.err).toBe('');
    const report = JSON.parse(ran.out);
    expect(report.domain).toBe(module.replace(/\..*$/, ''));
    expect(report.runs.length).toBeGreaterThan(1);

    const compared = await cli(samples, 'compare', scenario, '--json');
    expect(JSON.parse(compared.out).comparison.length).toBe(report.runs.length - 1);

    const swept = await cli(samples, 'sweep', scenario, '--run', run, '--param', 'seed=1..2', '--json');
    expect(swept.err).toBe('');
    expect(JSON.parse(swept.out).points).toHaveLength(2);

    const out = folderWith({});
    const log = join(out, 'run.jsonl');
    expect((await cli(samples, 'export', scenario, '--run', run, '--out', log)).code).toBe(0);
    const inspected = await cli(samples, 'inspect', log, '--domain', module, '--json');
    expect(inspected.err).toBe('');
    const inspection = JSON.parse(inspected.out);
    const runReport = report.runs.find((r: { name: string }) => r.name === run);
    // the export rebuilds the run's final state, and deciding its commands again changes nothing
    expect([inspection.domain, inspection.stateHash, inspection.drift]).toEqual([report.domain, runReport.stateHash, []]);
  });

  it('--domain overrides the scenario’s domain, resolved from the working directory', async () => {
    const dir = folderWith({ 'counter.mjs': counter(), 'other.mjs': counter("return accept({ type: 'Added', data: { id: command.data.id, by: 1 } });"), 'scenario.json': counterScenario('counter.mjs') });
    const own = JSON.parse((await cli(dir, 'run', 'scenario.json', '--json')).out);
    const other = JSON.parse((await cli(dir, 'run', 'scenario.json', '--domain', './other.mjs', '--json')).out);
    expect([own.runs[0].metrics.rejected, other.runs[0].metrics.rejected]).toEqual([1, 0]);
  });

  it('a module without partitionKey cannot run under a keyed scheduler, named in the file', async () => {
    const dir = folderWith({ 'counter.mjs': counter().replace(/ {2}partitionKey.*\n/, ''), 'scenario.json': counterScenario('counter.mjs') });
    const r = await cli(dir, 'run', 'scenario.json');
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('scenario.json: runs[1].scheduler.kind: domain "counter" names no partition keys')]);
  });
});

describe('compare --against', () => {
  it('shows per run and per command what the old and the new rules decide, with metric deltas', async () => {
    const bank = (await import('node:fs')).readFileSync(join(samples, 'bank.ts'), 'utf8');
    // the new rules: no overdraft at all
    const strict = bank.replace('const available = (account: Account) => account.balance + account.overdraftLimit;', 'const available = (account: Account) => account.balance;');
    expect(strict).not.toBe(bank);
    const dir = folderWith({ 'bank.ts': bank, 'bank-v2.ts': strict, 'bank.scenario.json': (await import('node:fs')).readFileSync(join(samples, 'bank.scenario.json'), 'utf8') });
    const json = await cli(dir, 'compare', 'bank.scenario.json', '--against', 'bank-v2.ts', '--json');
    expect(json.err).toBe('');
    const change = JSON.parse(json.out);
    expect([change.format, change.old, change.new]).toEqual(['purestream/rule-change@1', 'bank.ts', 'bank-v2.ts']);
    const serial = change.runs.find((r: { run: string }) => r.run === 'one queue');
    expect(serial.changed).toBeGreaterThan(0);
    const first = serial.changes[0];
    expect([first.type, first.data, first.old, first.new]).toEqual(['Withdraw', { accountId: 'a1', amount: 10 }, { events: [{ type: 'MoneyWithdrawn', data: { accountId: 'a1', amount: 10 } }] }, { rejected: 'insufficient-funds' }]);
    const rejected = serial.metrics.find((m: { metric: string }) => m.metric === 'rejected');
    expect(rejected.delta).toBe(serial.changed);
    const text = await cli(dir, 'compare', 'bank.scenario.json', '--against', 'bank-v2.ts');
    expect(text.out).toContain('Rule change: bank.ts → bank-v2.ts');
    expect(text.out).toMatch(/c\d+\s+Withdraw\s+MoneyWithdrawn\s+rejected: insufficient-funds/);
  });

  it('an evolve that folds each event differently: every decision the same, and each run says its final state differs and where', async () => {
    // the new rules count each Added twice; decide never reads the state, so it decides as before
    const twice = counter().replace('(count?.total ?? 0) + event.data.by', '(count?.total ?? 0) + 2 * event.data.by');
    expect(twice).not.toBe(counter());
    const dir = folderWith({ 'counter.mjs': counter(), 'counter-v2.mjs': twice, 'scenario.json': counterScenario('counter.mjs') });
    const text = await cli(dir, 'compare', 'scenario.json', '--against', 'counter-v2.mjs');
    expect(text.err).toBe('');
    const lines = text.out.split('\n');
    expect(lines[1]).toBe('Every command was decided as before, but the final state differs in 2 of 2 runs: evolve folds the events differently.');
    for (const run of ['serial', 'two keys']) {
      const at = lines.indexOf(`run ${run}: 0 of 3 decisions changed, the final state differs (2 differences)`);
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 4)).toEqual([
        expect.stringMatching(/^ {2}path +old rules +new rules$/),
        expect.stringMatching(/^ {2}counter:a › total +2 +4$/),
        expect.stringMatching(/^ {2}counter:b › total +1 +2$/),
      ]);
    }
    expect(text.out).not.toContain('same final state');
    const json = JSON.parse((await cli(dir, 'compare', 'scenario.json', '--against', 'counter-v2.mjs', '--json')).out);
    expect(json.runs[0]).toMatchObject({ changed: 0, sameFinalState: false, finalStateDifferences: [{ path: ['counter:a', 'total'], a: 2, b: 4 }, { path: ['counter:b', 'total'], a: 1, b: 2 }] });
    // the same rules: nothing changed, and the text says the states are the same
    const same = await cli(dir, 'compare', 'scenario.json', '--against', 'counter.mjs');
    expect(same.out).toContain('Nothing changed: every command of every run was decided exactly as before, and the final states are the same.');
    expect(same.out).toContain('run serial: 0 of 3 decisions changed, same final state');
  });
});

describe('bad modules: one message naming the file and the member, exit 1, nothing run', () => {
  const cases: [string, string, string][] = [
    ['broken.ts', 'export default {', 'broken.ts:1: Expected identifier but found end of file'],
    ['named.mjs', 'export const decide = () => 1;', 'named.mjs: default export: is missing'],
    ['fn.mjs', 'export default () => 1;', 'fn.mjs: default export: expected a domain'],
    ['nodecide.mjs', 'export default { evolve: (a) => a, streamOf: () => "s" };', 'nodecide.mjs: decide: is missing'],
    ['noevolve.mjs', 'export default { decide: () => ({}), streamOf: () => "s" };', 'noevolve.mjs: evolve: is missing'],
    ['nostream.mjs', 'export default { decide: () => ({}), evolve: (s) => s, initialState: () => ({}) };', 'nostream.mjs: streamOf: is missing (an Emmett-style decider names the stream a command addresses'],
    ['schema.mjs', counter().replace("by: { type: 'integer' } }, required: ['id', 'by'], additionalProperties", "by: { type: 'numbr' } }, required: ['id', 'by'], additionalProperties"), 'schema.mjs: commandSchemas.Add.properties.by.type: "numbr" is not a JSON Schema type'],
    ['imports.mjs', "import pad from 'left-pad-that-is-not-there';\nexport default { decide: pad };", 'imports.mjs:1: cannot resolve the import "left-pad-that-is-not-there"'],
    ['fs.mjs', "import { readFileSync } from 'node:fs';\nexport default { decide: readFileSync };", 'fs.mjs:1: cannot resolve the import "node:fs" (a domain module gets no Node built-ins'],
  ];
  it.each(cases)('%s', async (file, text, message) => {
    const dir = folderWith({ [file]: text, 'scenario.json': counterScenario(file) });
    const r = await cli(dir, 'run', 'scenario.json', '--out', 'report.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n').every((line) => line.startsWith(file))).toBe(true);
    expect(r.out).toBe('');
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
    expect((await cli(dir, 'domains', file)).code).toBe(1);
  });

  it("a scenario whose domain is no module file names the scenario and its domain field; domains names the file", async () => {
    const dir = folderWith({ 'notes.txt': 'just words', 'scenario.json': counterScenario('notes.txt') });
    const r = await cli(dir, 'run', 'scenario.json', '--out', 'report.json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('scenario.json: domain: "./notes.txt" is not a domain module: expected a .ts, .mts, .js or .mjs file, or a bundled domain\'s id ("commerce", "profiles")\n');
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
    expect(await cli(dir, 'domains', 'notes.txt')).toMatchObject({ code: 1, err: 'notes.txt: not a domain module: expected a .ts, .mts, .js or .mjs file\n' });
  });

  it('a module path that names no file says so, whichever command names it', async () => {
    const dir = folderWith({ 'counter.ts': counter(), 'scenario.json': counterScenario('counter.ts') });
    expect(await cli(dir, 'domains', 'nothere.ts')).toMatchObject({ code: 1, err: 'nothere.ts: cannot read the file: no such file\n' });
    // named as typed
    expect(await cli(dir, 'run', 'scenario.json', '--domain', './Counter.ts')).toMatchObject({ code: 1, err: './Counter.ts: cannot read the file: no such file\n' });
    expect(await cli(dir, 'compare', 'scenario.json', '--against', './counter-v3.ts')).toMatchObject({ code: 1, err: './counter-v3.ts: cannot read the file: no such file\n' });
    // a scenario's own `domain` naming no file: the scenario, its field and where it looked
    const moved = folderWith({ 'scenario.json': counterScenario('lib/counter.ts') });
    expect(await cli(moved, 'run', 'scenario.json')).toMatchObject({ code: 1, err: `scenario.json: domain: "./lib/counter.ts" names no file (looked for ${join('lib', 'counter.ts')})\n` });
  });

  it('a module with several problems lists each by member', async () => {
    const dir = folderWith({ 'm.mjs': "export default { decide: 1, evolve: (a) => a, streamOf: () => 's', invariants: [{ name: 'x' }], eventSchemas: { E: { type: 'object', pattern: 'x' } } };" });
    const r = await cli(dir, 'domains', 'm.mjs');
    expect(r.err.trim().split('\n')).toEqual([
      'm.mjs: decide: expected a function (decide(command, state) returns { type: "accepted", events } or { type: "rejected", rejection }), got 1',
      'm.mjs: eventSchemas.E.pattern: not a keyword of the schema subset; expected one of $schema, type, properties, required, additionalProperties, items, enum, minimum, maximum, minLength, maxLength, title, description, default',
      'm.mjs: invariants[0].violation: expected a function (violation(stream, aggregate) returns a message or undefined), got undefined',
    ]);
  });
});

it('leaves no temporary module bundle behind', () => {
  expect(readdirSync(samples).filter((f) => f.startsWith('__purestream'))).toEqual([]);
});
