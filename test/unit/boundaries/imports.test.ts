import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
};

describe('import boundaries (npm run lint)', () => {
  it('fail a domain file that imports from src/', async () => {
    expect(await ruleIds("import { runScenario } from '../../src/engine/run';\nexport const x = runScenario;\n", 'domain/commerce/bad.ts')).toContain('no-restricted-imports');
  });
  it('fail a domain file that imports a Node built-in, a package, a clock or randomness', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'domain/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import initSqlJs from 'sql.js';\nexport const x = initSqlJs;\n", 'domain/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds('export const now = () => Date.now();\n', 'domain/bad.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const r = () => Math.random();\n', 'domain/bad.ts')).toContain('no-restricted-properties');
  });
  it('allow a domain file that imports within domain/', async () => {
    expect(await ruleIds("import { accept } from '../kernel';\nexport const x = accept;\n", 'domain/commerce/fine.ts')).toEqual([]);
  });
  it('fail an engine file that imports Electron or Svelte', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'src/engine/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { mount } from 'svelte';\nexport const x = mount;\n", 'src/engine/bad.ts')).toContain('no-restricted-imports');
  });
});
