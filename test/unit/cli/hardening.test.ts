/** Issue 17, the command line: crashes are one line (exit 70), terminal output is escaped and short, interrupted writes leave nothing. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRunCommand } from '../../../src/cli/commands/run';
import { EXIT, type CliCommand } from '../../../src/cli/io';
import { internalError, main } from '../../../src/cli/main';
import { printable } from '../../../src/cli/printable';
import { recordingIO } from './cliHarness';

const ESC = '\u001b';
const hostile = `${ESC}]0;pwned\u0007${ESC}[2J\u009b31m`;

/** A scenario with control characters in its name, run names, ids and data. */
const hostileScenario = {
  format: 'purestream/scenario@1',
  name: `sale ${hostile}`,
  domain: 'commerce',
  setup: [{ type: 'RestockItem', data: { sku: `tee${hostile}`, qty: 1 } }],
  commands: [{ repeat: 2, template: { id: `c-{n}${ESC}[2J`, type: 'PlaceOrder', data: { orderId: `o-{n}${hostile}`, customerId: 'u', sku: `tee${hostile}`, qty: 1 } } }],
  runs: [
    { name: `one${hostile}`, serviceMs: 1 },
    { name: `two${ESC}[1A`, scheduler: { kind: 'pool', workers: 2 }, serviceMs: 1 },
  ],
};

const withFile = (name: string, value: unknown) => {
  const io = recordingIO();
  writeFileSync(join(io.cwd, name), typeof value === 'string' ? value : JSON.stringify(value));
  return io;
};

/** Whether text holds a character a terminal obeys. */
const hasControl = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text);

describe('#17.8 an unexpected error is one line, exit 70', () => {
  const crashing: CliCommand = makeRunCommand(() => {
    throw new TypeError('Cannot read properties of undefined (reading "x")');
  });

  it('prints "internal error: …, please report" without a stack; --debug adds the stack', async () => {
    const io = recordingIO(['flash-sale.json']);
    let code: number;
    try {
      code = await crashing(['flash-sale.json'], io);
    } catch (e) {
      code = internalError(e, false, io);
    }
    expect(code).toBe(EXIT.internal);
    expect(io.stderr).toBe('purestream: internal error: TypeError: Cannot read properties of undefined (reading "x"), please report it (run again with --debug to see where it happened)\n');
    const debug = recordingIO();
    internalError(new Error('boom'), true, debug);
    expect(debug.stderr.split('\n')[0]).toBe('purestream: internal error: boom, please report it');
    expect(debug.stderr).toContain('at ');
  });

  it('main never throws: an unexpected failure inside a command is exit 70, its stack only with --debug', async () => {
    for (const debug of [false, true]) {
      const io = withFile('s.json', hostileScenario);
      const broken = { ...io, out: () => { throw new Error('write EIO'); } };
      expect(await main(['run', 's.json', ...(debug ? ['--debug'] : [])], broken)).toBe(EXIT.internal);
      expect(io.stderr.split('\n')[0]).toBe(`purestream: internal error: write EIO, please report it${debug ? '' : ' (run again with --debug to see where it happened)'}`);
      expect(io.stderr.includes('    at ')).toBe(debug);
    }
  });

  it('a file-system error while writing --out is bad input naming the file (exit 1)', async () => {
    const io = withFile('s.json', hostileScenario);
    writeFileSync(join(io.cwd, 'notadir'), '');
    expect(await main(['run', 's.json', '--out', 'notadir/r.json'], io)).toBe(EXIT.badInput);
    expect(io.stderr).toBe('--out notadir/r.json: notadir is not a folder\n');
  });
});

