import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectModuleFiles, relativeImports } from '../../../src/main/moduleFiles';

const folder = () => mkdtempSync(join(tmpdir(), 'purestream-module-'));

describe('collectModuleFiles (the desktop app reads a module and its relative imports for the module worker)', () => {
  it('reads the module and every file it imports by relative path, under paths rooted at its folder', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'bank.ts'), `import { accept } from 'purestream/domain';\nimport { fee } from './rules/fees';\nexport * from "./types.js";\nexport default { fee };`);
    writeFileSync(join(dir, 'rules', 'fees.ts'), `import limits from '../limits.json';\nexport const fee = 1;`);
    writeFileSync(join(dir, 'types.ts'), `export type X = 1;`);
    writeFileSync(join(dir, 'limits.json'), `{"max": 3}`);
    writeFileSync(join(dir, 'unrelated.ts'), `nothing`);
    const found = await collectModuleFiles(join(dir, 'bank.ts'));
    if (typeof found === 'string') throw new Error(found);
    expect(found.entry).toBe('/bank.ts');
    expect(Object.keys(found.files).sort()).toEqual(['/bank.ts', '/limits.json', '/rules/fees.ts', '/types.ts']);
    expect(found.paths).toHaveLength(4);
  });

  it('refuses a file that is not a module, a missing file, and an import outside the folder', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.json'), '{}');
    expect(await collectModuleFiles(join(dir, 'notes.json'))).toMatch(/notes\.json: not a domain module: expected a \.ts, \.mts, \.js or \.mjs file/);
    expect(await collectModuleFiles(join(dir, 'gone.ts'))).toMatch(/gone\.ts: no such file/);
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'shared.ts'), 'export const x = 1;');
    writeFileSync(join(dir, 'm', 'bank.ts'), "import { x } from '../shared';\nexport default x;");
    expect(await collectModuleFiles(join(dir, 'm', 'bank.ts'))).toMatch(/imports \.\.\/shared, outside the module's folder/);
  });

  it('leaves an import of a missing file to the bundler (which names the line)', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'bank.ts'), "import { y } from './missing';\nexport default y;");
    const found = await collectModuleFiles(join(dir, 'bank.ts'));
    expect(typeof found === 'string' ? found : Object.keys(found.files)).toEqual(['/bank.ts']);
  });

  it('finds static, dynamic and re-exported relative specifiers, not bare ones', () => {
    expect(relativeImports(`import a from './a';\nimport { b } from "../b.js";\nexport { c } from './c';\nconst d = import('./d');\nimport e from 'lodash';\nimport './side';`)).toEqual(['./a', '../b.js', './c', './d', './side']);
  });
});
