/**
 * A reader that goes away (`purestream inspect … 2>&1 | head -1`): the process writing into its
 * closed pipe — stdout or stderr — ends quietly with exit 0, never "internal error: write EPIPE"
 * (exit 70); a failing `--fail-on` (known before the report is written) still exits 3 and says
 * why on stderr. The real process, its pipes closed by this side before it writes a byte, or
 * stdout closed after its first chunk (`| head -3`).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { freshDatabase, needsServer } from '../servers';
import { seedEmmett } from '../seed/emmett';
import { folderWith } from '../../unit/modules/moduleFiles';
import { processEnv } from './cli';

const bin = fileURLToPath(new URL('../../../bin/purestream.mjs', import.meta.url));

/** Runs `purestream ...args` with stdout and stderr pipes this side closes at once; the exit code. */
function withClosedPipes(args: readonly string[], cwd?: string): Promise<number | null> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  child.stderr.destroy();
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

/** Runs `purestream ...args` with a stdout this side closes once the first chunk came (`| head -3`); the exit code and stderr. */
function withStdoutClosedEarly(args: readonly string[], cwd?: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stdout.once('data', () => child.stdout.destroy());
  child.stderr.on('data', (t: Buffer) => void (err += t.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, err })));
}

/** A log of `n` stocks, each restocked with 1 and then reserved 5 of: `n` invariant violations (commerce), a report of some megabytes. */
const oversoldLog = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    JSON.stringify({ seq: 2 * i + 1, id: `r-${i}`, type: 'ItemRestocked', at: i, data: { sku: `sku-${i}`, qty: 1, warehouse: 'main' } }),
    JSON.stringify({ seq: 2 * i + 2, id: `s-${i}`, type: 'StockReserved', at: i, data: { sku: `sku-${i}`, qty: 5, warehouse: 'main', orderId: `o-${i}` } }),
  ]).flat().join('\n') + '\n';

/** A Purestream log of `n` events, each of its own stream (a report of some size). */
const bigLog = (n: number) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ kind: 'event', seq: i + 1, stream: `s-${i}`, streamSeq: 1, type: 'Added', data: { by: i } })).join('\n') + '\n';

describe('a closed output pipe', () => {
  it('a file inspection (stdout) and a failing command (stderr only) end quietly, exit 0', async () => {
    const cwd = folderWith({ 'big.jsonl': bigLog(3000) });
    expect(await withClosedPipes(['inspect', join(cwd, 'big.jsonl'), '--json'], cwd)).toBe(0);
    expect(await withClosedPipes(['inspect', join(cwd, 'missing.jsonl')], cwd)).toBe(0);
  });
});

describe('a closed output pipe with a failing gate', () => {
  it('inspect --fail-on violations --json | head: exit 3, the failing line on stderr', async () => {
    const cwd = folderWith({ 'oversold.jsonl': oversoldLog(3000) });
    const r = await withStdoutClosedEarly(['inspect', 'oversold.jsonl', '--domain', 'commerce', '--fail-on', 'violations', '--json'], cwd);
    expect(r).toEqual({ code: 3, err: 'failing: 3,000 invariant violations (--fail-on violations)\n' });
    // the same read without --fail-on: the reader took what it wanted, exit 0 quietly
    expect(await withStdoutClosedEarly(['inspect', 'oversold.jsonl', '--domain', 'commerce', '--json'], cwd)).toEqual({ code: 0, err: '' });
    // both pipes closed: the code says it
    expect(await withClosedPipes(['inspect', 'oversold.jsonl', '--domain', 'commerce', '--fail-on', 'violations', '--json'], cwd)).toBe(3);
  });

  it('run --fail-on-violation --json | head: exit 3', async () => {
    const scenario = new URL('../../../samples/scenarios/flash-sale.json', import.meta.url).pathname;
    const r = await withStdoutClosedEarly(['run', scenario, '--fail-on-violation', '--json']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^failing: .* \(--fail-on-violation\)\n$/);
  });
});

describe('a closed output pipe, live source', () => {
  needsServer('postgres');

  it('an inspection of a store (the report on stdout, the last position on stderr) ends quietly, exit 0', async () => {
    const url = await freshDatabase('closed_pipe');
    await seedEmmett(url, [{ streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }] }]);
    expect(await withClosedPipes(['inspect', `${url}?store=emmett`])).toBe(0);
  });
});
