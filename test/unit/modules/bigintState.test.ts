/**
 * A module whose evolve keeps a bigint in its state (the re-trial's tagged.ts): a report cannot
 * hold it (cli-and-reports.md: "Domain states are plain JSON data", for the stateHash), and the
 * inspection stopped with "internal error", exit 70. It is the module's fault, said in one line
 * naming the stream and the JSON path, exit 1.
 */
import { describe, expect, it } from 'vitest';
import { bigintPath } from '../../../src/logs/stateNotJson';
import { cli } from '../cli/cliHarness';
import { counter, folderWith } from './moduleFiles';

const bigCounter = counter().replace('evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),', 'evolve: (count, event) => ({ total: (count?.total ?? 0n) + BigInt(event.data.by), lines: [{ by: event.data.by }] }),');
const log = [
  { format: 'purestream/events@1', domain: 'big' },
  { seq: 1, id: 'e1', type: 'Added', data: { id: 'a', by: 2 }, at: 1 },
].map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('a module state holding a bigint', () => {
  it('is refused by name, exit 1, no stack trace', async () => {
    expect(bigCounter).toContain('BigInt(');
    const cwd = folderWith({ 'big.ts': bigCounter, 'log.jsonl': log });
    const r = await cli(['inspect', 'log.jsonl', '--domain', './big.ts'], { cwd });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the state of stream "counter:a" holds a bigint at \$\.total, which a report cannot hold: domain states are plain JSON data/);
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+:\d+\)/);
  });

  it('is found at its JSON path', () => {
    expect(bigintPath({ a: 1, lines: [{ qty: 2 }, { qty: 3n }] })).toBe('$.lines[1].qty');
    expect(bigintPath({ 'odd key': 1n })).toBe('$["odd key"]');
    expect(bigintPath({ a: [1, 'x', null] })).toBeUndefined();
    // inside a Map or Set (hashed as their tagged objects)
    expect(bigintPath({ items: new Map([['tee', { qty: 2n }]]) })).toBe('$.items.get("tee").qty');
    expect(bigintPath({ ids: new Set([1, 2n]) })).toBe('$.ids.<value 1>');
  });
});
