/** A child process for cli/hardening.test.ts: wires the CLI's signal handling, then writes an output that never ends. */
import { removeTempsOnSignals } from '../../../src/cli/tempFiles';
import { writeAtomically } from '../../../src/cli/writeAtomically';

removeTempsOnSignals();
setInterval(() => undefined, 1000); // keeps the process alive while the write waits
// collects garbage early (the test runs this child with --expose-gc): a FileHandle lost to GC would end the process
setTimeout(() => (globalThis as { gc?: () => void }).gc?.(), 20);
// the write waits on a promise that never settles; its resolver is kept so the waiting write (and
// its open FileHandle) stays reachable: Node 26 ends a process whose FileHandle is garbage-collected open
const keep: { resolve?: () => void } = {};
(globalThis as { purestreamKeep?: unknown }).purestreamKeep = keep;
async function* endless(): AsyncGenerator<string> {
  yield '{"runs": [';
  await new Promise<void>((resolve) => (keep.resolve = resolve));
}
const cwd = process.argv[2];
await writeAtomically('report.json', endless(), { cwd, out: () => undefined, err: () => undefined, errIsTTY: false });
