import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
};

describe('the import boundaries of src/sources (npm run lint)', () => {
  it('fail a sources file that imports the CLI, the shell, the store or the UI', async () => {
    expect(await ruleIds("import { main } from '../cli/main';\nexport const x = main;\n", 'src/sources/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'src/sources/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { Workspace } from '../store/workspace';\nexport const x = Workspace;\n", 'src/sources/bad.ts')).toContain('no-restricted-imports');
  });
  it('allow a sources file that builds on src/logs and src/engine', async () => {
    expect(await ruleIds("import { LogInspector } from '../logs/logInspector';\nimport { stateHash } from '../engine/report/stateHash';\nexport const x = [LogInspector, stateHash];\n", 'src/sources/fine.ts')).toEqual([]);
  });
  it('fail src/logs or src/engine importing src/sources', async () => {
    expect(await ruleIds("import { isSourceUrl } from '../sources/sourceUrl';\nexport const x = isSourceUrl;\n", 'src/logs/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { isSourceUrl } from '../sources/sourceUrl';\nexport const x = isSourceUrl;\n", 'src/engine/bad.ts')).toContain('no-restricted-imports');
  });
});
