/** A child process for cli/hardening.test.ts: wires the CLI's signal handling, then writes an output that never ends. */
import { removeTempsOnSignals } from '../../../src/cli/tempFiles';
import { writeAtomically } from '../../../src/cli/writeAtomically';

removeTempsOnSignals();
setInterval(() => undefined, 1000); // keeps the process alive while the write waits
async function* endless(): AsyncGenerator<string> {
  yield '{"runs": [';
  await new Promise(() => undefined);
}
const cwd = process.argv[2];
await writeAtomically('report.json', endless(), { cwd, out: () => undefined, err: () => undefined, errIsTTY: false });
