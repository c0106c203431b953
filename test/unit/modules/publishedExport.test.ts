/**
 * The package export `purestream/domain` as a user's project meets it (README, "Bring your own
 * rules"): a folder whose node_modules/purestream links to this checkout, holding the README's
 * counter module and its test. The test runs under plain Node (`node counter.test.ts`, types
 * stripped) through the package's exports, and the module type-checks under
 * `"moduleResolution": "nodenext"` with the export's types — real types, not `any`. A test copied
 * from a run of a bundled domain runs as copied: the package exports the bundled domains.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderWith } from './moduleFiles';
import { readmeCounterFiles } from './readmeExample';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { expandScenario } from '../../../src/engine/scenario/expand';
import { runScenario } from '../../../src/engine/run';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { decisionCase, moduleImportOf, purestreamTestText } from '../../../src/engine/module/testText';

const checkout = fileURLToPath(new URL('../../../', import.meta.url));

/** Node strips types by default from 22.18 and 23.6; older ones are asked to. */
const [major, minor] = process.versions.node.split('.').map(Number);
const stripTypes = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18) ? [] : ['--experimental-strip-types'];

/** A user's folder with the README's files (and `extra`), `purestream` linked into its node_modules. */
function userFolder(extra: Readonly<Record<string, string>> = {}): string {
  const dir = folderWith({ 'package.json': '{ "type": "module" }', ...readmeCounterFiles(), ...extra });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(checkout, join(dir, 'node_modules', 'purestream'), 'dir');
  return dir;
}

const run = (dir: string, args: readonly string[]) => spawnSync(process.execPath, [...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('purestream/domain, the package export', () => {
  beforeAll(async () => {
    // what `npm install` (prepare) builds: dist/domain, the target of package.json's "./domain"
    const { buildDomainExport } = await import('../../../scripts/buildDomainExport.mjs');
    await buildDomainExport();
  }, 60_000);

  it("runs the README's given/when/then test under plain Node: `node counter.test.ts`, silent when it passes, exit 1 with both sides when not", () => {
    const dir = userFolder();
    const passed = run(dir, [...stripTypes, 'counter.test.ts']);
    expect([passed.status, passed.stdout]).toEqual([0, '']);
    expect(passed.stderr).not.toMatch(/Error|ERR_/);

    writeFileSync(join(dir, 'wrong.test.ts'), readmeCounterFiles()['counter.test.ts'].replace("thenRejects('not-positive')", "thenRejects('too-small')"));
    const failed = run(dir, [...stripTypes, 'wrong.test.ts']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Error: expected rejection too-small, got [\n  "not-positive"\n]');
  });

  it('type-checks a module and its test under "moduleResolution": "nodenext" with the real types', () => {
    const tsconfig = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, allowImportingTsExtensions: true, types: [] }, include: ['*.ts'] };
    const tsc = join(checkout, 'node_modules', 'typescript', 'bin', 'tsc');
    const dir = userFolder({ 'tsconfig.json': JSON.stringify(tsconfig) });
    const checked = run(dir, [tsc, '-p', '.']);
    expect([checked.status, checked.stdout]).toEqual([0, '']);

    // a mistake is found: the types are the module API's, not `any`
    writeFileSync(join(dir, 'mistake.ts'), "import { accept } from 'purestream/domain';\nexport const n: number = accept({ type: 'Added', data: 1 });\n");
    const mistake = run(dir, [tsc, '-p', '.']);
    expect(mistake.status).toBe(2);
    expect(mistake.stdout).toMatch(/^mistake\.ts\(2,14\): error TS2322: Type 'Decision<\{ type: string; data: number; \}>' is not assignable to type 'number'\./);
  });

  it("runs a test copied from a bundled domain's run as copied, importing the domain from purestream/domain", () => {
    const module = bundledDomain('commerce')!;
    const order = (n: number) => ({ type: 'PlaceOrder', at: n, data: { orderId: `o-${n}`, customerId: 'u', sku: 'tee', qty: 1 } });
    const text = JSON.stringify({ format: 'purestream/scenario@1', name: 'last tee', domain: 'commerce', setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }], commands: [order(1), order(2)], runs: [{ name: 'one queue', scheduler: { kind: 'serial' } }] });
    const parsed = parseScenario(text, 'last-tee.json', { domain: module });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { traces } = runScenario(parsed.scenario, { domain: module });
    const expanded = expandScenario(parsed.scenario, module);
    const inputs = [...expanded.setup, ...expanded.arrivals.map((a) => a.input)];
    const files = Object.fromEntries(['c1', 'c2'].map((id) => [`${id}.test.ts`, purestreamTestText(decisionCase(module, traces[0], inputs, id)!, moduleImportOf('commerce'))]));
    expect(files['c2.test.ts']).toContain('.thenRejects("out-of-stock");');
    const dir = userFolder(files);
    for (const file of Object.keys(files)) {
      const ran = run(dir, [...stripTypes, file]);
      expect([file, ran.status, ran.stdout, ran.stderr]).toEqual([file, 0, '', '']);
    }
  });
});
