/**
 * A module's fault while a log file is replayed names the log's line: a log that lacks its
 * streams' earliest events (a cut export) stops at the first event the module cannot fold, with the
 * module's message and that line. (A source read `--from` after its start leaves such streams out
 * instead: test/integration/cli/inspectModule.test.ts.) Fixture: samples/domains/bank.scenario.json's
 * "one queue" run exported, its setup (events 1–4 and their commands) cut.
 */
import { describe, expect, it } from 'vitest';
import { counter, folderWith } from './moduleFiles';
import { cli as runCli } from '../cli/cliHarness';

const root = new URL('../../../', import.meta.url).pathname;

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd });

describe("a module's fault while a log file is replayed", () => {
  it('a log cut after its setup: the first event the module cannot fold, with the log line (exit 1, nothing printed)', async () => {
    const r = await cli(root, 'inspect', 'test/fixtures/logs/mid-stream/bank-after-seq4.jsonl', '--domain', 'samples/domains/bank.ts', '--json');
    expect(r).toEqual({
      code: 1,
      out: '',
      err: "samples/domains/bank.ts: evolve threw while evolving a MoneyWithdrawn event: TypeError: Cannot read properties of undefined (reading 'balance') (at samples/domains/bank.ts:41), replaying line 3 of the log (position 5)\n",
    });
  });

  it('a module that throws on a stream it has state for: its message and the line', async () => {
    const dir = folderWith({
      'm.ts': counter().replace('evolve: (count, event) => ({', "evolve: (count, event) => { if (count) throw new Error('second'); return ({").replace('event.data.by }),', 'event.data.by }); },'),
      'log.jsonl': ['{"seq":1,"id":"e1","type":"Added","data":{"id":"a","by":2}}', '{"seq":2,"id":"e2","type":"Added","data":{"id":"a","by":1}}'].join('\n'),
    });
    const r = await cli(dir, 'inspect', 'log.jsonl', '--domain', './m.ts');
    expect(r).toEqual({ code: 1, out: '', err: './m.ts: evolve threw while evolving an Added event: Error: second (at ./m.ts:7), replaying line 2 of the log (position 2)\n' });
  });
});
