import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const fixtures = new URL('../../fixtures/logs/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-inspect-'));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: process.cwd() };
  const code = await main(['inspect', ...args], io);
  return { code, out, err };
}

const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('purestream inspect', () => {
  it('refuses a log with bad records: exit 1, <file>:<line>: <what>, nothing imported', async () => {
    const file = join(fixtures, 'anomalies.jsonl');
    const r = await cli(file, '--domain', 'commerce');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n').slice(0, 3)).toEqual([
      `${file}:3: malformed: not JSON: Unexpected token 'h', "this is not json" is not valid JSON`,
      `${file}:4: unknown-type: unknown event type "ItemTeleported" for domain commerce`,
      `${file}:5: invalid-data: data.qty: expected an integer >= 1, got 0`,
    ]);
    expect(r.err).toContain('nothing imported');
  });

  it('with --skip-invalid replays the valid records and reports the rest (exit 0)', async () => {
    const r = await cli(join(fixtures, 'anomalies.jsonl'), '--domain', 'commerce', '--skip-invalid', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['format', 'domain', 'source', 'events', 'commands', 'types', 'anomalies', 'violations', 'drift', 'stateHash', 'finalState']);
    expect(report).toMatchObject({ format: 'purestream/inspection@1', domain: 'commerce', source: 'anomalies.jsonl', events: 5, commands: 0 });
    expect(report.anomalies).toHaveLength(8);
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli(join(fixtures, 'anomalies.jsonl'), '--domain', 'commerce', '--skip-invalid');
    expect(r.out).toContain('anomalies.jsonl — commerce: 5 events, 0 commands');
    expect(r.out).toContain('line 7  gap  seq 2..4 are missing');
    expect(r.out).toMatch(/stateHash [0-9a-f]{64}/);
  });

  it('reads CloudEvents from another producer with --type-map', async () => {
    const map = join(fixtures, 'acme-type-map.json');
    for (const name of ['acme-orders.ndjson', 'acme-orders-batch.json']) {
      const r = await cli(join(fixtures, name), '--domain', 'commerce', '--type-map', map, '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).types).toEqual({ ItemRestocked: 1, OrderPlaced: 1, StockReserved: 1, OrderShipped: 1 });
    }
    expect((await cli(join(fixtures, 'acme-orders.ndjson'), '--domain', 'commerce')).code).toBe(1);
  });

  it('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('x.jsonl')).err).toContain('--domain is required');
    expect((await cli('x.jsonl', '--domain', 'nope')).err).toContain('unknown domain "nope"');
    expect((await cli('x.jsonl', '--domain', 'commerce', '--format', 'xml')).code).toBe(2);
    expect((await cli('x.jsonl', '--domain', 'commerce', '--bogus')).code).toBe(2);
  });

  it('unreadable files and bad type maps exit 1 naming the file', async () => {
    const missing = join(tmp, 'missing.jsonl');
    expect(await cli(missing, '--domain', 'commerce')).toMatchObject({ code: 1, err: `${missing}: cannot read the file: no such file\n` });
    const log = join(fixtures, 'acme-orders.ndjson');
    const notJson = write('bad-map.json', '{');
    expect((await cli(log, '--domain', 'commerce', '--type-map', notJson)).err).toContain(`${notJson}: not JSON`);
    const wrongType = write('wrong-map.json', '{"a.b":"OrderTeleported"}');
    const r = await cli(log, '--domain', 'commerce', '--type-map', wrongType);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"a.b": "OrderTeleported" is not an event type of commerce');
  });

  it('an empty file is a clean, empty inspection', async () => {
    const r = await cli(write('empty.jsonl', ''), '--domain', 'commerce', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ events: 0, anomalies: [], finalState: {} });
  });
});
