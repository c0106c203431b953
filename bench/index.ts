/**
 * `npm run bench`: runs every benchmark module and prints one JSON object, `{ <name>: result }`.
 * Adding a benchmark is one line in BENCHES: a module exporting `name` and `run()`.
 */
import * as engine from './engine';
import * as logs from './logs';
import * as startup from './startup';
import inspectBench from './inspect';
import * as ui from './ui';
import * as simpy from './simpy';
import * as uiLog from './uiLog';
import * as moduleDomain from './moduleDomain';
import * as payloadValidation from './payloadValidation';
import * as sources from './sources';

interface Bench {
  readonly name: string;
  run(): Record<string, unknown> | Promise<Record<string, unknown>>;
}

const BENCHES: readonly Bench[] = [startup, engine, moduleDomain, payloadValidation, simpy, { name: 'inspect', run: inspectBench }, logs, ui, uiLog, sources];

const results: Record<string, unknown> = {};
for (const bench of BENCHES) {
  try {
    results[bench.name] = await bench.run();
  } catch (error) {
    results[bench.name] = { error: error instanceof Error ? error.message : String(error) };
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