describe('#17.9 control characters escaped, long echoes shortened', () => {
  it('run, compare and sweep print names, ids and codes with their control characters escaped', async () => {
    for (const args of [['run', 's.json'], ['compare', 's.json'], ['sweep', 's.json', '--run', `one${hostile}`, '--param', 'serviceMs=1..2']]) {
      const io = withFile('s.json', hostileScenario);
      expect(await main(args, io), args[0]).toBe(0);
      expect(hasControl(io.stdout), args[0]).toBe(false);
      expect(io.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m');
    }
  });

  it('--json and export keep the same JSON values, with every control character escaped', async () => {
    for (const args of [['run', 's.json', '--json'], ['export', 's.json', '--run', `one${hostile}`], ['export', 's.json', '--run', `one${hostile}`, '--format', 'cloudevents']]) {
      const io = withFile('s.json', hostileScenario);
      expect(await main(args, io), args.join(' ')).toBe(0);
      expect(hasControl(io.stdout.replaceAll('\n', ' ')), args.join(' ')).toBe(false);
      expect(io.stdout).toContain('\\u009b31m');
    }
    const io = withFile('s.json', hostileScenario);
    await main(['run', 's.json', '--json'], io);
    expect(JSON.parse(io.stdout).runs[0].name).toBe(`one${hostile}`);
  });

  it('errors echo file names, keys and run names escaped and cut', async () => {
    const io = withFile('s.json', { ...hostileScenario, ['k'.repeat(20_000_000)]: 1, [`x${ESC}`]: 2 });
    expect(await main(['run', 's.json'], io)).toBe(1);
    expect(io.stderr.length).toBeLessThan(1000);
    expect(hasControl(io.stderr.replaceAll('\n', ' '))).toBe(false);
    expect(io.stderr).toContain('s.json: x\\u001b: unknown key');
    const run = withFile('s.json', hostileScenario);
    expect(await main(['run', 's.json', '--run', `${ESC}[2J${'r'.repeat(1_000_000)}`], run)).toBe(2);
    expect(run.stderr.length).toBeLessThan(2000);
    expect(hasControl(run.stderr.replaceAll('\n', ' '))).toBe(false);
    const unknown = recordingIO();
    expect(await main([`${ESC}[2Jrun`], unknown)).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('purestream: unknown command "\\u001b[2Jrun"');
  });

  it('printable() escapes C0, DEL, C1, line separators and bidi overrides, and cuts between code points', () => {
    expect(printable(`a${ESC}b\u007f\u0085\u2028\u202e\u2066`)).toBe('a\\u001bb\\u007f\\u0085\\u2028\\u202e\\u2066');
    expect(printable('é😀ok')).toBe('é😀ok');
    expect(printable(`${'x'.repeat(9)}😀y`, 10)).toBe(`${'x'.repeat(9)}… (3 more characters)`);
  });
});

describe('#17.10 an interrupted write leaves no temporary file', () => {
  const child = fileURLToPath(new URL('./interruptedWrite.child.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../bin/run-ts.mjs', import.meta.url));

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while an output file is being written: the temporary file is removed, exit ${code}`, async () => {
      const io = recordingIO();
      const proc = spawn(process.execPath, ['--expose-gc', tsx, child, io.cwd], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
      // listened to from the start, so a child that ends early is reported, not waited for
      let ended: string | undefined;
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (c, s) => { ended = `exit ${c} (${s})`; resolve(c); }));
      const temps = () => readdirSync(io.cwd).filter((f) => f.endsWith('.tmp'));
      // the child starts through tsx: on a busy machine that can take a while
      const deadline = Date.now() + 100_000;
      while (temps().length === 0) {
        if (ended !== undefined) throw new Error(`the child ended before writing: ${ended}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`the child never started writing\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      proc.kill(signal);
      const waited = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000))]);
      if (waited === 'still running') proc.kill('SIGKILL');
      expect(waited, `the child's exit code; its stderr: ${stderr}`).toBe(code);
      expect(readdirSync(io.cwd)).toEqual([]);
      expect(existsSync(join(io.cwd, 'report.json'))).toBe(false);
    }, 150_000);
  }
});
