/**
 * Module paths in command-line messages are the paths the user typed (the trial's C3): a module
 * named by an absolute path is shown by it, and its own files absolute too; one named relatively
 * is shown as typed, its files relative to the working directory; a scenario's module is joined
 * to the scenario's path as typed. Never a path relative to the working directory that nobody typed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counter, counterScenario, folderWith } from './moduleFiles';
import { cli as runCli } from '../cli/cliHarness';

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd });

const ADD_ONE = "return accept({ type: 'Added', data: { id: command.data.id, by: 1 } });";
/** A folder `mods` (inside a fresh one) holding a module that reads the clock in a helper, one that reads it itself, one that does not parse, and a scenario. */
function modules() {
  const root = folderWith({});
  const mods = join(root, 'mods');
  mkdirSync(mods);
  const work = join(root, 'work');
  mkdirSync(work);
  const files = {
    'clock.mjs': counter(`if (Date.now() < 0) return reject('never', 'never');\n    ${ADD_ONE}`),
    'helper.mjs': 'export const now = () =>\n  Date.now();\n',
    'viahelper.mjs': counter(`now();\n    ${ADD_ONE}`).replace("import { accept, reject } from 'purestream/domain';", "import { accept, reject } from 'purestream/domain';\nimport { now } from './helper.mjs';"),
    'broken.ts': 'export default {',
    'scenario.json': counterScenario('clock.mjs'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(mods, name), text);
  return { mods, work };
}

describe('module paths in messages, as typed', () => {
  it('an absolute --domain: the module and its location absolute, from any working directory', async () => {
    const { mods, work } = modules();
    const r = await cli(work, 'run', join(mods, 'scenario.json'), '--domain', join(mods, 'clock.mjs'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${join(mods, 'clock.mjs')}: decide read the clock while deciding c1 .*\\(Date\\.now\\(\\) at ${join(mods, 'clock.mjs')}:5\\)\\n$`));
    expect(r.err).not.toContain('..');
  });

  it("an absolute --domain whose helper reads the clock: the helper's path absolute too", async () => {
    const { mods, work } = modules();
    const r = await cli(work, 'run', join(mods, 'scenario.json'), '--domain', join(mods, 'viahelper.mjs'));
    expect(r.err).toContain(`(Date.now() at ${join(mods, 'helper.mjs')}:2)`);
    expect(r.err.startsWith(`${join(mods, 'viahelper.mjs')}: `)).toBe(true);
  });

  it('a relative --domain: as typed, and its other files relative to the working directory', async () => {
    const { work } = modules();
    const typed = '../mods/./clock.mjs';
    const r = await cli(work, 'run', '../mods/scenario.json', '--domain', typed);
    expect(r.err).toMatch(/^\.\.\/mods\/\.\/clock\.mjs: decide read the clock .*\(Date\.now\(\) at \.\.\/mods\/\.\/clock\.mjs:5\)\n$/);
    const helper = await cli(work, 'run', '../mods/scenario.json', '--domain', '../mods/viahelper.mjs');
    expect(helper.err).toContain('(Date.now() at ../mods/helper.mjs:2)');
  });

  it("a scenario's module: joined to the scenario's path as typed (absolute, or relative)", async () => {
    const { mods, work } = modules();
    const absolute = await cli(work, 'run', join(mods, 'scenario.json'));
    expect(absolute.err.startsWith(`${join(mods, 'clock.mjs')}: decide read the clock`)).toBe(true);
    expect(absolute.err).toContain(`(Date.now() at ${join(mods, 'clock.mjs')}:5)`);
    const relative = await cli(work, 'run', '../mods/scenario.json');
    expect(relative.err.startsWith('../mods/clock.mjs: decide read the clock')).toBe(true);
    expect(relative.err).toContain('(Date.now() at ../mods/clock.mjs:5)');
  });

  it('a module that does not parse, or names no file: the path typed', async () => {
    const { mods, work } = modules();
    expect(await cli(work, 'domains', join(mods, 'broken.ts'))).toMatchObject({ code: 1, err: `${join(mods, 'broken.ts')}:1: Expected identifier but found end of file\n` });
    expect(await cli(work, 'domains', './nothere.ts')).toMatchObject({ code: 1, err: './nothere.ts: cannot read the file: no such file\n' });
  });
});
