/**
 * Modules that are nearly a domain (the Emmett-team trial's, test/fixtures/modules/moduleVariants): an
 * Emmett-style `initialState` given as an object, a misspelled member, the domain exported by
 * name or through `module.exports`. Each is refused with one message naming the member and the
 * fix — the same from `domains`, `run` and `inspect` (one loader) — instead of being read as the
 * other shape and failing later with a misleading message.
 */
import { describe, expect, it } from 'vitest';
import { missingDefaultProblem, shapeProblems } from '../../../src/engine/module/moduleShape';
import { counterScenario, folderWith } from './moduleFiles';
import { moduleVariant } from '../../fixtures/modules/moduleVariants';
import { cli as runCli } from '../cli/cliHarness';

const log = new URL('../../fixtures/logs/trial2/emmett-export.jsonl', import.meta.url).pathname;

const cli = async (cwd: string, ...argv: string[]) => {
  const r = await runCli(argv, { cwd });
  return { ...r, err: r.err.trim() };
};

const decide = () => [];
const evolve = (s: unknown) => s;
const streamOf = () => 's';

describe('the shape a module meant', () => {
  it('an initialState that is not a function is an Emmett-style decider’s mistake, not a Purestream domain', () => {
    expect(shapeProblems({ decide, evolve, streamOf, initialState: { items: {} } })).toEqual([
      "initialState: must be a function returning the initial state (Emmett's decider shape); it is an object",
    ]);
    expect(shapeProblems({ decide, evolve, streamOf, initialState: null })).toEqual(["initialState: must be a function returning the initial state (Emmett's decider shape); it is null"]);
    // with streamOf missing too, that is said as an Emmett-style decider's streamOf
    expect(shapeProblems({ decide, evolve, initialState: [] })).toEqual([
      "initialState: must be a function returning the initial state (Emmett's decider shape); it is an array",
      'streamOf: is missing (an Emmett-style decider names the stream a command addresses: streamOf(command))',
    ]);
  });

  it('a Purestream domain (it has a partitionKey) keeps a data member of that name, and both shapes still load', () => {
    expect(shapeProblems({ decide, evolve, streamOf, partitionKey: () => 'k', initialState: {} })).toEqual([]);
    expect(shapeProblems({ decide, evolve, streamOf })).toEqual([]);
    expect(shapeProblems({ decide, evolve, streamOf, initialState: () => ({}) })).toEqual([]);
  });

  it('a member misspelled is named with the one meant; a near name beside the member is the module’s own', () => {
    expect(shapeProblems({ decide, evolve, streamOf, initalState: () => ({}) })).toEqual(['initalState: not a member of a domain; did you mean initialState?']);
    expect(shapeProblems({ decide, evolve, streamof: streamOf })).toEqual([
      'streamof: not a member of a domain; did you mean streamOf?',
      'streamOf: is missing (streamOf(event) names the stream an event belongs to)',
    ]);
    expect(shapeProblems({ decide, evolve, streamOf, eventSchema: {} })).toEqual(['eventSchema: not a member of a domain; did you mean eventSchemas?']);
    expect(shapeProblems({ decide, evolve, streamOf, decider: {}, evolver: 1, helpers: {} })).toEqual([]);
  });
});

describe('no default export', () => {
  it('names the export that is the domain, or the functions exported one by one, or module.exports', () => {
    expect(missingDefaultProblem({ cart: { decide, evolve } })).toBe('default export: is missing; the module exports `cart` — export it as default (export default cart)');
    expect(missingDefaultProblem({ cart: { decide }, bank: { decide } })).toBe('default export: is missing; the module exports `cart`, `bank` — export the domain as default (export default cart)');
    expect(missingDefaultProblem({ decide, evolve, streamOf })).toBe(
      'default export: is missing; the module exports `decide`, `evolve`, `streamOf` one by one — gather them as its default export: export default { decide, evolve, streamOf }',
    );
    expect(missingDefaultProblem({ id: 'x', decide, evolve, streamOf, initialState: decide }, true)).toBe(
      'default export: is missing; the module assigns module.exports (CommonJS) — a domain module is an ES module: export default { decide, evolve, streamOf, initialState, … }',
    );
    expect(missingDefaultProblem({ x: 1 })).toBe('default export: is missing (export default { decide, evolve, streamOf, … })');
  });
});

describe('the trial’s modules on the command line: one message, exit 1, from domains, run and inspect', () => {
  it.each([
    ['initobj.ts', "initobj.ts: initialState: must be a function returning the initial state (Emmett's decider shape); it is an object"],
    ['named.ts', 'named.ts: default export: is missing; the module exports `cart` — export it as default (export default cart)'],
    ['cjs.ts', 'cjs.ts: default export: is missing; the module assigns module.exports (CommonJS) — a domain module is an ES module: export default { decide, evolve, streamOf, initialState, … }'],
  ])('%s', async (file, message) => {
    const dir = folderWith({ [file]: moduleVariant(file), 'scenario.json': counterScenario(file) });
    expect(await cli(dir, 'domains', file)).toEqual({ code: 1, out: '', err: message });
    expect(await cli(dir, 'run', 'scenario.json')).toEqual({ code: 1, out: '', err: message });
    expect(await cli(dir, 'inspect', log, '--domain', `./${file}`)).toEqual({ code: 1, out: '', err: message.replace(file, `./${file}`) });
  });
});
