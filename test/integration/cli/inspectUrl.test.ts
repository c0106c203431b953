import { describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { spawnSync } from 'node:child_process';
import { freshDatabase, natsForTests, needsServer, requireServer, sql, topicWith, uniqueName } from '../servers';
import { PASSWORD_ROLE } from '../servers/postgres';
import { NATS_USER } from '../servers/nats';
import { seedEmmett } from '../seed/emmett';
import { installMessageDb, writeMessages } from '../seed/messageDb';
import { appendMartenEvents, createMartenSchema } from '../seed/marten';
import { readSource } from '../sources/read';
import { cli, cliProcess, processEnv } from './cli';


/** `url` with a user and password in it. */
const withUser = (url: string, user: string, password: string) => url.replace('://postgres@', `://${user}:${password}@`);

describe('purestream inspect <postgres URL>', () => {
  needsServer('postgres');

  it('reads a store like a file: the report, and the last position on stderr to resume from', async () => {
    const url = await freshDatabase('cli_mdb');
    await installMessageDb(url);
    await writeMessages(url, [
      { id: '7f8e0c4e-0000-4000-8000-000000000001', streamName: 'account-1', type: 'Deposited', data: { amount: 10 } },
      { id: '7f8e0c4e-0000-4000-8000-000000000002', streamName: 'account-1', type: 'Withdrawn', data: { amount: 3 } },
    ]);
    // on a terminal, progress on stderr (redrawn in place), the URL as shown
    const tty = await cli(['inspect', `${url}?store=message-db`, '--batch', '1'], { errIsTTY: true });
    expect(tty.err).toContain(`\r\x1b[Kreading ${url}?store=message-db: 2 records, position 2`);
    expect(tty.err.endsWith('\r\x1b[Klast position read: 2 (resume with --from 2)\n')).toBe(true);
    const first = await cli(['inspect', `${url}?store=message-db`, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ source: `${url}?store=message-db`, profile: 'message-db', framing: 'rows', events: 2 });
    expect(first.err).toBe('last position read: 2 (resume with --from 2)\n');
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000003', streamName: 'account-2', type: 'Deposited', data: { amount: 1 } }]);
    const next = await cli(['inspect', `${url}?store=message-db`, '--from', '2']);
    expect(next.code).toBe(0);
    expect(next.out).toContain('1 event, 0 commands');
    expect(next.err).toBe('last position read: 3 (resume with --from 3)\n');
  });

  it('--from past the store\'s last position: nothing reported as read, the position asked for given to resume from', async () => {
    const url = await freshDatabase('cli_past');
    await installMessageDb(url);
    await writeMessages(url, [{ id: '7f8e0c4e-0000-4000-8000-000000000011', streamName: 'account-1', type: 'Deposited', data: { amount: 1 } }]);
    const r = await cli(['inspect', `${url}?store=message-db`, '--from', '99']);
    expect([r.code, r.out, r.err]).toEqual([1, '', `0 events read from ${url}?store=message-db: nothing after position 99 (the store's last position is 1)\nno position read (resume with --from 99, the position asked for)\n`]);
  });

  it('bad input is one line naming the URL, the password hidden, exit 1: unreachable host, wrong password, missing table, a store of another kind', async () => {
    const url = await freshDatabase('cli_bad');
    await createMartenSchema(url);
    await sql(url, `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PASSWORD_ROLE}') THEN CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD 'right-one'; END IF; END $$`);
    const port = new URL(url).port;
    const cases: [string, string][] = [
      [`postgres://postgres:s3cret@127.0.0.1:1/x?store=emmett`, 'postgres://postgres:***@127.0.0.1:1/x?store=emmett: cannot connect: connection refused (is PostgreSQL running there?)'],
      [`${withUser(url, PASSWORD_ROLE, 'wrong-one')}?store=marten`, `${withUser(url, PASSWORD_ROLE, '***')}?store=marten: cannot connect: authentication failed for user "${PASSWORD_ROLE}" (password authentication failed for user "${PASSWORD_ROLE}")`],
      // a role that needs a password, and a URL without one (node-postgres's SASL says "client password must be a string")
      [`${url.replace('://postgres@', `://${PASSWORD_ROLE}@`)}?store=marten`, `${url.replace('://postgres@', `://${PASSWORD_ROLE}@`)}?store=marten: cannot connect: the server asks for a password for user "${PASSWORD_ROLE}"; the URL has none (postgres://${PASSWORD_ROLE}:PASSWORD@127.0.0.1:${port}/…)`],
      [`${withUser(url, 'postgres', 'hunter2')}?store=emmett`, `${withUser(url, 'postgres', '***')}?store=emmett: no emt_messages table in schema public: this database holds Marten's mt_events (public.mt_events), use store=marten`],
      [`postgres://postgres@127.0.0.1:${port}/postgres?store=message-db`, `postgres://postgres@127.0.0.1:${port}/postgres?store=message-db: no messages table in schema message_store: is this Message DB's database? (schema= names another schema)`],
    ];
    for (const [source, line] of cases) {
      const r = await cli(['inspect', source]);
      expect([r.code, r.out, r.err]).toEqual([1, '', `${line}\n`]);
    }
  });

  it('a user who may not read the store table is told so, with the grant, not that the table is missing', async () => {
    const url = await freshDatabase('cli_grant');
    await seedEmmett(url, [{ streamName: 'shopping_cart-c-1', messages: [{ type: 'ItemAdded', data: { cartId: 'c-1' } }] }]);
    await sql(url, `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'no_grants') THEN CREATE ROLE no_grants LOGIN; END IF; END $$`);
    const source = `${url.replace('://postgres@', '://no_grants@')}?store=emmett`;
    const r = await cli(['inspect', source]);
    expect([r.code, r.out, r.err]).toEqual([1, '', `${source}: the user "no_grants" may not read public.emt_messages: grant it (GRANT SELECT ON "public"."emt_messages" TO "no_grants") or use another user\n`]);
    await sql(url, 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO no_grants');
    const granted = await cli(['inspect', source, '--json']);
    expect(granted.code).toBe(0);
    expect(JSON.parse(granted.out)).toMatchObject({ events: 1 });
  });

  it('stream= naming no stream of the store: said so, with the similar names (the store names streams in full)', async () => {
    const url = await freshDatabase('cli_nostream');
    await seedEmmett(url, [
      { streamName: 'shopping_cart-c-2', messages: [{ type: 'ItemAdded', data: { cartId: 'c-2' } }] },
      { streamName: 'shopping_cart-c-21', messages: [{ type: 'ItemAdded', data: { cartId: 'c-21' } }] },
      { streamName: 'shopping_cart-c-1', messages: [{ type: 'ItemAdded', data: { cartId: 'c-1' } }] },
    ]);
    const source = `${url}?store=emmett&stream=c-2`;
    const r = await cli(['inspect', source]);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toBe(`0 events read from ${source}: no stream "c-2" in the store (similar: "shopping_cart-c-2", "shopping_cart-c-21"; stream= names a stream in full)\nnothing read after the start (resume with --from start)\n`);
    const none = `${url}?store=emmett&stream=nothing-like-it`;
    expect((await cli(['inspect', none])).err).toMatch(/: no stream "nothing-like-it" in the store\n/);
    // the stream in full is read
    expect((await cli(['inspect', `${url}?store=emmett&stream=shopping_cart-c-2`])).out).toContain('1 event');
  });

  it('names a record by its position in the store (seq_id, not its number in the read), and --json says which position is which', async () => {
    const db = await freshDatabase('cli_place');
    await createMartenSchema(db);
    const stream = 'c3c3c3c3-0000-4000-8000-000000000003';
    const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await sql(db, "SELECT setval('mt_events_sequence', 1168)");
    await appendMartenEvents(db, stream, [{ id: id(1), type: 'order_placed', data: {} }]);
    // the stream's version 2 is missing: a gap in the stream, at the store's seq_id 1170
    await sql(db, "INSERT INTO mt_events (seq_id, id, stream_id, version, data, type) VALUES (nextval('mt_events_sequence'), $1, $2, 3, '{}', 'order_shipped')", [id(2), stream]);
    const text = await cli(['inspect', `${db}?store=marten`]);
    expect(text.out).toContain(`anomalies (1):\n    seq_id 1170  gap  position 2 in stream "${stream}" is missing\n`);
    const json = JSON.parse((await cli(['inspect', `${db}?store=marten`, '--json'])).out);
    expect(json.anomalies).toEqual([{ kind: 'gap', line: 2, record: 2, message: `position 2 in stream "${stream}" is missing`, stream, position: '3', streamPosition: '3', globalPosition: '1170' }]);
  });

  it('sslmode=require: the driver\'s multi-line SECURITY WARNING is folded into the one line of the failure', () => {
    const port = new URL(requireServer('postgres').url).port;
    const url = `postgres://postgres:hunter2@127.0.0.1:${port}/postgres?store=marten&sslmode=require`;
    const r = cliProcess(['inspect', url]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `postgres://postgres:***@127.0.0.1:${port}/postgres?store=marten&sslmode=require: cannot connect: The server does not support SSL connections; note: node-postgres reads sslmode=require as verify-full (TLS required, the server's certificate checked): add uselibpqcompat=true for libpq's meaning of require\n`,
    );
  });

  it('a connection lost mid-read ends with the position reached; a read from it gets the rest', async () => {
    const url = await freshDatabase('cli_lost');
    await seedEmmett(url, [1, 2, 3, 4, 5].map((n) => ({ streamName: `order-${n}`, messages: [{ type: 'OrderPlaced', data: { orderId: `o-${n}` } }] })));
    const cut = await readSource(`${url}?store=emmett`, {
      batch: 2,
      onBatch: async (records) => {
        if (records === 2) await sql(url.replace(/\/[^/]+$/, '/postgres'), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'purestream'");
      },
    });
    expect(cut.lost?.message).toMatch(/^read failed: /);
    expect(cut.rows.map((r) => r.stream_id)).toEqual(['order-1', 'order-2']);
    const rest = await readSource(`${url}?store=emmett`, { from: cut.position });
    expect(rest.rows.map((r) => r.stream_id)).toEqual(['order-3', 'order-4', 'order-5']);

    // the command line says so in one line, with the position to resume from
    const tail = cli(['inspect', `${url}?store=emmett`, '--until', 'live']);
    const admin = url.replace(/\/[^/]+$/, '/postgres');
    const reading = "FROM pg_stat_activity WHERE application_name = 'purestream'";
    while ((await sql(admin, `SELECT pid ${reading}`)).length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 500)); // it has read the five rows and is waiting for more
    await sql(admin, `SELECT pg_terminate_backend(pid) ${reading}`);
    const r = await tail;
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}\\?store=emmett: read failed: .*, after 5 records; last position read: (\\d+):5 \\(resume with --from \\1:5\\)\\n$`));
  });
});

describe('purestream inspect <nats URL>', () => {
  const nats = natsForTests();

  it('--until live prints new anomalies as they are found, and the report and position when interrupted', async () => {
    const stream = uniqueName('live').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
    let stop: (() => void) | undefined;
    let republished = false;
    const run = cli(['inspect', `${requireServer('nats').url}/${stream}`, '--until', 'live'], {
      onInterrupt: (handler) => (stop = handler),
      onOut: (_t, all) => {
        if (all.includes('anomaly:')) stop!();
      },
    });
    // wait until the tail is reading, then the same message again: an identical duplicate
    while (!stop) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    if (!republished) {
      republished = true;
      await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
    }
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^anomaly: sequence 2 {2}duplicate-id {2}stream .*\.a {2}event id "t-1" of source ".*" appeared before \(the same record again: a redelivery\); not replayed again\n/);
    expect(r.out).toContain('jetstream profile, messages, no domain: 1 event, 0 commands (and 1 redelivery)');
    expect(r.err).toBe('last position read: 2 (resume with --from 2)\n');
  });

  it('on a terminal the progress line says what was found so far (here the redelivered message\'s anomaly)', async () => {
    const stream = uniqueName('found').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    for (const id of ['t-1', 't-2', 't-1']) await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id }));
    const url = `${requireServer('nats').url}/${stream}`;
    const tty = await cli(['inspect', url, '--batch', '1'], { errIsTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.err).toContain(`\r\x1b[Kreading ${url}: 2 records, position 2\r`);
    expect(tty.err).toContain(`\r\x1b[Kreading ${url}: 3 records, position 3 (found 1 anomaly)`);
  });

  it('--from end --until live ended by Ctrl-C before anything new came: exit 0, "nothing new", and the position to resume from', async () => {
    const stream = uniqueName('quiet').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    for (const id of ['t-1', 't-2']) await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id }));
    const url = `${requireServer('nats').url}/${stream}`;
    let stop: (() => void) | undefined;
    const run = cli(['inspect', url, '--from', 'end', '--until', 'live'], { onInterrupt: (handler) => (stop = handler) });
    while (!stop) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300)); // tailing, nothing new
    stop();
    const r = await run;
    expect([r.code, r.out, r.err]).toEqual([0, `${url}: nothing new read: no record came after the end (--from end) before the tail was ended (0 events)\n`, 'last position read: 2 (resume with --from 2)\n']);
    // with --json, the (empty) report; the resume line the same
    let stopJson: (() => void) | undefined;
    const json = cli(['inspect', url, '--from', 'end', '--until', 'live', '--json'], { onInterrupt: (handler) => (stopJson = handler) });
    while (!stopJson) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    stopJson();
    const j = await json;
    expect([j.code, JSON.parse(j.out).events, j.err]).toEqual([0, 0, 'last position read: 2 (resume with --from 2)\n']);
    // resuming from there reads what came since
    await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-3' }));
    const next = await cli(['inspect', url, '--from', '2']);
    expect([next.code, next.err]).toEqual([0, 'last position read: 3 (resume with --from 3)\n']);
    expect(next.out).toContain(': 1 event, 0 commands');
    // a read to the head with nothing after --from end is caught up: its report of 0 events, a note, where to resume
    const head = await cli(['inspect', url, '--from', 'end']);
    expect([head.code, head.err]).toEqual([0, 'note: nothing after the end (--from end): the read is caught up (0 events)\nlast position read: 3 (resume with --from 3)\n']);
    expect(head.out).toContain(': 0 events, 0 commands');
  });

  it('--from past the stream\'s last position: nothing is reported as read (exit 1); the resume hint is the position asked for, said so', async () => {
    const stream = uniqueName('past').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    for (const id of ['t-1', 't-2', 't-3']) await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id }));
    const url = `${requireServer('nats').url}/${stream}`;
    const past = await cli(['inspect', url, '--from', '9999']);
    expect([past.code, past.out, past.err]).toEqual([1, '', `0 events read from ${url}: nothing after position 9999 (the stream's last position is 3)\nno position read (resume with --from 9999, the position asked for)\n`]);
    // at the last position: caught up, a normal outcome of an incremental read
    const atLast = await cli(['inspect', url, '--from', '3']);
    expect([atLast.code, atLast.err]).toEqual([0, 'note: nothing after position 3: the read is caught up (0 events)\nlast position read: 3 (resume with --from 3)\n']);
    // a read that gets records reports the last one read, as before
    const some = await cli(['inspect', url, '--from', '1']);
    expect([some.code, some.err]).toEqual([0, 'last position read: 3 (resume with --from 3)\n']);
  });

  it('bad input: a missing stream (the server\'s streams named), wrong credentials, an unreachable server', async () => {
    const { url } = requireServer('nats');
    const missing = await cli(['inspect', `${url}/NO_SUCH_STREAM`]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^nats:\/\/127\.0\.0\.1:\d+\/NO_SUCH_STREAM: no stream NO_SUCH_STREAM on this server \(streams: .*\)\n$/);
    const wrong = await cli(['inspect', url.replace('nats://', `nats://${NATS_USER}:not-the-password@`) + '/ANY']);
    expect(wrong.err).toBe(`${url.replace('nats://', `nats://${NATS_USER}:***@`)}/ANY: cannot connect: the server refused the credentials (Authorization Violation)\n`);
    const down = await cli(['inspect', 'nats://127.0.0.1:1/ANY']);
    expect([down.code, down.err]).toEqual([1, 'nats://127.0.0.1:1/ANY: cannot connect: connection refused (is nats-server running there?)\n']);

  });

  it('an unreachable ws:// server is worded as nats:// is: connection refused, unknown host, or a port that is no NATS WebSocket', async () => {
    const refused = await cli(['inspect', 'ws://127.0.0.1:1/ANY']);
    expect([refused.code, refused.err]).toEqual([1, 'ws://127.0.0.1:1/ANY: cannot connect: connection refused (is nats-server running there?)\n']);
    const unknown = await cli(['inspect', 'ws://nohost.invalid:4599/S']);
    expect([unknown.code, unknown.err]).toEqual([1, 'ws://nohost.invalid:4599/S: cannot connect: unknown host\n']);
    // the server's TCP port answers, but not as a WebSocket
    const tcpPort = requireServer('nats').url.replace('nats://', 'ws://');
    const notWs = await cli(['inspect', `${tcpPort}/ANY`]);
    expect([notWs.code, notWs.err]).toEqual([1, `${tcpPort}/ANY: cannot connect: no NATS WebSocket answered there (is it nats-server, with websocket enabled?)\n`]);
  });
});

describe('purestream inspect <kafka URL>', () => {
  needsServer('kafka');
  it("prints no warning of kafkajs's (its negative timer on Node 24: TimeoutNegativeWarning), and other warnings still show", async () => {
    const { bootstrap } = requireServer('kafka');
    const topic = await topicWith('quiet_cli', [{ key: 'o-1', value: '{"type":"OrderPlaced","id":"e-1"}' }]);
    // the real process, as a user runs it: Node prints warnings on its stderr
    const r = cliProcess(['inspect', `kafka://${bootstrap}/${topic}`]);
    expect([r.status, r.stderr]).toEqual([0, 'last position read: 0:0 (resume with --from 0:0)\n']);
    expect(r.stdout).toContain('kafka profile, messages, no domain: 1 event');
    // the filter is that warning's alone: another one raised in the same process still prints
    const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/sources/kafka/kafkajsWarning.ts').then((m) => { m.muteKafkajsNegativeTimeout(); setTimeout(() => {}, -5); process.emitWarning('still shown', 'DeprecationWarning'); })"], { encoding: 'utf8', env: processEnv });
    expect(other.stderr).toContain('TimeoutNegativeWarning: -5 is a negative number');
    expect(other.stderr).toContain('DeprecationWarning: still shown');
  });

  it('bad input: names a missing topic and an unreachable broker', async () => {
    const { bootstrap } = requireServer('kafka');
    const missing = await cli(['inspect', `kafka://${bootstrap}/no-such-topic`]);
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(new RegExp(`^kafka://${bootstrap}/no-such-topic: no topic no-such-topic on this cluster`))]);
    const down = await cli(['inspect', 'kafka://127.0.0.1:1/t']);
    expect([down.code, down.err]).toEqual([1, 'kafka://127.0.0.1:1/t: cannot connect: connection refused (is a Kafka broker running there?)\n']);
  });
});

describe('purestream inspect: usage', () => {
  it('a URL of a scheme it does not read is said to be no source, not a missing file: exit 1', async () => {
    for (const url of ['http://example.com/x', 'mysql://x/y']) {
      const r = await cli(['inspect', url]);
      expect([r.code, r.out, r.err]).toEqual([1, '', `${url}: not a source Purestream reads (postgres://, postgresql://, nats://, tls://, ws://, wss://, kafka://)\n`]);
    }
  });

  it('a URL without store=, --from of the wrong form, --framing for a URL, --from for a file: exit 2', async () => {
    expect((await cli(['inspect', 'postgres://h/db'])).err).toBe('purestream inspect: postgres://h/db: store= is required: store=emmett, store=marten, store=message-db\n');
    expect((await cli(['inspect', 'kafka://h:9092/t', '--from', '17'])).err).toBe('purestream inspect: --from takes start, end, a time or a position, for this source PARTITION:OFFSET[,PARTITION:OFFSET…]; got "17"\n');
    expect((await cli(['inspect', 'nats://h:4222/S', '--framing', 'lines'])).code).toBe(2);
    expect((await cli(['inspect', 'some.jsonl', '--until', 'live'])).err).toBe('purestream inspect: --until is for source URLs (postgres://, nats://, kafka://), not files\n');
    expect((await cli(['inspect', 'nats://h:4222/S', '--batch', '0'])).err).toBe('purestream inspect: --batch must be a whole number from 1 to 100000, got "0"\n');
    expect((await cli(['inspect', 'nats://h:4222/S', '--until', 'forever'])).err).toBe('purestream inspect: --until must be head or live, got "forever"\n');
  });
});
