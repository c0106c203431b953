/**
 * From a run to a test: a decision of a run, turned into the text of a Purestream
 * given/when/then test and of an Emmett DeciderSpecification test (Emmett's real package),
 * is written to a file and executed against the module — and passes; edited to expect
 * something else, it fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { expandScenario } from '../../../src/engine/scenario/expand';
import { runScenario } from '../../../src/engine/run';
import { toDomainModule } from '../../../src/engine/module/bundled';
import { decisionCase, emmettTestText, purestreamTestText, type DecisionCase } from '../../../src/engine/module/testText';
import bank from '../../../samples/domains/bank';
import cart from '../../../samples/domains/cart.mjs';
import { readFileSync } from 'node:fs';

const samples = new URL('../../../samples/domains/', import.meta.url).pathname;
const out = new URL('../../../test-results/generated-tests/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

/** Every decision of a scenario's first run, as test cases. */
function casesOf(rules: object, scenarioFile: string): DecisionCase[] {
  const module = toDomainModule(rules);
  const parsed = parseScenario(readFileSync(join(samples, scenarioFile), 'utf8'), scenarioFile, { domain: module });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scenario = { ...parsed.scenario, runs: [parsed.scenario.runs[0]] };
  const { traces } = runScenario(scenario, { domain: module });
  const inputs = [...expandScenario(scenario, module).arrivals.map((a) => a.input)];
  return traces[0].decisions.map((d) => decisionCase(module, traces[0], inputs, d.inputId)).filter((c): c is DecisionCase => c !== undefined);
}

let n = 0;
async function execute(text: string): Promise<void> {
  const file = join(out, `case-${++n}.ts`);
  writeFileSync(file, text);
  await import(/* @vite-ignore */ file);
}

describe.each([
  ['bank', bank, 'bank.scenario.json', 'bank.ts'],
  ['cart', cart, 'cart.scenario.json', 'cart.mjs'],
])('%s: copy as test', (name, rules, scenario, file) => {
  const cases = casesOf(rules as object, scenario);
  const accepted = cases.find((c) => 'events' in c.then && c.given.length > 0)!;
  const rejected = cases.find((c) => 'rejected' in c.then)!;
  const module = { path: join(samples, file), name };
  const shape = toDomainModule(rules as object).shape;

  it('has decisions of both kinds to copy', () => {
    expect([accepted, rejected].every(Boolean)).toBe(true);
  });

  it.each([
    ['Purestream given/when/then', purestreamTestText],
    ['Emmett DeciderSpecification', (c: DecisionCase, m: typeof module) => emmettTestText(c, m, shape)],
  ])('%s text runs against the module and passes', async (_kind, text) => {
    for (const c of [accepted, rejected]) await execute(text(c, module));
    // and a test expecting another outcome fails
    const wrong: DecisionCase = { ...rejected, then: { rejected: 'something-else' } };
    await expect(execute(text(wrong, module))).rejects.toThrow();
  });

  it('reads like the spec: given the events of the streams read, when the command, then the events or the code', () => {
    const text = purestreamTestText(rejected, module);
    expect(text).toContain(`import { given } from 'purestream/domain';`);
    expect(text).toContain(`.thenRejects(${JSON.stringify((rejected.then as { rejected: string }).rejected)});`);
    expect(emmettTestText(accepted, module, shape)).toContain(`import { DeciderSpecification } from '@event-driven-io/emmett';`);
  });
});

it("the README's module example and its test run as written", async () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /```ts\n\/\/ counter\.ts\n([\s\S]*?)```/.exec(readme)![1];
  const [module, test] = block.split('// counter.test.ts');
  const dir = join(out, 'readme');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'counter.ts'), module);
  writeFileSync(join(dir, 'counter.test.ts'), test.split('\n').slice(1).join('\n'));
  await import(/* @vite-ignore */ join(dir, 'counter.test.ts'));
});
