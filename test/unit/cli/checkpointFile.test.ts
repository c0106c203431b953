/**
 * The `--checkpoint FILE` of `inspect <source-url>` (src/cli/checkpointFile): written piece by piece
 * and read back as it was; a file that is not there is a first read (its folder must be there); a
 * checkpoint of the same source and domain only — of the module as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoint, writeCheckpoint } from '../../../src/cli/checkpointFile';
import { InputFileError, UsageError, type CliIO } from '../../../src/cli/io';
import { checkpointKept } from '../../../src/sources/checkpointRead';
import { parseSourceUrl } from '../../../src/sources/sourceUrl';
import type { InspectionReport } from '../../../src/logs/types';

const io = (cwd: string): CliIO => ({ out: () => undefined, err: () => undefined, errIsTTY: false, cwd });
const source = parseSourceUrl('kafka://127.0.0.1:9092/payments');
const domain = { id: 'payments', module: './payments.ts', sourceHash: 'sha256:aa' };

describe('--checkpoint FILE', () => {
  it('is written with its members and states, and read back as they were', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    expect(await readCheckpoint('cp.json', io(cwd), source, domain)).toBeUndefined();
    const report = { finalState: { 'payment:pay-1': { captured: 1000, note: 'a "quoted" é' }, 'payment:pay-2': { captured: 0 } } } as unknown as InspectionReport;
    await writeCheckpoint('cp.json', io(cwd), { source: source.display, domain, position: '0:41,1:17', fromStart: true }, checkpointKept(report, ['payment:pay-2']));
    const text = readFileSync(join(cwd, 'cp.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'purestream/checkpoint@1', source: 'kafka://127.0.0.1:9092/payments', domain, position: '0:41,1:17', fromStart: true, unknown: ['payment:pay-2'], streams: 2 });
    expect(await readCheckpoint('cp.json', io(cwd), source, domain)).toEqual({
      source: source.display,
      domain,
      position: '0:41,1:17',
      fromStart: true,
      unknown: ['payment:pay-2'],
      states: [
        ['payment:pay-1', { captured: 1000, note: 'a "quoted" é' }],
        ['payment:pay-2', { captured: 0 }],
      ],
    });
    // no states at all
    await writeCheckpoint('empty.json', io(cwd), { source: source.display, domain, position: '0:0', fromStart: false }, checkpointKept({ finalState: {} } as unknown as InspectionReport, []));
    expect(JSON.parse(readFileSync(join(cwd, 'empty.json'), 'utf8')).states).toEqual({});
  });

  it('a folder that is not there, another domain, the bundled domain for a module: one line each', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    await expect(readCheckpoint('gone/cp.json', io(cwd), source, domain)).rejects.toThrow(new InputFileError('--checkpoint gone/cp.json: folder gone does not exist'));
    await writeCheckpoint('cp.json', io(cwd), { source: source.display, domain, position: '0:1', fromStart: true }, checkpointKept({ finalState: {} } as unknown as InspectionReport, []));
    await expect(readCheckpoint('cp.json', io(cwd), source, { id: 'commerce' })).rejects.toThrow(
      new UsageError('cp.json: domain.id: the checkpoint holds the states of domain "payments", not "commerce" (name another --checkpoint file for this domain)'),
    );
    await expect(readCheckpoint('cp.json', io(cwd), source, { id: 'payments' })).rejects.toThrow(
      new UsageError(
        'cp.json: domain.sourceHash: the checkpoint was written with the module ./payments.ts, not the bundled domain: name another --checkpoint file, or delete cp.json to read again from the start with it (a read without the file begins at --from, start by default)',
      ),
    );
  });

  it("carries each stream's order (position, highest, time) and reads back a file written before it had any (trial A m8)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    const time = { ms: 1796029500000, fraction: '000', leap: false, zoned: true };
    const order = [['order/o-17', { position: '3', highest: '3', time }]] as const;
    await writeCheckpoint('cp.json', io(cwd), { source: source.display, domain, position: '0:5', fromStart: true }, checkpointKept({ finalState: { 'order:o-17': { paid: 1 } } } as unknown as InspectionReport, [], order));
    expect(JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8')).order).toEqual({ 'order/o-17': { position: '3', highest: '3', time: { ms: 1796029500000, fraction: '000' } } });
    expect((await readCheckpoint('cp.json', io(cwd), source, domain))?.order).toEqual(order);
    // a checkpoint written before: no order, read as it was
    await writeCheckpoint('old.json', io(cwd), { source: source.display, domain, position: '0:5', fromStart: true }, checkpointKept({ finalState: {} } as unknown as InspectionReport, []));
    expect(JSON.parse(readFileSync(join(cwd, 'old.json'), 'utf8')).order).toBeUndefined();
    expect((await readCheckpoint('old.json', io(cwd), source, domain))?.order).toBeUndefined();
    // a malformed order names its JSON path
    const bad = JSON.parse(readFileSync(join(cwd, 'cp.json'), 'utf8'));
    bad.order['order/o-17'].time = '2026-11-30T09:05:00Z';
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify(bad));
    await expect(readCheckpoint('bad.json', io(cwd), source, domain)).rejects.toThrow(new InputFileError('bad.json: order."order/o-17".time: expected { ms, fraction } (a number and a string of digits), got "2026-11-30T09:05:00Z"'));
  });
});
