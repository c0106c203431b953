import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { cli as runCli } from './cliHarness';

const fixtures = new URL('../../fixtures/logs/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-inspect-'));

const cli = (...args: string[]) => runCli(['inspect', ...args]);

const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('purestream inspect', () => {
  it('reads a log and a map named relative to the command\'s folder, and names them as typed', async () => {
    let out = '';
    let err = '';
    const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: fixtures };
    expect(await main(['inspect', 'acme-orders.ndjson', '--type-map', 'acme-type-map.json', '--json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ source: 'acme-orders.ndjson' });
    expect(await main(['inspect', 'missing.jsonl'], io)).toBe(1);
    expect(err).toBe('missing.jsonl: cannot read the file: no such file\n');
  });

  it('refuses a log with bad records: exit 1, <file>:<line>: <what>, the log not inspected', async () => {
    const file = join(fixtures, 'anomalies.jsonl');
    const r = await cli(file, '--domain', 'commerce');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n').slice(0, 3)).toEqual([
      `${file}:3: malformed: not JSON: Unexpected token 'h', "this is not json" is not valid JSON`,
      `${file}:4: unknown-type: unknown event type "ItemTeleported" for domain commerce (a map's "types" can rename it)`,
      `${file}:5: invalid-data: data.qty: expected an integer >= 1, got 0`,
    ]);
    // how many there are, and that the app reads past them (it never refuses a log)
    expect(r.err).toContain(`${file}: the log was not inspected: 3 of its 10 records cannot be read (use --skip-invalid to replay the other 7 records and report those 3 as anomalies — what the app does when it opens the log)\n`);
    expect(r.err).not.toContain('imported');
  });

  it("another system's records without a type field the profiles know: the advice names a map first", async () => {
    const file = write('other.jsonl', '{"evt":"signed-up","user":"u1","when":"2026-01-01T00:00:00Z"}\n{"evt":"logged-in","user":"u1","when":"2026-01-01T00:01:00Z"}\n');
    const r = await cli(file);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:1: unmapped: `));
    expect(r.err).toContain(`${file}: the log was not inspected: none of its 2 records can be read (a map (--map FILE, logs.md "Map file") can name the field that holds the event type; or --skip-invalid`);
  });

  it("a record that is not JSON is placed by the file's line and the column in it, never JSON.parse's own \"line 1\"", async () => {
    const file = write('ctrl.jsonl', '{"id":"e-1","type":"Ticked"}\n{"id":"e-2","type":"Tick\ted"}\n');
    const r = await cli(file);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${file}:2: malformed: not JSON: Bad control character in string literal at column 25`);
    // a pretty-printed record: the physical line of the problem, after the line the record starts on
    const pretty = write('pretty.json', '{\n  "id": "e-1",\n  "type": "Ticked"\n}\n{\n  "id": "e-2",\n  "type": "Ticked",\n}\n');
    const p = await cli(pretty);
    expect(p.err.split('\n')[0]).toBe(`${pretty}:5: malformed: not JSON: Expected double-quoted property name on line 8, column 1`);
  });

  it('with --skip-invalid replays the valid records and reports the rest (exit 0), with the facts of logs.md', async () => {
    const r = await cli(join(fixtures, 'anomalies.jsonl'), '--domain', 'commerce', '--skip-invalid', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual([
      'format', 'domain', 'source', 'framing', 'profile', 'fieldsUsed', 'events', 'commands', 'types', 'sources', 'streamCount', 'streams', 'timeRange', 'causation', 'schemas',
      // eventsChecked (an extension): the events the domain read, fewer than `events` when some were skipped
      'tombstones', 'systemEvents', 'otherRecords', 'anomalies', 'violations', 'eventsChecked', 'drift', 'stateHash', 'finalState',
    ]);
    expect(report).toMatchObject({ format: 'purestream/inspection@1', domain: 'commerce', source: 'anomalies.jsonl', framing: 'lines', profile: 'purestream', events: 8, commands: 0 });
    expect(report.anomalies).toHaveLength(7);
    expect(report.fieldsUsed).toMatchObject({ globalPosition: '/seq', type: '/type' });
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli(join(fixtures, 'anomalies.jsonl'), '--domain', 'commerce', '--skip-invalid');
    expect(r.out).toContain('anomalies.jsonl — purestream profile, lines, domain commerce: 8 events, 0 commands');
    expect(r.out).toContain('line 9  gap  seq 6..7 are missing');
    expect(r.out).toMatch(/stateHash [0-9a-f]{64}/);
  });

  it('reads any log without a domain: the facts every log has', async () => {
    const r = await cli(join(fixtures, 'profiles/kafka-kcat.jsonl'), '--json');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    // line 8 is line 4 read again (a redelivery): counted once
    expect(report).toMatchObject({ domain: null, profile: 'kafka', events: 7, tombstones: 1, violations: [], drift: [] });
    expect(report.stateHash).toBeUndefined();
    // five types come from ce_type headers, three from the payloads (two of them on records read again for their 17-digit offsets, counted once): both are named
    expect(report.fieldsUsed.type).toBe('/headers/ce_type');
    expect(report.fieldPointers.type).toEqual([{ pointer: '/headers/ce_type', records: 5 }, { pointer: '/payload/type', records: 3 }]);
    const text = await cli(join(fixtures, 'profiles/kafka-kcat.jsonl'));
    expect(text.out).toContain('kafka-kcat.jsonl — kafka profile, lines, no domain: 7 events, 0 commands (and 1 tombstone, 1 redelivery)\n');
    expect(text.out).toContain('  type read from /headers/ce_type (5 records), /payload/type (3 records)\n');
    expect(text.out).not.toContain('invariant');
  });

  it('reads CloudEvents from another producer with a --type-map or a --map', async () => {
    for (const flag of ['--type-map', '--map'])
      for (const name of ['acme-orders.ndjson', 'acme-orders-batch.json']) {
        const r = await cli(join(fixtures, name), '--domain', 'commerce', flag, join(fixtures, 'acme-type-map.json'), '--json');
        expect(r.code, r.err).toBe(0);
        expect(JSON.parse(r.out).finalState).toMatchObject({ 'order:A-17': { status: 'shipped' } });
      }
    expect((await cli(join(fixtures, 'acme-orders.ndjson'), '--domain', 'commerce')).code).toBe(1);
  });

  it('a map file names pointers for a log of any shape; its problems name their JSON path', async () => {
    const log = write('audit.jsonl', '{"what":"Opened","acct":"a-1"}\n{"what":"Closed","acct":"a-1"}\n');
    expect((await cli(log)).code).toBe(1);
    const map = write('map.json', '\ufeff' + JSON.stringify({ format: 'purestream/map@1', fields: { type: '/what', stream: '/acct', id: null } }));
    const r = await cli(log, '--map', map, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ events: 2, types: { Opened: 1, Closed: 1 }, streams: [{ stream: 'a-1', events: 2 }], fieldsUsed: { type: '/what', stream: '/acct', id: null } });
    const bad = write('bad.json', JSON.stringify({ format: 'purestream/map@1', fields: { type: 'what', kind: '/x' }, types: { constructor: '' } }));
    const refused = await cli(log, '--map', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${bad}: fields.type: "what" is not a JSON Pointer: it must be "" or start with "/"`);
    expect(refused.err).toContain(`${bad}: fields.kind: not a common field`);
    expect(refused.err).toContain(`${bad}: types."constructor": expected an event type name, got ""`);
  });

  it("a map's fields override the detected profile: acme-orders.ndjson with type from /source reads the sources as types; /nope reads nothing", async () => {
    const log = join(fixtures, 'acme-orders.ndjson');
    const map = write('type-from-source.json', '{"format":"purestream/map@1","fields":{"type":"/source"}}');
    const r = await cli(log, '--map', map);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('cloudevents profile');
    expect(r.out).toContain(', type /source,');
    expect(r.out).toContain('  types (2): https://shop.acme.example/inventory 2, https://shop.acme.example/orders 2\n');
    const nope = await cli(log, '--map', write('type-from-nope.json', '{"format":"purestream/map@1","fields":{"type":"/nope"}}'));
    expect(nope.code).toBe(1);
    expect(nope.err.split('\n')[0]).toBe(`${log}:1: unmapped: no event type under the cloudevents profile (tried the map's /nope) (4 records; also lines 2, 3, 4)`);
  });

  it("a log whose header names a domain read without one: the text report says how to replay it, --json leaves the hint out, a chosen domain needs none", async () => {
    const file = join(fixtures, 'anomalies.jsonl');
    const text = await cli(file, '--skip-invalid');
    expect(text.code).toBe(0);
    expect(text.out).toContain('no domain: 8 events');
    // right after the headline: every record may be an anomaly for want of the domain
    expect(text.out.split('\n')[1]).toBe('  the log\'s header names domain "commerce": add --domain commerce to replay it');
    const json = await cli(file, '--skip-invalid', '--json');
    expect(JSON.parse(json.out).headerDomain).toBeUndefined();
    expect(json.out).not.toContain('header names');
    expect((await cli(file, '--skip-invalid', '--domain', 'commerce')).out).not.toContain('header names');
    const other = write('other-domain.jsonl', '{"format":"purestream/events@1","domain":"bank"}\n{"seq":1,"id":"e1","type":"Opened","at":0,"data":{}}\n');
    expect((await cli(other)).out).toContain('\n  the log\'s header names domain "bank", which is not bundled: --domain FILE (its domain module) replays it\n');
  });

  it('a log whose header names another domain than the one chosen is replayed with it; refused for its records, the note says first what the header names and which domain to replay it with', async () => {
    const file = write('profiles.jsonl', '{"format":"purestream/events@1","domain":"profiles"}\n{"seq":1,"id":"e1","type":"ProfileAdded","at":0,"data":{}}\n');
    const r = await cli(file, '--domain', 'commerce');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${file}: note: the log's header names domain "profiles"; it was read with domain "commerce", as chosen; "commerce" does not know some of its types: replay it with domain "profiles" instead`,
      `${file}:2: unknown-type: unknown event type "ProfileAdded" for domain commerce`,
      `${file}: the log was not inspected: 1 of its 2 records cannot be read (use --skip-invalid to replay the other 1 record and report it as an anomaly — what the app does when it opens the log)`,
      '',
    ]);
  });

  it('CloudEvents a purestream export wrote, read with another domain: the note on their source comes before the problems listed; without a domain the report says how to replay them, right after its headline', async () => {
    const exported = 'samples/logs/flash-sale-oversell.cloudevents.json';
    const wrong = await cli(exported, '--domain', 'profiles');
    expect(wrong.code).toBe(1);
    const lines = wrong.err.split('\n');
    expect(lines[0]).toBe(
      `${exported}: note: the log's CloudEvents source "/purestream/commerce" names domain "commerce"; it was read with domain "profiles", as chosen; "profiles" does not know some of its types: replay it with domain "commerce" instead`,
    );
    expect(lines.slice(1, -2).every((l) => l.includes(': unknown-type: '))).toBe(true);
    const bare = await cli(exported);
    expect(bare.code).toBe(0);
    expect(bare.out.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^flash-sale-oversell\.cloudevents\.json — cloudevents profile, .*, no domain: /),
      '  the log\'s CloudEvents source "/purestream/commerce" names domain "commerce": add --domain commerce to replay it',
    ]);
    expect((await cli(exported, '--json')).out).not.toContain('sourceDomain');
  });

  it('the reason nothing was read never nests brackets: an unclosed record', async () => {
    const file = write('broken.json', '{"id":"e1","type":"Placed"\n');
    const r = await cli(file, '--skip-invalid');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`0 events read from ${file}: 1 record malformed, on line 1: the record starting on line 1 is not complete at the end of the file (a missing "}" or "]"); check the framing (--framing) or the file\n`);
  });

  it('nothing read is exit 1, even with --skip-invalid, with the main reason', async () => {
    const notLogs = write('not-a-log.jsonl', 'hello\nworld\n');
    const r = await cli(notLogs, '--skip-invalid');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`0 events read from ${notLogs}: 2 records malformed, the first on line 1: not JSON: Unexpected token 'h', "hello" is not valid JSON; check the framing (--framing) or the file\n`);
    const scenario = new URL('../../../samples/scenarios/flash-sale.json', import.meta.url).pathname;
    expect((await cli(scenario, '--skip-invalid')).err).toContain('this is a Purestream scenario, not an event log');
    expect((await cli(write('empty.jsonl', ''), '--domain', 'commerce')).err).toContain('the file holds no records');
  });

  it('--fail-on anomalies|violations|drift exits 3 when the log has them', async () => {
    const sample = new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url).pathname;
    expect((await cli(sample, '--domain', 'commerce')).code).toBe(0);
    expect((await cli(sample, '--domain', 'commerce', '--fail-on', 'violations')).code).toBe(3);
    expect((await cli(sample, '--domain', 'commerce', '--fail-on', 'drift,anomalies')).code).toBe(3);
    const clean = write('clean.jsonl', '{"seq":1,"id":"e1","type":"ItemRestocked","at":0,"data":{"sku":"a","qty":1,"warehouse":"w"}}\n');
    expect((await cli(clean, '--domain', 'commerce', '--fail-on', 'anomalies,violations,drift')).code).toBe(0);
    expect((await cli(clean, '--fail-on', 'bugs')).code).toBe(2);
  });

  it('--fail-on stale exits 3 when a command decided on a state another decision changed before its events, 0 when none did', async () => {
    const sample = new URL('../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url).pathname;
    // the bundled sample's eight workers: 102 stale decisions, found with or without a domain
    expect((await cli(sample, '--domain', 'commerce', '--fail-on', 'stale')).code).toBe(3);
    expect((await cli(sample, '--fail-on', 'stale', '--json')).code).toBe(3);
    expect((await cli(sample, '--domain', 'commerce', '--fail-on', 'violations,stale')).code).toBe(3);
    // one command after another, each recorded where the last one's events left the state: none stale
    const command = (id: string, orderId: string) => ({ kind: 'command', id, type: 'PlaceOrder', at: 0, data: { orderId, customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' } });
    const placed = (id: string, orderId: string, seq: number) => [
      { seq, id: `${id}.1`, type: 'OrderPlaced', at: seq, stream: `order:${orderId}`, causationId: id, data: { orderId, customerId: 'u', sku: 'tee', qty: 1, warehouse: 'main' } },
      { seq: seq + 1, id: `${id}.2`, type: 'StockReserved', at: seq, stream: 'stock:tee@main', causationId: id, data: { sku: 'tee', warehouse: 'main', qty: 1, orderId } },
    ];
    const fresh = [
      { seq: 1, id: 'e1', type: 'ItemRestocked', at: 0, stream: 'stock:tee@main', data: { sku: 'tee', qty: 5, warehouse: 'main' } },
      command('c1', 'o-1'), ...placed('c1', 'o-1', 2), command('c2', 'o-2'), ...placed('c2', 'o-2', 4),
    ];
    const file = write('fresh.jsonl', fresh.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const json = await cli(file, '--domain', 'commerce', '--fail-on', 'anomalies,violations,drift,stale', '--json');
    expect(JSON.parse(json.out).staleDecisions).toEqual({ count: 0, first: [] });
    expect(json.code).toBe(0);
    // the same log with c2 recorded before c1's events: c2 read a stock that changed before its own
    const stale = [fresh[0], command('c1', 'o-1'), command('c2', 'o-2'), ...placed('c1', 'o-1', 2), ...placed('c2', 'o-2', 4)];
    expect((await cli(write('stale.jsonl', stale.map((r) => JSON.stringify(r)).join('\n') + '\n'), '--domain', 'commerce', '--fail-on', 'stale')).code).toBe(3);
    const usage = await cli(file, '--fail-on', 'stale,bugs');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--fail-on takes anomalies, violations, drift, stale (comma-separated), got "bugs"');
  });

  it('one global position far ahead is one out-of-order, not one per later record', async () => {
    const globals = [1, 2, 3, 900000, ...Array.from({ length: 200 }, (_, i) => i + 4)];
    const rows = globals.map((g) => JSON.stringify({ global_position: g, position: 0, time: '2026-11-29T22:09:47.1', stream_name: `account-${g}`, type: 'Deposited', data: {}, metadata: null, id: `m${g}` }));
    const r = await cli(write('jump.jsonl', rows.join('\n') + '\n'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).anomalies).toEqual([{ kind: 'out-of-order', line: 5, record: 5, message: 'global position 4 after global position 900000', stream: 'account-4', position: '4', streamPosition: '0', globalPosition: '4' }]);
  });

  it('escapes control characters from the log in what it prints', async () => {
    const log = write('esc.jsonl', JSON.stringify({ id: 'x', type: '\u001b[2JEvil', stream: '\u001b]0;title\u0007s' }) + '\n');
    const r = await cli(log);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/\u001b/);
    expect(r.out).toContain('\\u001b[2JEvil');
  });

  it('escapes C1 controls in --json too (the same JSON value), with and without a domain', async () => {
    const log = write('c1.jsonl', JSON.stringify({ id: 'e1', type: 'Evil\u009b2J\u009b31mRed', stream: 's', data: {} }) + '\n');
    for (const args of [[log, '--json'], [log, '--json', '--domain', 'commerce', '--skip-invalid']]) {
      const r = await cli(...args);
      expect(r.out).not.toMatch(/[\u007f-\u009f]/);
      expect(r.out).toContain('Evil\\u009b2J');
      expect(JSON.stringify(JSON.parse(r.out))).toContain('Evil\u009b2J');
    }
  });

  it('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('x.jsonl', '--domain', 'nope')).err).toContain('unknown domain "nope"');
    expect((await cli('x.jsonl', '--format', 'xml')).code).toBe(2);
    expect((await cli('x.jsonl', '--profile', 'oracle')).code).toBe(2);
    expect((await cli('x.jsonl', '--framing', 'csv')).code).toBe(2);
    expect((await cli('x.jsonl', '--bogus')).code).toBe(2);
  });

  it('unreadable files and bad type maps exit 1 naming the file', async () => {
    const missing = join(tmp, 'missing.jsonl');
    expect(await cli(missing, '--domain', 'commerce')).toMatchObject({ code: 1, err: `${missing}: cannot read the file: no such file\n` });
    const log = join(fixtures, 'acme-orders.ndjson');
    const notJson = write('bad-map.json', '{');
    expect((await cli(log, '--domain', 'commerce', '--type-map', notJson)).err).toContain(`${notJson}: not JSON`);
    const wrongType = write('wrong-map.json', '{"a.b":"OrderTeleported","c":"constructor"}');
    const r = await cli(log, '--domain', 'commerce', '--type-map', wrongType);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${wrongType}: "a.b": "OrderTeleported" is not an event type of commerce\n`);
    expect(r.err).toContain(`${wrongType}: "c": "constructor" is not an event type of commerce\n`);
    // the domain's types once, not in each problem
    expect(r.err.match(/OrderPlaced/g)).toHaveLength(1);
    expect(r.err).toContain(`${wrongType}: commerce's event types: `);
  });

  it('a map without "format" is named as such, not read as a type map whose "types" is a bad type name', async () => {
    const log = join(fixtures, 'acme-orders.ndjson');
    const map = write('no-format-map.json', '{"types":{"com.acme.order.placed":"OrderPlaced"}}');
    const r = await cli(log, '--domain', 'commerce', '--map', map);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toBe(`${map}: format: is missing: a map (with "types") needs "format": "purestream/map@1"; or give a type map as a plain object { "theirs": "ours" }\n`);
    // the same types as a plain type map, or with the format, are read
    const plain = write('plain-map.json', '{"com.acme.order.placed":"OrderPlaced"}');
    const withFormat = write('map.json', '{"format":"purestream/map@1","types":{"com.acme.order.placed":"OrderPlaced"}}');
    for (const m of [plain, withFormat]) expect((await cli(log, '--domain', 'commerce', '--map', m, '--skip-invalid')).err).not.toContain(m);
  });
});
