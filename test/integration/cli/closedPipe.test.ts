/**
 * A reader that goes away (`purestream inspect … 2>&1 | head -1`): the process writing into its
 * closed pipe — stdout or stderr — ends quietly with exit 0, never "internal error: write EPIPE"
 * (exit 70). The real process, its pipes closed by this side before it writes a byte.
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

describe('a closed output pipe, live source', () => {
  needsServer('postgres');

  it('an inspection of a store (the report on stdout, the last position on stderr) ends quietly, exit 0', async () => {
    const url = await freshDatabase('closed_pipe');
    await seedEmmett(url, [{ streamName: 'order-1', messages: [{ type: 'OrderPlaced', data: { orderId: 'o-1' } }] }]);
    expect(await withClosedPipes(['inspect', `${url}?store=emmett`])).toBe(0);
  });
});
