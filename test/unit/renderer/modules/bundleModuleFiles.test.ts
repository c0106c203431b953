import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as published from '../../../../src/engine/module/published';
import { BundleLocator } from '../../../../renderer/lib/modules/bundleLocator';
import { bundleModuleFiles, ModuleBundleError, PUBLISHED_KEY, resolveRelative, type BuildFn, type ModuleFiles } from '../../../../renderer/lib/modules/bundleModuleFiles';

// native esbuild has the same build API as esbuild-wasm, which the module worker uses
const bundle = (input: ModuleFiles) => bundleModuleFiles(build as unknown as BuildFn, input, Object.keys(published));
const bankText = readFileSync(new URL('../../../../samples/domains/bank.ts', import.meta.url), 'utf8');

async function problems(files: Record<string, string>, entry = Object.keys(files)[0]): Promise<string[]> {
  try {
    await bundle({ entry, files });
  } catch (e) {
    if (e instanceof ModuleBundleError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('bundleModuleFiles (the app bundles a module in its worker)', () => {
  it('bundles a module with its relative imports; purestream/domain is the loader\'s, read from the worker\'s global', async () => {
    const { code, map } = await bundle({
      entry: '/bank.ts',
      files: { '/bank.ts': "import { accept } from 'purestream/domain';\nimport { fee } from './rules/fee';\nexport default { fee, accept };", '/rules/fee.ts': 'export const fee: number = 2;' },
    });
    expect(code).toContain(`globalThis["${PUBLISHED_KEY}"]`);
    expect(code).toContain('fee = 2');
    expect(code).not.toContain(': number');
    expect(JSON.parse(map).sources).toEqual(expect.arrayContaining(['purestream-file:/bank.ts', 'purestream-file:/rules/fee.ts']));
  });

  it('refuses a bare import, naming the import, the file and line, and pointing to the command line', async () => {
    expect(await problems({ '/bank.ts': "\nimport _ from 'lodash';\nexport default _;" })).toEqual([
      'bank.ts:2: cannot import "lodash": in the app a domain module may import only its own files (relative paths) and purestream/domain — run modules that use packages on the command line (purestream run <scenario.json>)',
    ]);
    expect((await problems({ '/bank.ts': "import { readFileSync } from 'node:fs';\nexport default { readFileSync };" }))[0]).toMatch(/^bank\.ts:1: cannot import "node:fs"/);
  });

  it('says which relative import cannot be resolved, where', async () => {
    expect(await problems({ '/bank.ts': "export default { x };\nimport { x } from './rules';" })).toEqual([
      'bank.ts:2: cannot resolve the import "./rules" (no such file was opened with the module: open its folder\'s files together, or use the command line)',
    ]);
  });

  it('reports a syntax error at its file and line, and a file that is not a module', async () => {
    expect(await problems({ '/bank.ts': 'export default {\n  decide(: 1 }' })).toEqual(['bank.ts:2: Expected identifier but found ":"']);
    expect(await problems({ '/bank.json': '{}' })).toEqual(['bank.json: not a domain module: expected a .ts, .mts, .js or .mjs file']);
  });

  it('resolves relative imports as TypeScript does (.js naming a .ts file, index files)', () => {
    const files = { '/a.ts': '', '/lib/index.ts': '', '/b.mts': '' };
    expect(resolveRelative(files, '/x/y.ts', '../a.js')).toBe('/a.ts');
    expect(resolveRelative(files, '/y.ts', './lib')).toBe('/lib/index.ts');
    expect(resolveRelative(files, '/y.ts', './b.mjs')).toBe('/b.mts');
    expect(resolveRelative(files, '/y.ts', './c')).toBeUndefined();
  });
});

describe('BundleLocator (messages name the module\'s own file:line)', () => {
  it('maps a stack frame of the evaluated bundle and a function of the module to bank.ts lines', async () => {
    const b = await bundle({ entry: '/bank.ts', files: { '/bank.ts': bankText } });
    const url = 'blob:http://127.0.0.1/0f1e';
    const locator = new BundleLocator(b, url);
    const lines = b.code.split('\n');
    const at = lines.findIndex((l) => l.includes('"insufficient-funds"'));
    const column = lines[at].indexOf('reject(');
    const sourceLine = bankText.split('\n').findIndex((l) => l.includes("'insufficient-funds'")) + 1;
    expect(locator.frame(`Error: x\n    at reject (${url}:3:1)\n    at withdraw (${url}:${at + 1}:${column + 1})`)).toBe(`bank.ts:${sourceLine}`);
    expect(locator.frame('Error: x\n    at foo (http://elsewhere/app.js:1:1)')).toBeUndefined();
    // a function of the module is found by its source text
    (globalThis as Record<string, unknown>)[PUBLISHED_KEY] = published;
    const evaluated = (await import(`data:text/javascript;base64,${Buffer.from(b.code).toString('base64')}`)) as { default: { decide: unknown } };
    const decideLine = bankText.split('\n').findIndex((l) => l.startsWith('function decide(')) + 1;
    expect(locator.definition(evaluated.default.decide)).toBe(`bank.ts:${decideLine}`);
  });
});
