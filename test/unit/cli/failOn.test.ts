// A CI gate on `--fail-on` that cannot fire is refused or noted, and a failing one says why on stderr.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { recordingIO } from './cliHarness';

const sample = new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-failon-'));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const verdicts: [number, string][] = [];
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: tmp, verdict: (code, reason) => void verdicts.push([code, reason]) };
  const code = await main(args, io);
  return { code, out, err, verdicts };
}

/** A log of events only (no command records): an oversold stock. */
const eventsOnly = () => {
  const file = join(tmp, 'events.jsonl');
  const restocked = { seq: 1, id: 'e1', type: 'ItemRestocked', at: 0, data: { sku: 'tee', qty: 1, warehouse: 'main' } };
  const reserved = { seq: 2, id: 'e2', type: 'StockReserved', at: 1, data: { sku: 'tee', qty: 5, warehouse: 'main', orderId: 'o1' } };
  writeFileSync(file, [restocked, reserved].map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
};

describe('--fail-on that can never fire', () => {
  it('violations or drift without --domain: exit 2 with one line saying what is missing, before reading', async () => {
    const r = await cli('inspect', 'missing.jsonl', '--fail-on', 'violations');
    expect(r).toMatchObject({ code: 2, out: '', err: 'purestream inspect: --fail-on violations needs --domain (without a domain no invariant is checked)\n' });
    const both = await cli('inspect', sample, '--fail-on', 'anomalies,violations,drift');
    expect(both.code).toBe(2);
    expect(both.err).toBe('purestream inspect: --fail-on violations,drift needs --domain (without a domain no invariant is checked and no command is decided again)\n');
    expect((await cli('inspect', 'postgres://u@127.0.0.1:1/db?store=emmett', '--fail-on', 'drift')).err).toContain('--fail-on drift needs --domain');
    // anomalies and stale decisions are found without a domain
    expect((await cli('inspect', sample, '--fail-on', 'anomalies,stale')).code).toBe(3);
  });

  it('drift or stale on a log without command records: a note on stderr, the exit code what was found', async () => {
    const file = eventsOnly();
    const drift = await cli('inspect', file, '--domain', 'commerce', '--fail-on', 'drift,stale');
    expect(drift.code).toBe(0);
    expect(drift.err).toBe('note: --fail-on drift,stale cannot fire: the log has no command records\n');
    const violations = await cli('inspect', file, '--domain', 'commerce', '--fail-on', 'violations,drift', '--json');
    expect(violations.code).toBe(3);
    expect(violations.err).toBe('note: --fail-on drift cannot fire: the log has no command records\nfailing: 1 invariant violation (--fail-on violations,drift)\n');
    // a log with command records: no note
    expect((await cli('inspect', sample, '--domain', 'commerce', '--fail-on', 'drift')).err).not.toContain('note:');
  });
});

describe('a failing gate says why (exit 3)', () => {
  it('inspect: one stderr line with the kinds named that fired, after the report; told to the process before it', async () => {
    const r = await cli('inspect', sample, '--domain', 'commerce', '--fail-on', 'violations,anomalies');
    expect(r.code).toBe(3);
    expect(r.err).toBe('failing: 1 invariant violation, 4 anomalies (--fail-on violations,anomalies)\n');
    expect(r.verdicts).toEqual([[3, r.err]]);
    const stale = await cli('inspect', sample, '--fail-on', 'stale', '--json');
    expect(stale.err).toBe('failing: 102 stale decisions (--fail-on stale)\n');
    // nothing fired: no line, no verdict
    const clean = await cli('inspect', eventsOnly(), '--domain', 'commerce', '--fail-on', 'anomalies');
    expect(clean).toMatchObject({ code: 0, err: '', verdicts: [] });
  });

  it('run --fail-on-violation: one stderr line counting the violations and the runs that broke an invariant', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['run', 'flash-sale.json', '--fail-on-violation', '--json'], io)).toBe(3);
    expect(io.stderr).toMatch(/^failing: [\d,]+ invariant violations? in 1 run of \d+ \(--fail-on-violation\)\n$/);
    const serial = recordingIO(['flash-sale.json']);
    expect(await main(['run', 'flash-sale.json', '--fail-on-violation', '--run', 'one queue'], serial)).toBe(0);
    expect(serial.stderr).toBe('');
  });
});
