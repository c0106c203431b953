/**
 * What `inspect` says of a log it refuses (cli-and-reports.md: "listing up to 20 problems as
 * `<file>:<line>: <what>`"): each kind and message once, at the line of its first record, with how
 * many records have it and their other lines — as --skip-invalid groups the anomalies — and the
 * notes on a log that names another domain than the one chosen, which explain the problems.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from './cliHarness';

const tmp = mkdtempSync(join(tmpdir(), 'purestream-refused-'));
const exported = 'samples/logs/flash-sale-oversell.cloudevents.json';

const cli = (...args: string[]) => runCli(['inspect', ...args]);

const write = (name: string, records: readonly object[]) => {
  const file = join(tmp, name);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
};
const restock = (seq: number, stream: string, type = 'ItemRestocked') => ({ seq, id: `e${seq}`, type, at: seq, stream, data: { sku: 'tee', qty: 5, warehouse: 'main' } });

describe('inspect refusing a log', () => {
  it('lists each kind and message once, at its first line, with how many records and their other lines; the same groups as --skip-invalid', async () => {
    const r = await cli(exported, '--domain', 'profiles');
    expect(r.code).toBe(1);
    const unknown = (line: number, type: string, more = '') => `${exported}:${line}: unknown-type: unknown event type "purestream.commerce.${type}" for domain profiles${more}`;
    expect(r.err.split('\n').slice(1)).toEqual([
      `${exported}:2: unknown-type: unknown command type "RestockItem" for domain profiles`,
      unknown(3, 'ItemRestocked'),
      unknown(9, 'OrderPlaced', ' (104 records; also lines 12, 15, 18, 21, 24, 27, 30, 33, …)'),
      unknown(10, 'StockReserved', ' (103 records; also lines 13, 16, 19, 22, 25, 28, 31, 34, …)'),
      unknown(409, 'OrderCancelled'),
      unknown(410, 'StockReleased'),
      unknown(412, 'OrderShipped'),
      `${exported}: the log was not inspected: 212 of its 411 records cannot be read (use --skip-invalid to replay the other 199 records and report those 212 as anomalies — what the app does when it opens the log)`,
      '',
    ]);
    const skipped = await cli(exported, '--domain', 'profiles', '--skip-invalid');
    expect(skipped.out).toContain('    lines 9, 12, 15, 18, 21, 24, 27, 30, …  unknown-type  unknown event type "purestream.commerce.OrderPlaced" for domain profiles (104 records)\n');
  });

  it('lists at most 20 groups, then how many problems are left unsaid; without a domain named, an unknown type keeps the advice to rename it', async () => {
    // 25 types the domain does not know, each on two lines: 20 groups (40 records) listed, 10 problems left
    const file = write('many.jsonl', Array.from({ length: 50 }, (_, i) => restock(i + 1, 'stock:tee@main', `Teleported${i % 25}`)));
    const r = await cli(file, '--domain', 'commerce');
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines.length).toBe(23);
    expect(lines[0]).toBe(`${file}:1: unknown-type: unknown event type "Teleported0" for domain commerce (a map's "types" can rename it) (2 records; also line 26)`);
    expect(lines[19]).toBe(`${file}:20: unknown-type: unknown event type "Teleported19" for domain commerce (a map's "types" can rename it) (2 records; also line 45)`);
    expect(lines.slice(20)).toEqual(['... and 10 more problems', `${file}: the log was not inspected: none of its 50 records can be read (--skip-invalid reports them as anomalies, as the app does when it opens the log)`, '']);
  });

  it('a log naming another domain: the note says it was read (not replayed) with the chosen one, and no unknown type advises a rename', async () => {
    const file = write('profiles.jsonl', [{ format: 'purestream/events@1', domain: 'profiles' }, { seq: 1, id: 'e1', type: 'ProfileAdded', at: 0, data: {} }, { seq: 2, id: 'e2', type: 'ProfileAdded', at: 0, data: {} }]);
    const refused = await cli(file, '--domain', 'commerce');
    expect(refused.err).toBe(
      `${file}: note: the log's header names domain "profiles"; it was read with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead\n` +
        `${file}:2: unknown-type: unknown event type "ProfileAdded" for domain commerce (2 records; also line 3)\n` +
        `${file}: the log was not inspected: 2 of its 3 records cannot be read (use --skip-invalid to replay the other 1 record and report those 2 as anomalies — what the app does when it opens the log)\n`,
    );
    const skipped = await cli(file, '--domain', 'commerce', '--skip-invalid');
    expect(skipped.out).toContain('\n  note: the log\'s header names domain "profiles"; it was replayed with domain "commerce", as chosen;');
    expect(skipped.out).toContain('\n    lines 2, 3  unknown-type  unknown event type "ProfileAdded" for domain commerce (2 records)\n');
    expect(skipped.out).not.toContain('can rename');
    const json = JSON.parse((await cli(file, '--domain', 'commerce', '--skip-invalid', '--json')).out) as { anomalies: { message: string }[] };
    expect(json.anomalies.map((a) => a.message)).toEqual(['unknown event type "ProfileAdded" for domain commerce', 'unknown event type "ProfileAdded" for domain commerce']);
  });

  it("a log naming another domain whose streams are not the chosen domain's: that note alone, no second one on the streams", async () => {
    const records = [restock(1, 'stock-tee-main'), restock(2, 'stock-tee-main')];
    const named = await cli(write('shop.jsonl', [{ format: 'purestream/events@1', domain: 'shop' }, ...records]), '--domain', 'commerce');
    expect(named.code).toBe(0);
    expect(named.out.split('\n').filter((l) => l.startsWith('  note: '))).toEqual(['  note: the log\'s header names domain "shop"; it was replayed with domain "commerce", as chosen']);
    // no domain named: the streams are the domain's own business, and the note says so
    const bare = await cli(write('bare.jsonl', records), '--domain', 'commerce');
    expect(bare.out).toContain('\n  note: the domain files events under its own streams (its streamOf), and every event the log files under another: stream "stock-tee-main" (line 1) is "stock:tee@main" to the domain;');
  });
});
