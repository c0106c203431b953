/**
 * Module domain vs bundled: 1,000,000 `Deposit` commands of the bank module
 * (samples/domains/bank.ts) through a pool of 4 workers, trace off — once as a domain module
 * (loaded by the command line's loader: esbuild bundle, worker thread, `node:vm` context, every
 * call guarded and watched) and once as its bundled twin (./bankTwin, in this thread). The whole
 * run happens in the module's worker, so no message crosses per decision. Target: the module
 * run within 1.5x of the bundled one. Rounds alternate; figures are medians.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseScenario } from '../src/engine/scenario/parse';
import { runScenario } from '../src/engine/run';
import { ModuleHost } from '../src/modules/moduleHost';
import { bankTwin } from './bankTwin';

export const name = 'moduleDomain';

const COMMANDS = 1_000_000;
const ROUNDS = 3;
const scenarioText = JSON.stringify({
  format: 'purestream/scenario@1',
  name: 'Benchmark: 1,000,000 deposits',
  domain: './bank.ts',
  setup: [{ type: 'OpenAccount', data: { accountId: 'a', owner: 'ada' } }],
  commands: [{ repeat: COMMANDS, every: 1, template: { type: 'Deposit', data: { accountId: 'a', amount: 1 } } }],
  runs: [{ name: 'pool of 4', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 1 }],
});

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the benchmark; times in ms. */
export async function run(): Promise<Record<string, unknown>> {
  const parsed = parseScenario(scenarioText, 'bench', { domain: bankTwin });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scenario = parsed.scenario;
  const loadStart = performance.now();
  const host = await ModuleHost.open('samples/domains/bank.ts', process.cwd());
  const loadMs = performance.now() - loadStart;
  const bundled: number[] = [];
  const module: number[] = [];
  let hashes: string[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      const a = runScenario(scenario, { domain: bankTwin, trace: false });
      bundled.push(performance.now() - t);
      t = performance.now();
      const b = await host.run(scenario);
      module.push(performance.now() - t);
      hashes = [a.report.runs[0].stateHash, b.report.runs[0].stateHash];
    }
  } finally {
    await host.close();
  }
  const ratio = median(module) / median(bundled);
  return {
    commands: COMMANDS,
    rounds: ROUNDS,
    bundledMs: Math.round(median(bundled)),
    moduleMs: Math.round(median(module)),
    moduleLoadMs: Math.round(loadMs),
    ratio: Number(ratio.toFixed(2)),
    ratioTarget: 1.5,
    sameStateHash: hashes[0] === hashes[1],
    ok: ratio <= 1.5 && hashes[0] === hashes[1],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await run(), null, 2));
